// Everything the corpus keeps of one file, computed from its bytes alone: findings, the search
// digest and the index record. Pure and cloneable, so it runs in a worker thread as well as here.
import { analyzeBytes, type AnalysisOptions } from './analyze';
import { buildRecord, type ChunkRecord } from './corpus-index';
import type { EntityRecognizer } from './entities/recognizer';
import { packFindings } from './packed-findings';
import { fingerprint, type Fingerprint } from './fingerprint';
import { searchDigest, type SearchDigest } from './search';
import type { TermIds } from './search/inverted-index';
import type { LocalTermTable } from './search/term-table';
import type { LocalStrings } from './string-table';

export interface Prepared {
  /** Packed (packed-findings.ts): bytes cross threads without a clone. */
  readonly findings: Uint8Array;
  readonly findingCount: number;
  /** Rules that threw, as text (an error object may not cross threads). */
  readonly errors: readonly { readonly code: string; readonly error: string }[];
  /** Both undefined when the file could not be read as text. */
  readonly search?: SearchDigest;
  readonly record?: ChunkRecord;
  /** Of the bytes analysed, so the main thread can keep it instead of them. */
  readonly fingerprint?: Fingerprint;
}

/**
 * `terms`: a worker's own numbering of search terms, so the digest carries numbers, not strings
 * (the main thread maps them with a `TermTranslator`). `strings`: the same for the record's
 * strings (`StringTranslator`); if this throws, the strings it numbered leave with the next reply.
 */
export function prepareBytes(id: string, bytes: Uint8Array, options: AnalysisOptions, recognizer: EntityRecognizer, terms?: LocalTermTable, strings?: LocalStrings): Prepared {
  const analysis = analyzeBytes(id, bytes, options);
  const errors = analysis.errors.map(({ code, error }) => ({ code, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  const chunk = analysis.chunk;
  const findings = packFindings(analysis.findings);
  const findingCount = analysis.findings.length;
  if (!chunk) return { findings, findingCount, errors };
  const built = buildRecord(id, chunk, recognizer, strings);
  const print = fingerprint(bytes);
  // Last: once the worker's table has numbered new terms, nothing may throw (searchDigest).
  const search = searchDigest(chunk, terms);
  const taken = strings?.take();
  const record = taken ? { ...built, strings: taken.fresh, firstFresh: taken.firstFresh } : built;
  return { findings, findingCount, errors, search, record, fingerprint: print };
}

/**
 * The same results with their typed arrays copied side by side into one buffer, as views of
 * it: for a worker's reply. A structured clone gives every typed array with a buffer of its
 * own a buffer of its own on the receiving thread (an allocation off the heap, its bookkeeping
 * and its freeing, six a chunk), where views of one buffer cross as one. The main thread copies
 * what it keeps (slab.ts), so the buffer goes with the reply. Nothing else changes.
 */
export function inOneBuffer(results: readonly Prepared[]): Prepared[] {
  let size = 0;
  for (const p of results) {
    const { search, record } = p;
    size += aligned(p.findings.byteLength);
    if (search) size += aligned(search.edges.byteLength) + aligned(search.bands?.byteLength ?? 0) + aligned('ids' in search.terms ? search.terms.ids.byteLength : 0) + aligned(search.terms.counts.byteLength);
    if (record) size += aligned(record.data.byteLength);
  }
  const buffer = new ArrayBuffer(size);
  let at = 0;
  /** Where the next array of `bytes` bytes goes (each length rounded up to 8, so every view starts aligned). */
  const next = (bytes: number): number => {
    const start = at;
    at += aligned(bytes);
    return start;
  };
  // Each copied by `set` from an array of its own type (reading `.buffer` of a small array
  // would first move it off the heap).
  const copy = <A extends Float64Array | Int32Array | Uint32Array | Uint8Array>(a: A, view: A): A => {
    view.set(a as never);
    return view;
  };
  return results.map((p) => {
    const { search, record } = p;
    const findings = copy(p.findings, new Uint8Array(buffer, next(p.findings.byteLength), p.findings.length));
    const moved: { -readonly [K in keyof Prepared]: Prepared[K] } = { ...p, findings };
    if (search) {
      const edges = copy(search.edges, new Float64Array(buffer, next(search.edges.byteLength), search.edges.length));
      const bands = search.bands && copy(search.bands, new Int32Array(buffer, next(search.bands.byteLength), search.bands.length));
      const t = search.terms;
      const ids = 'ids' in t ? copy(t.ids, new Int32Array(buffer, next(t.ids.byteLength), t.ids.length)) : undefined;
      const counts = copy(t.counts, new Uint32Array(buffer, next(t.counts.byteLength), t.counts.length));
      moved.search = { ...search, edges, bands, terms: ids ? { ...(t as TermIds), ids, counts } : { ...t, counts } };
    }
    if (record) moved.record = { ...record, data: copy(record.data, new Int32Array(buffer, next(record.data.byteLength), record.data.length)) };
    return moved;
  });
}

/** A byte length rounded up to 8, so the next view starts aligned for any element type. */
const aligned = (n: number) => (n + 7) & ~7;
