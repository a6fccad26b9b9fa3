// The immutable model of one chunk file. Positions are LSP positions: 0-based line and
// UTF-16 code unit character, so they can be handed to any LSP client unchanged.

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A calendar date as written in a chunk (no time zone: the export has none). */
export interface ChunkDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
}

/** The header field names the producer writes, in its order. */
export const HEADER_FIELDS = ['Période', 'Participants', 'Topics', 'Tokens', 'Messages'] as const;
export type HeaderFieldName = (typeof HEADER_FIELDS)[number];

export const HEADER_START_MARKER = '=== MÉTADONNÉES CHUNK ===';
export const HEADER_END_MARKER = '=== CONTENU ===';

export interface HeaderField {
  /** The name as written (may be misspelled, e.g. `Periode`). */
  readonly name: string;
  readonly line: number;
  readonly nameRange: Range;
  /** The value, trimmed; may be empty. */
  readonly value: string;
  readonly valueRange: Range;
}

export interface Header {
  readonly startLine: number;
  /** The text of the start marker line as written (it may be misspelled). */
  readonly startMarker: string;
  readonly fields: readonly HeaderField[];
  /** Lines inside the header that are neither a field, blank, nor a marker. */
  readonly strayLines: readonly number[];
  /** Line of `=== CONTENU ===` (or of a misspelled form of it); undefined when missing. */
  readonly endMarkerLine?: number;
  readonly endMarker?: string;
  /** Last line that belongs to the header (the end marker, or the last field when it is missing). */
  readonly endLine: number;
}

export type ExportForm = 'android' | 'ios';

/** One WhatsApp message: a dated line and its continuation lines. */
export interface Message {
  readonly line: number;
  /** Last line of the message (continuation lines included). */
  readonly endLine: number;
  readonly form: ExportForm;
  readonly date: ChunkDate;
  /** hh:mm or hh:mm:ss, 24-hour clock. */
  readonly time: string;
  /** Undefined for a system line (join, encryption notice…). */
  readonly sender?: string;
  readonly senderRange?: Range;
  readonly text: string;
  readonly textRange: Range;
  /** The date as written, with its range (for hovers and the grammar tests). */
  readonly dateRange: Range;
}

export type ContentLineKind = 'message' | 'system' | 'continuation' | 'blank';

export interface ContentLine {
  readonly line: number;
  readonly text: string;
  readonly kind: ContentLineKind;
}

export type ChunkKind = 'chat' | 'article';

export interface ArticleDate {
  readonly line: number;
  readonly year: number;
  readonly month: number;
  readonly range: Range;
}

export interface Chunk {
  readonly uri: string;
  readonly kind: ChunkKind;
  /** Lines without their end-of-line characters, BOM removed. */
  readonly lines: readonly string[];
  readonly eol: '\n' | '\r\n';
  readonly hasBom: boolean;
  readonly header?: Header;
  /** First line of the content (after the header, or 0 for an article). */
  readonly contentStartLine: number;
  readonly contentLines: readonly ContentLine[];
  readonly messages: readonly Message[];
  /** The optional ` date YYYY-MM` prefix of an article chunk. */
  readonly articleDate?: ArticleDate;
}

/** A text replacement in one document. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly isPreferred?: boolean;
}

export interface RelatedLocation {
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

/** What a rule found: domain data, converted to LSP in one place (server/src/lsp/convert.ts). */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fixes?: readonly Fix[];
  readonly related?: readonly RelatedLocation[];
}
