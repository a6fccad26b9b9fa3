// The custom requests and notifications of the Chunk Review language server, and its settings.
// Imported by the client too, so both sides share one contract. Method names are public: other
// clients and CI rely on them, so they never change meaning.
import type { SeverityOverride } from './core/analyze';

/** `chunkReview/stats`: how far the server is. Tools poll it to wait for readiness. */
export const StatsRequest = 'chunkReview/stats';
export interface StatsResult {
  /** Corpus chunks known to the server. */
  readonly chunks: number;
  /** True once the start-up scan of the workspace is done. */
  readonly indexed: boolean;
  /**
   * Findings over all those chunks. While a scan is under way (`indexed` false) this is the last
   * count given before it: counting mid-scan would verify near-duplicates again and again.
   */
  readonly findings: number;
}

/** `chunkReview/isChunk`: whether the server treats a document as a chunk (corpus rules). */
export const IsChunkRequest = 'chunkReview/isChunk';
export interface IsChunkParams {
  readonly uri: string;
}

/** `chunkReview/corpusChanged` (server → client): the set of corpus chunks changed. */
export const CorpusChangedNotification = 'chunkReview/corpusChanged';
export interface CorpusChangedParams {
  readonly uris: readonly string[];
}

/** The `chunkReview.*` settings, pulled per resource with `workspace/configuration`. */
export interface ChunkReviewSettings {
  readonly corpus: { readonly include: readonly string[] };
  readonly severity: Readonly<Record<string, SeverityOverride>>;
  /** Base URL of the rule docs linked from diagnostics; empty: the copy shipped with the extension. */
  readonly docsBaseUrl: string;
}

export const DEFAULT_SETTINGS: ChunkReviewSettings = {
  corpus: { include: [] },
  severity: {},
  docsBaseUrl: '',
};

/**
 * `chunkReview/corpusTree`: one level of the participants or dates tree. Without `parent`, the
 * roots; with it, the children of that node (its `id`). Ids are stable across refreshes.
 */
export const CorpusTreeRequest = 'chunkReview/corpusTree';
export interface CorpusTreeParams {
  readonly kind: 'participants' | 'dates';
  readonly parent?: string;
}
export interface CorpusTreeItem {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly count: number;
  readonly hasChildren: boolean;
  readonly uri?: string;
  readonly range?: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
  readonly tags?: readonly string[];
}

/** `chunkReview/relatedChunks`: the chunks most related to one, best first, with reasons in plain words. */
export const RelatedChunksRequest = 'chunkReview/relatedChunks';
export interface RelatedChunksParams {
  readonly uri: string;
  readonly limit?: number;
}
export interface RelatedChunksResult {
  readonly items: readonly { readonly uri: string; readonly score: number; readonly reasons: readonly string[]; readonly range?: CorpusTreeItem['range'] }[];
}

/** `chunkReview/search`: typo- and accent-tolerant search over the corpus, with the matching line. */
export const SearchRequest = 'chunkReview/search';
export interface SearchParams {
  readonly query: string;
  readonly limit?: number;
}
export interface SearchResult {
  readonly items: readonly { readonly uri: string; readonly score: number; readonly range: NonNullable<CorpusTreeItem['range']>; readonly preview: string }[];
}

/**
 * `chunkReview/fixableCodes`: the codes Fix All can fix in the corpus, with how many findings
 * and files each has; what "Fix All in Corpus…" offers to pick from.
 */
export const FixableCodesRequest = 'chunkReview/fixableCodes';
export interface FixableCodesResult {
  readonly items: readonly { readonly code: string; readonly findings: number; readonly files: number }[];
}

/**
 * `chunkReview/fixAll`: one WorkspaceEdit that fixes every finding of the given codes in every
 * corpus chunk (personal data pseudonymised consistently, the table in
 * `.chunkreview/pseudonyms.json` created or updated in the same edit; other findings take their
 * preferred fix). Edits carry change annotations that need confirmation, one per code, so the
 * client shows them in the refactor preview. Nothing outside the flagged spans changes.
 */
export const FixAllRequest = 'chunkReview/fixAll';
export interface FixAllParams {
  readonly codes: readonly string[];
}
