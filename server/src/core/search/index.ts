// Search, related chunks and the corpus-level findings (overlap, duplicate) over every chunk.
// The structures hold no chunk text: previews and duplicate checks ask `chunkOf` for it.
import type { Chunk, ChunkDate, Finding, Range, Severity } from '../model';
import { chunkName } from '../chunk-name';
import { t } from '../l10n';
import { compareDates, formatDate } from '../whatsapp';
import { InvertedIndex, termBag, type TermBag, type TermIds } from './inverted-index';
import { TermTranslator, type LocalTermTable, type LocalTerms } from './term-table';
import { bandKeys, distinctShingles, NearDuplicates, sortedShingles } from './near-duplicates';
import { edges, OverlapIndex, type Edges } from './overlap';
import { Interner } from '../own';
import { allWords, foldTerm, terms, withoutStopWords } from './tokenize';

/** What the entity and figure index can tell about a chunk, to explain relatedness. */
export interface RelatedSignals {
  /** Distinct entities (key, display label) mentioned in a chunk. */
  entitiesOf(id: string): readonly { readonly key: string; readonly label: string }[];
  /** Distinct figures (normalised key, display label) quoted in a chunk. */
  figuresOf(id: string): readonly { readonly key: string; readonly label: string }[];
  /** The chunks mentioning an entity; undefined when there are more than `max` (nothing is copied then). */
  chunksWithEntity(key: string, max: number): readonly string[] | undefined;
  /** The chunks quoting a figure (within rounding); undefined when there are more than `max`. */
  chunksWithFigure(key: string, max: number): readonly string[] | undefined;
}

export interface SearchHit {
  readonly uri: string;
  readonly score: number;
  readonly range: Range;
  readonly preview: string;
}

export interface RelatedChunk {
  readonly uri: string;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly range?: Range;
}

/** A chunk's distinct senders and days, as short arrays of shared strings (a Set each weighed more). */
interface Meta {
  readonly senders: readonly string[];
  readonly days: readonly string[];
}

/** The meta of every chunk without messages (an article): one object, not three per chunk. */
const NO_MESSAGES: Meta = Object.freeze({ senders: Object.freeze([]), days: Object.freeze([]) });

/** What the search structures keep of a chunk, computed without them (pure: worker-safe). */
export interface SearchDigest {
  /**
   * Search terms (stop words removed), each once with its count: as strings, or numbered by a
   * worker (`LocalTerms`, received through `translator()`) or by this index (`TermIds`).
   */
  readonly terms: TermBag | LocalTerms | TermIds;
  /** LSH band keys; undefined for a chunk too small to compare. */
  readonly bands: Int32Array | undefined;
  readonly shingleCount: number;
  readonly edges: Edges;
  /** The distinct senders, in order of first message. */
  readonly senders: readonly string[];
  /** The distinct `dd/mm/yyyy` of the messages. */
  readonly days: readonly string[];
}

/**
 * `table`: a worker's numbering, which the terms then carry (`LocalTerms`). They are numbered
 * last, so that nothing after can throw and lose the new numbers the main thread must receive.
 */
export function searchDigest(chunk: Chunk, table?: LocalTermTable): SearchDigest {
  const senders = new Set<string>();
  const days = new Set<string>();
  let day: ChunkDate | undefined;
  for (const m of chunk.messages) {
    if (m.sender !== undefined) senders.add(m.sender);
    // Messages come in runs of one day: a day is written out once a run, not once a message.
    if (day === undefined || compareDates(m.date, day) !== 0) days.add(formatDate(m.date));
    day = m.date;
  }
  const lines = edges(chunk);
  if (!table) {
    const words = allWords(contentText(chunk));
    const sh = sortedShingles(words);
    return { bands: bandKeys(sh), shingleCount: sh.length, edges: lines, senders: [...senders], days: [...days], terms: termBag(withoutStopWords(words)) };
  }
  // The table numbers new terms: after that only arithmetic on typed arrays, which cannot
  // throw, so a document it numbered always reaches the main thread. It cuts the words itself
  // (no string for a word met before) and gives their hashes as it goes.
  const terms = table.encodeWords(contentText(chunk));
  const sh = distinctShingles(table.wordHashes);
  return { bands: bandKeys(sh), shingleCount: sh.length, edges: lines, senders: [...senders], days: [...days], terms };
}

export function contentText(chunk: Chunk): string {
  return chunk.lines.slice(chunk.contentStartLine).join('\n');
}

export class CorpusSearch {
  readonly text = new InvertedIndex();
  readonly duplicates: NearDuplicates;
  readonly overlaps = new OverlapIndex();
  private readonly meta = new Map<string, Meta>();
  private readonly byDay = new Map<string, Set<string>>();
  /** Senders, owned and shared (see own.ts). */
  private readonly names = new Interner();
  signals: RelatedSignals | undefined;

  constructor(private readonly chunkOf: (id: string) => Chunk | undefined, duplicateThreshold = 0.8) {
    this.duplicates = new NearDuplicates(duplicateThreshold);
  }

  private readonly textOf = (id: string): string | undefined => {
    const c = this.chunkOf(id);
    return c ? contentText(c) : undefined;
  };

  get size(): number {
    return this.text.size;
  }

  set(id: string, chunk: Chunk): void {
    this.setDigest(id, searchDigest(chunk));
  }

  /** Room for `chunks` chunks in all: a scan says how many it brings, so its merge regrows less. */
  reserve(chunks: number): void {
    this.duplicates.reserve(chunks);
    this.overlaps.reserve(chunks);
  }

  /** Maps one worker's term numbers onto this index's (one per worker and scan). */
  translator(): TermTranslator {
    return new TermTranslator(this.text);
  }

  /** Puts a chunk in from its digest (`searchDigest`, computed here or in a worker). */
  setDigest(id: string, d: SearchDigest): void {
    const t = d.terms;
    if ('fresh' in t) throw new Error('a worker\'s term numbers must go through translator() first');
    const before = this.meta.get(id);
    if (before) this.unindex(id);
    if ('terms' in t) this.text.setBag(id, t);
    else this.text.setIds(id, t);
    this.duplicates.setKeys(id, d.bands, d.shingleCount);
    this.overlaps.setEdges(id, d.edges);
    // A digest's senders and days are distinct already (`searchDigest`).
    const days = d.days.map((x) => this.names.get(x));
    for (const day of days) {
      let s = this.byDay.get(day);
      if (!s) this.byDay.set(day, (s = new Set()));
      s.add(id);
    }
    // Only the days it no longer has: a day's set of thousands of chunks is left as it is when
    // the chunk keeps the day (see CorpusIndex.store).
    if (before) this.leaveDays(id, before.days.filter((day) => !days.includes(day)));
    // No day: no message, so no sender either.
    this.meta.set(id, days.length === 0 ? NO_MESSAGES : { senders: d.senders.map((x) => this.names.get(x)), days });
  }

  remove(id: string): void {
    const before = this.meta.get(id);
    if (!before) return;
    this.unindex(id);
    this.leaveDays(id, before.days);
    this.meta.delete(id);
  }

  /** Takes a chunk out of the text, duplicate and overlap structures (not its days or meta). */
  private unindex(id: string): void {
    this.text.remove(id);
    this.duplicates.remove(id);
    this.overlaps.remove(id);
  }

  private leaveDays(id: string, days: readonly string[]): void {
    for (const d of days) {
      const s = this.byDay.get(d);
      s?.delete(id);
      if (s && s.size === 0) this.byDay.delete(d);
    }
  }

  /** Chunks whose corpus findings may change when `id` changes (its duplicates and continuations). */
  neighbours(id: string): string[] {
    return [...new Set([...this.duplicates.candidates(id), ...this.overlaps.nextOf(id), ...this.overlaps.previousOf(id).map((e) => e.previous)])];
  }

  /** Type-as-you-search: typo- and accent-tolerant, with the best matching line of each chunk. */
  search(query: string, limit = 20): SearchHit[] {
    const hits = this.text.search(query, limit);
    const out: SearchHit[] = [];
    for (const h of hits) {
      const chunk = this.chunkOf(h.id);
      if (!chunk) continue;
      const { line, column, length } = bestLine(chunk, new Set(h.matched));
      const text = chunk.lines[line] ?? '';
      out.push({
        uri: h.id,
        score: Math.round(h.score * 1000) / 1000,
        range: { start: { line, character: column }, end: { line, character: column + length } },
        preview: preview(text, column),
      });
    }
    return out;
  }

  /** The chunks most related to `id`, best first, each with its reasons in plain words. */
  related(id: string, limit = 10): RelatedChunk[] {
    const chunk = this.chunkOf(id);
    if (!chunk || !this.meta.has(id)) return [];
    const mine = this.meta.get(id)!;
    const scores = new Map<string, { score: number; reasons: string[]; range?: Range }>();
    const add = (other: string, score: number, reason: string, range?: Range) => {
      if (other === id || !this.meta.has(other)) return;
      let s = scores.get(other);
      if (!s) scores.set(other, (s = { score: 0, reasons: [] }));
      s.score += score;
      s.reasons.push(reason);
      if (range && !s.range) s.range = range;
    };
    const lineRange = (c: Chunk | undefined, line: number): Range => ({ start: { line, character: 0 }, end: { line, character: c?.lines[line]?.length ?? 0 } });

    for (const next of this.overlaps.nextOf(id)) {
      const edge = this.overlaps.previousOf(next).find((e) => e.previous === id)!;
      add(next, 100, t('continues this chunk'), lineRange(this.chunkOf(next), edge.lines[edge.lines.length - 1]! + 1));
    }
    for (const edge of this.overlaps.previousOf(id)) add(edge.previous, 90, t('precedes this chunk'), lineRange(this.chunkOf(edge.previous), edge.previousLines[0]!));
    for (const d of this.duplicates.duplicatesOf(id, this.textOf)) add(d.id, 60 * d.similarity, t('near copy ({0}% similar)', Math.round(d.similarity * 100)));

    const n = Math.max(1, this.size);
    // A signal shared by more chunks than this is skipped: it does not tell chunks apart.
    const fanOut = Math.min(Math.max(50, n / 5), 400);
    if (this.signals) {
      const shared = new Map<string, { score: number; labels: string[] }>();
      for (const e of this.signals.entitiesOf(id)) {
        // An entity in a large share of the corpus explains little, and costs a lot to follow.
        const chunks = this.signals.chunksWithEntity(e.key, fanOut);
        if (!chunks) continue;
        const idf = Math.log(1 + n / chunks.length);
        for (const other of chunks) {
          if (other === id) continue;
          let s = shared.get(other);
          if (!s) shared.set(other, (s = { score: 0, labels: [] }));
          s.score += idf;
          s.labels.push(e.label);
        }
      }
      for (const [other, s] of shared) add(other, 2 * s.score, t('shares {0}', s.labels.slice(0, 3).join(', ') + (s.labels.length > 3 ? '…' : '')));
      for (const f of this.signals.figuresOf(id)) {
        const chunks = this.signals.chunksWithFigure(f.key, fanOut);
        if (!chunks) continue;
        for (const other of chunks) add(other, 6, t('same figure {0}', f.label));
      }
    }
    for (const day of mine.days) {
      const others = this.byDay.get(day) ?? new Set();
      if (others.size > fanOut) continue;
      for (const other of others) add(other, 3, t('same day {0}', day));
    }
    if (mine.senders.length > 0) {
      for (const [other, s] of scores) {
        const theirs = this.meta.get(other)!.senders;
        const common = mine.senders.filter((x) => theirs.includes(x));
        if (common.length > 0) {
          s.score += 4 * (common.length / new Set([...mine.senders, ...theirs]).size);
          s.reasons.push(common.length === mine.senders.length && common.length === theirs.length ? t('same participants') : t('shares participant {0}', common.slice(0, 2).join(', ')));
        }
      }
    }
    // Similar text: the chunk's own key terms as a query.
    const similar = this.text.search(this.text.keyTerms(contentText(chunk), 16), 30, id, true);
    const top = similar[0]?.score ?? 0;
    for (const h of similar) {
      const norm = top > 0 ? h.score / top : 0;
      if (norm < 0.25) continue;
      add(h.id, 10 * norm, t('similar text'));
    }
    return [...scores.entries()]
      .map(([uri, s]) => ({ uri, score: Math.round(s.score * 100) / 100, reasons: s.reasons, ...(s.range ? { range: s.range } : {}) }))
      .sort((a, b) => b.score - a.score || (a.uri < b.uri ? -1 : 1))
      .slice(0, limit);
  }

  /** How many `overlap` and `duplicate` findings `findings` would give, without writing them. */
  findingCount(id: string, severityOf: (code: string, fallback: Severity) => Severity | undefined): number {
    if (!this.chunkOf(id)) return 0;
    let n = 0;
    if (severityOf('overlap', 'information')) n += this.overlaps.previousOf(id).length;
    if (severityOf('duplicate', 'warning') && this.duplicates.duplicatesOf(id, this.textOf).length > 0) n++;
    return n;
  }

  /** `overlap` and `duplicate` findings of one chunk, with their severities already chosen. */
  findings(id: string, severityOf: (code: string, fallback: Severity) => Severity | undefined): Finding[] {
    // The chunk is parsed (read again, for a disk chunk) only when there is something to say:
    // the server asks this of every chunk once a scan is done, to publish its diagnostics.
    if (!this.meta.has(id)) return [];
    const out: Finding[] = [];
    const overlapSeverity = severityOf('overlap', 'information');
    const overlaps = overlapSeverity ? this.overlaps.previousOf(id) : [];
    const duplicateSeverity = severityOf('duplicate', 'warning');
    const dups = duplicateSeverity ? this.duplicates.duplicatesOf(id, this.textOf) : [];
    if (overlapSeverity) {
      for (const e of overlaps) {
        const first = e.lines[0]!;
        const last = e.lines[e.lines.length - 1]!;
        out.push({
          code: 'overlap',
          severity: overlapSeverity,
          message: e.lines.length === 1
            ? t('The first line repeats the last line of {0}: the producer’s designed overlap.', chunkName(e.previous))
            : t('The first {0} lines repeat the last lines of {1}: the producer’s designed overlap.', e.lines.length, chunkName(e.previous)),
          range: { start: { line: first, character: 0 }, end: { line: last, character: e.lastLength } },
          related: [{ uri: e.previous, range: { start: { line: e.previousLines[0]!, character: 0 }, end: { line: e.previousLines[e.previousLines.length - 1]!, character: e.previousLastLength } }, message: t('the same lines at the end of {0}', chunkName(e.previous)) }],
        });
      }
    }
    // Only a duplicate needs the chunk parsed (read again, for a disk chunk).
    const chunk = dups.length > 0 ? this.chunkOf(id) : undefined;
    if (duplicateSeverity && chunk) {
      const at = chunk.contentStartLine < chunk.lines.length ? chunk.contentStartLine : 0;
      const best = dups[0]!;
      out.push({
        code: 'duplicate',
        severity: duplicateSeverity,
        message: dups.length === 1
          ? t('Near copy of {0} ({1}% similar): embedding both weighs this text twice.', chunkName(best.id), Math.round(best.similarity * 100))
          : t('Near copy of {0} other chunks, the closest {1} ({2}% similar): embedding them weighs this text several times.', dups.length, chunkName(best.id), Math.round(best.similarity * 100)),
        range: { start: { line: at, character: 0 }, end: { line: at, character: chunk.lines[at]?.length ?? 0 } },
        related: dups.slice(0, 10).map((d) => ({ uri: d.id, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: t('{0}% similar', Math.round(d.similarity * 100)) })),
      });
    }
    return out;
  }
}

/** The line holding the most matched terms (ties: the first), with the first match's column. */
function bestLine(chunk: Chunk, matched: ReadonlySet<string>): { line: number; column: number; length: number } {
  let best = { line: chunk.contentStartLine, column: 0, length: 0, hits: 0 };
  const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  for (let l = chunk.contentStartLine; l < chunk.lines.length; l++) {
    const text = chunk.lines[l]!;
    let hits = 0;
    let first: { column: number; length: number } | undefined;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const folded = terms(m[0], true);
      const f = folded.length > 0 ? folded : [foldTerm(m[0])];
      if (f.some((x) => matched.has(x))) {
        hits++;
        if (!first) first = { column: m.index, length: m[0].length };
      }
    }
    if (hits > best.hits) best = { line: l, column: first!.column, length: first!.length, hits };
  }
  return best;
}

function preview(text: string, column: number, width = 120): string {
  const start = Math.max(0, column - 40);
  const s = text.slice(start, start + width).trim();
  return (start > 0 ? '…' : '') + s + (start + width < text.length ? '…' : '');
}
