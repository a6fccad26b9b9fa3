// Everything the corpus keeps of one file, computed from its bytes alone: findings, the search
// digest and the index record. Pure and cloneable, so it runs in a worker thread as well as here.
import { analyzeBytes, type AnalysisOptions } from './analyze';
import { buildRecord, type ChunkRecord } from './corpus-index';
import type { EntityRecognizer } from './entities/recognizer';
import { packFindings } from './packed-findings';
import { fingerprint, type Fingerprint } from './fingerprint';
import { searchDigest, type SearchDigest } from './search';
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
