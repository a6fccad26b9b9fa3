// Parses a chunk file's text into the immutable model. Never throws: a half-written or
// malformed header still yields a model, and the rules report what is wrong with it.
import {
  HEADER_END_MARKER, HEADER_START_MARKER,
  type ArticleDate, type Chunk, type ContentLine, type Header, type HeaderField, type Message, type Range,
} from './model';
import { splitLines } from './text';
import { parseDatedLine } from './whatsapp';

const FIELD = /^(\s*)([\p{L}][\p{L}\p{M}\p{N} _'-]{0,30}?)\s*:(.*)$/u;
const ARTICLE_DATE = /^(\s?)date (\d{4})-(\d{2})(?!\d)/;

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, text: string): Range {
  return range(line, 0, line, text.length);
}

/** Upper-case ASCII letters only, accents stripped: `Métadonnées` → `METADONNEES`. */
export function foldName(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^A-Z]/g, '');
}

/**
 * The text between a marker's `==…` runs (`=== CONTENU ===` → `CONTENU`), or undefined when the
 * line is not marker-like. A scan, not a regular expression: the equivalent pattern backtracks
 * cubically on a long line of `=` and spaces.
 */
function markerInner(text: string): string | undefined {
  const s = text.trim();
  let lead = 0;
  while (s.charCodeAt(lead) === 0x3d) lead++;
  if (lead < 2) return undefined;
  if (lead === s.length) return s.length >= 4 ? '' : undefined;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 0x3d) end--;
  return s.length - end >= 2 ? s.slice(lead, end).trim() : undefined;
}

export function isStartMarkerLike(text: string): boolean {
  const inner = markerInner(text);
  if (inner === undefined) return false;
  const f = foldName(inner);
  return f.includes('META') || f.includes('CHUNK') || f.includes('DONNEES');
}

export function isEndMarkerLike(text: string): boolean {
  const inner = markerInner(text);
  if (inner === undefined) return false;
  const f = foldName(inner);
  return f.includes('CONTEN') || f.includes('CONTENT');
}

export function parseChunk(uri: string, text: string): Chunk {
  const { lines, eol, hasBom } = splitLines(text);
  const first = lines[0] ?? '';
  if (first === HEADER_START_MARKER || isStartMarkerLike(first)) {
    const { header, contentStartLine } = parseHeader(lines);
    const { contentLines, messages } = parseContent(lines, contentStartLine);
    return { uri, kind: 'chat', lines, eol, hasBom, header, contentStartLine, contentLines, messages };
  }
  const { contentLines, messages } = parseContent(lines, 0);
  const articleDate = parseArticleDate(first);
  return { uri, kind: messages.length > 0 ? 'chat' : 'article', lines, eol, hasBom, contentStartLine: 0, contentLines, messages, ...(articleDate ? { articleDate } : {}) };
}

function parseArticleDate(first: string): ArticleDate | undefined {
  const m = ARTICLE_DATE.exec(first);
  if (!m) return undefined;
  const month = Number(m[3]);
  if (month < 1 || month > 12) return undefined;
  const start = m[1]!.length;
  return { line: 0, year: Number(m[2]), month, range: range(0, start, 0, m[0].length) };
}

interface MutableHeader {
  fields: HeaderField[];
  strayLines: number[];
  endMarkerLine?: number;
  endMarker?: string;
  lastHeaderLine: number;
  stoppedAt: number;
}

function parseHeader(lines: readonly string[]): { header: Header; contentStartLine: number } {
  const h: MutableHeader = { fields: [], strayLines: [], lastHeaderLine: 0, stoppedAt: lines.length };
  let sawBlankAfterFields = false;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i]!;
    if (t === HEADER_END_MARKER || isEndMarkerLike(t) || (markerInner(t) !== undefined && !isStartMarkerLike(t))) {
      h.endMarkerLine = i;
      h.endMarker = t;
      h.lastHeaderLine = i;
      h.stoppedAt = i + 1;
      break;
    }
    if (t.trim() === '') {
      if (h.fields.length > 0 || h.strayLines.length > 0) sawBlankAfterFields = true;
      continue;
    }
    // A dated message, or any text after the blank line that closes the fields: the content
    // started without its marker.
    if (parseDatedLine(t) || sawBlankAfterFields) {
      h.stoppedAt = i;
      break;
    }
    const f = FIELD.exec(t);
    if (f) {
      const nameStart = f[1]!.length;
      const name = f[2]!;
      const rawValue = f[3]!;
      const valueOffset = t.length - rawValue.length;
      const lead = rawValue.length - rawValue.trimStart().length;
      const value = rawValue.trim();
      h.fields.push({
        name,
        line: i,
        nameRange: range(i, nameStart, i, nameStart + name.length),
        value,
        valueRange: range(i, valueOffset + lead, i, valueOffset + lead + value.length),
      });
    } else {
      h.strayLines.push(i);
    }
    h.lastHeaderLine = i;
  }
  const header: Header = {
    startLine: 0,
    startMarker: lines[0] ?? '',
    fields: h.fields,
    strayLines: h.strayLines,
    endLine: h.lastHeaderLine,
    ...(h.endMarkerLine !== undefined ? { endMarkerLine: h.endMarkerLine, endMarker: h.endMarker! } : {}),
  };
  return { header, contentStartLine: h.stoppedAt };
}

function parseContent(lines: readonly string[], start: number): { contentLines: ContentLine[]; messages: Message[] } {
  const contentLines: ContentLine[] = [];
  const messages: Message[] = [];
  let current: { -readonly [K in keyof Message]: Message[K] } | undefined;
  for (let l = start; l < lines.length; l++) {
    const text = lines[l]!;
    if (text.trim() === '') {
      contentLines.push({ line: l, text, kind: 'blank' });
      continue;
    }
    const d = parseDatedLine(text);
    if (!d) {
      contentLines.push({ line: l, text, kind: 'continuation' });
      if (current) current.endLine = l;
      continue;
    }
    contentLines.push({ line: l, text, kind: d.sender !== undefined ? 'message' : 'system' });
    // Two literals, not one with a spread of the sender: a spread builds the object key by key,
    // about a microsecond a chunk, and leaves messages with and without a sender unrelated shapes.
    const textRange = range(l, d.textStart, l, text.length);
    const dateRange = range(l, d.dateStart, l, d.dateEnd);
    current = d.sender !== undefined
      ? { line: l, endLine: l, form: d.form, date: d.date, time: d.time, text: text.slice(d.textStart), textRange, dateRange, sender: d.sender, senderRange: range(l, d.senderStart!, l, d.senderStart! + d.sender.length) }
      : { line: l, endLine: l, form: d.form, date: d.date, time: d.time, text: text.slice(d.textStart), textRange, dateRange };
    messages.push(current);
  }
  return { contentLines, messages };
}
