// A plain inverted index with BM25 scoring. Postings are typed arrays (doc number, term
// frequency), so 100 000 chunks fit in a few hundred MB; removals tombstone the doc number and
// keep document frequencies exact through each doc's own term list, so an index updated
// incrementally ranks exactly like one rebuilt from scratch.
import { terms } from './tokenize';
import { TypoIndex } from './typo';
import { grown } from '../grown';
import { own } from '../own';

/**
 * Every term's postings in one pool of fixed blocks, `[next, posting × 8]`: appending a posting
 * touches two numbers and one block, where a typed array per term cost an object, two arrays and
 * their regrowth (about four times slower to fill, measured on a scan's merge). A posting is one
 * 32-bit number, `doc × 256 + tf`: term frequencies saturate at 255 (BM25 barely moves past a
 * few), documents are numbered below 2^23.
 *
 * The pool is pages of 2^17 blocks (4.5 MB), added as they fill: one growing array was copied
 * at each growth (a hundred MB at 100 000 chunks, held twice meanwhile) and kept its slack. A
 * block's address is its page × 2^PAGE_SHIFT + its offset in the page.
 */
const BLOCK = 8;
const BLOCK_INTS = 1 + BLOCK;
const PAGE_INTS = BLOCK_INTS << 17;
const PAGE_SHIFT = 21;
const OFFSET = (1 << PAGE_SHIFT) - 1;
/**
 * Per term, side by side in `terms`: its first and last block (-1: none), its entries (live or
 * dead), its live documents, then its last `COUNT % BLOCK` postings, which wait there until a
 * whole block of them moves into the pool at once. Filing a document's few hundred terms so
 * touches one record a term and, for one term in eight, a block just handed out: a posting
 * written straight into the term's last block was a cache miss each (that block lies anywhere
 * in a pool of a hundred MB), most of the merge's time in `setIds`.
 */
const TERM = 4 + BLOCK;
const HEAD = 0;
const TAIL = 1;
const COUNT = 2;
const DF = 3;
const WAITING = 4;
const TF_MAX = 255;
const DOC_LIMIT = 1 << 23;
/** See `typoFiled`: a pause in new terms this long, and terms filed per turn of the event loop. */
const TYPO_QUIET_MS = 300;
const TYPO_SLICE = 20_000;

/** A document's distinct terms in order of first use, with their counts, and its length in terms. */
export interface TermBag {
  readonly terms: readonly string[];
  readonly counts: Uint32Array;
  readonly length: number;
}

/** A document's terms as numbers of an index's vocabulary (`InvertedIndex.termId`), with their counts. */
export interface TermIds {
  readonly ids: Int32Array;
  readonly counts: Uint32Array;
  readonly length: number;
}

export function termBag(words: readonly string[]): TermBag {
  const at = new Map<string, number>();
  const terms: string[] = [];
  const counts: number[] = [];
  for (const w of words) {
    const k = at.get(w);
    if (k === undefined) {
      at.set(w, terms.length);
      terms.push(w);
      counts.push(1);
    } else counts[k]!++;
  }
  return { terms, counts: Uint32Array.from(counts), length: words.length };
}

export interface ScoredDoc {
  readonly id: string;
  readonly score: number;
  /** Query terms (after typo expansion) that matched, for previews. */
  readonly matched: readonly string[];
}

const K1 = 1.2;
const B = 0.75;
/** Weight of a term reached through a typo, by edit distance; a prefix completion counts as 0.8. */
const TYPO_WEIGHT = [1, 0.7, 0.45];
const PREFIX_WEIGHT = 0.8;

export class InvertedIndex {
  /** Term → its number. */
  private readonly termNo = new Map<string, number>();
  private readonly termNames: string[] = [];
  private pages: Int32Array[] = [];
  /** The address of the next free block (in a page still to add when its offset is 0). */
  private used = 0;
  /** Per term number, `TERM` numbers: its first and last block, entries, live documents. */
  private terms = new Int32Array(TERM * 1024);
  private ids: string[] = [];
  private lengths: number[] = [];
  /**
   * Distinct term ids of each live doc, for exact removal, coded as `packTermIds` codes them:
   * all docs in one byte pool, doc `no`'s at `termStart[no]` to `termEnd[no]` (an array per doc
   * cost an object, a buffer and an allocation off the heap each, and their garbage collection).
   */
  private termBytes = new Uint8Array(1 << 16);
  private termBytesUsed = 0;
  private termStart = new Int32Array(1024);
  private termEnd = new Int32Array(1024);
  /** Scratch for sorting a doc's term ids (`radixSort`). */
  private sortBuffer = new Int32Array(1024);
  private sortSpare = new Int32Array(1024);
  private readonly docNo = new Map<string, number>();
  private totalLength = 0;
  private dead = 0;
  private readonly typo = new TypoIndex();
  /**
   * Terms from this number on are not in `typo` yet: they are filed once no new term has come
   * for `TYPO_QUIET_MS`, in slices, or at once when a query needs them. A scan's merge, which
   * numbers most of the vocabulary, does not wait on them (a hash per deletion of each new term:
   * about 6 µs a chunk of a 20 000-chunk scan's main thread); the same terms go in, in the same
   * order, so queries see no change.
   */
  private typoFiled = 0;
  private typoTimer: ReturnType<typeof setTimeout> | undefined;
  private sortedVocabulary: string[] | undefined;
  private scores = new Float64Array(0);
  private masks = new Uint32Array(0);

  get size(): number {
    return this.docNo.size;
  }

  get vocabularySize(): number {
    return this.termNames.length;
  }

  has(id: string): boolean {
    return this.docNo.has(id);
  }

  /** Live documents holding a term. */
  df(term: string): number {
    const t = this.termNo.get(term);
    return t === undefined ? 0 : this.terms[t * TERM + DF]!;
  }

  /** Adds or replaces a document. */
  set(id: string, text: string): void {
    this.setTerms(id, terms(text));
  }

  /** Adds or replaces a document already tokenized (stop words removed). */
  setTerms(id: string, words: readonly string[]): void {
    this.setBag(id, termBag(words));
  }

  /** Adds or replaces a document by its distinct terms and their counts (`termBag`). */
  setBag(id: string, bag: TermBag): void {
    const ids = new Int32Array(bag.terms.length);
    for (let k = 0; k < ids.length; k++) ids[k] = this.termId(bag.terms[k]!);
    this.setIds(id, { ids, counts: bag.counts, length: bag.length });
  }

  /** The number of a term in this index's vocabulary, added (with no document) if new. */
  termId(term: string): number {
    const known = this.termNo.get(term);
    if (known !== undefined) return known;
    const t = this.termNames.length;
    // Kept for good: a copy, so the chunk text the word was cut from is not kept with it.
    term = own(term);
    const at = t * TERM;
    if (at === this.terms.length) this.terms = grown(this.terms, at + TERM);
    this.terms[at + HEAD] = -1;
    this.terms[at + TAIL] = -1;
    this.terms[at + COUNT] = 0;
    this.terms[at + DF] = 0;
    this.termNo.set(term, t);
    this.termNames.push(term);
    if (!this.typoTimer) this.fileTyposLater();
    this.sortedVocabulary = undefined;
    return t;
  }

  /**
   * Files every term still waiting for the typo index now. The benchmarks call it inside the
   * scan's timed window, so work moved after a scan is still counted in its figure.
   */
  fileAllTypos(): void {
    this.fileTypos(Infinity);
  }

  /** Files up to `max` pending terms in the typo index; whether any are left. */
  private fileTypos(max: number): boolean {
    const names = this.termNames;
    const end = Math.min(names.length, this.typoFiled + max);
    while (this.typoFiled < end) this.typo.add(names[this.typoFiled++]!);
    return this.typoFiled < names.length;
  }

  private fileTyposLater(): void {
    let seen = this.termNames.length;
    const tick = () => {
      this.typoTimer = undefined;
      const quiet = this.termNames.length === seen;
      seen = this.termNames.length;
      if (quiet && !this.fileTypos(TYPO_SLICE)) return;
      this.typoTimer = setTimeout(tick, quiet ? 0 : TYPO_QUIET_MS);
      (this.typoTimer as { unref?: () => void }).unref?.();
    };
    this.typoTimer = setTimeout(tick, TYPO_QUIET_MS);
    (this.typoTimer as { unref?: () => void }).unref?.();
  }

  /** Appends a posting (`doc × 256 + tf`) to the term at `at` in `terms`; not its document frequency. */
  private append(at: number, posting: number): void {
    const terms = this.terms;
    const c = terms[at + COUNT]!;
    const k = c % BLOCK;
    terms[at + WAITING + k] = posting;
    terms[at + COUNT] = c + 1;
    if (k < BLOCK - 1) return;
    // A whole block waits: it moves into a new block of the pool.
    const block = this.chain(at);
    const page = this.pages[block >>> PAGE_SHIFT]!;
    const o = (block & OFFSET) + 1;
    for (let i = 0; i < BLOCK; i++) page[o + i] = terms[at + WAITING + i]!;
  }

  /** A new last block for the term at `at` in `terms`, linked after its last one: its address. */
  private chain(at: number): number {
    if ((this.used & OFFSET) === 0) this.pages.push(new Int32Array(PAGE_INTS));
    const fresh = this.used;
    this.used = (fresh & OFFSET) + 2 * BLOCK_INTS > PAGE_INTS ? this.pages.length << PAGE_SHIFT : fresh + BLOCK_INTS;
    const pages = this.pages;
    pages[fresh >>> PAGE_SHIFT]![fresh & OFFSET] = -1;
    const last = this.terms[at + TAIL]!;
    if (last >= 0) pages[last >>> PAGE_SHIFT]![last & OFFSET] = fresh;
    else this.terms[at + HEAD] = fresh;
    this.terms[at + TAIL] = fresh;
    return fresh;
  }

  /**
   * Calls `visit(doc, tf)` for every live posting of a term. The doc numbers of dead entries are
   * skipped here, so callers see live documents only.
   */
  private forPostings(t: number, visit: (doc: number, tf: number) => void): void {
    eachPosting(this.pages, this.terms, t * TERM, (doc, tf) => {
      if (this.ids[doc] !== '') visit(doc, tf);
    });
  }

  /**
   * Adds or replaces a document by term numbers (`termId`): the scan's merge, with no string
   * looked up per term.
   */
  setIds(id: string, bag: TermIds): void {
    if (this.docNo.has(id)) this.remove(id);
    if (this.ids.length >= DOC_LIMIT) {
      this.compact();
      if (this.ids.length >= DOC_LIMIT) throw new Error(`the search index holds at most ${DOC_LIMIT} chunks`);
    }
    const no = this.ids.length;
    this.ids.push(id);
    this.lengths.push(bag.length);
    this.totalLength += bag.length;
    this.docNo.set(id, no);
    const { ids, counts } = bag;
    const n = ids.length;
    const terms = this.terms;
    const base = no * 256;
    for (let k = 0; k < n; k++) {
      const at = ids[k]! * TERM;
      const tf = counts[k]!;
      this.append(at, base + (tf < TF_MAX ? tf : TF_MAX));
      terms[at + DF]!++;
    }
    this.keepTermIds(no, ids);
  }

  /** Doc `no`'s term ids into the byte pool (`packTermIds`'s code), sorted in scratch arrays. */
  private keepTermIds(no: number, ids: Int32Array): void {
    const n = ids.length;
    if (n > this.sortBuffer.length) {
      this.sortBuffer = new Int32Array(Math.max(n, this.sortBuffer.length * 2));
      this.sortSpare = new Int32Array(this.sortBuffer.length);
    }
    const sorted = radixSort(ids, this.sortBuffer, this.sortSpare).subarray(0, n);
    if (this.termBytesUsed + n * 5 > this.termBytes.length) {
      const grown = new Uint8Array(Math.max(this.termBytesUsed + n * 5, Math.ceil(this.termBytes.length * 1.5)));
      grown.set(this.termBytes.subarray(0, this.termBytesUsed));
      this.termBytes = grown;
    }
    if (no >= this.termStart.length) {
      this.termStart = grown(this.termStart, no + 1);
      this.termEnd = grown(this.termEnd, no + 1);
    }
    this.termStart[no] = this.termBytesUsed;
    this.termEnd[no] = this.termBytesUsed = writeGaps(sorted, this.termBytes, this.termBytesUsed);
  }

  remove(id: string): void {
    const no = this.docNo.get(id);
    if (no === undefined) return;
    this.docNo.delete(id);
    const terms = this.terms;
    forTermIds(this.termBytes.subarray(this.termStart[no]!, this.termEnd[no]!), (t) => terms[t * TERM + DF]!--);
    this.termEnd[no] = this.termStart[no]!;
    this.totalLength -= this.lengths[no]!;
    this.ids[no] = '';
    this.dead++;
    if (this.dead > 1000 && this.dead > this.ids.length / 4) this.compact();
  }

  /** Drops dead entries from the postings and renumbers the documents. */
  private compact(): void {
    const remap = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const lengths: number[] = [];
    // The live docs' term ids, moved down over the dead ones' (in place: a live doc's bytes
    // only ever move towards the start).
    const bytes = this.termBytes;
    let kept = 0;
    for (let no = 0; no < this.ids.length; no++) {
      if (this.ids[no] === '') continue;
      const to = ids.length;
      remap[no] = to;
      this.docNo.set(this.ids[no]!, to);
      ids.push(this.ids[no]!);
      lengths.push(this.lengths[no]!);
      const start = this.termStart[no]!;
      const end = this.termEnd[no]!;
      bytes.copyWithin(kept, start, end);
      this.termStart[to] = kept;
      this.termEnd[to] = kept += end - start;
    }
    this.termBytesUsed = kept;
    // The live postings of each term, in order, into a new pool.
    const live: number[] = [];
    const old = this.pages;
    const terms = this.terms;
    this.pages = [];
    this.used = 0;
    for (let t = 0; t < this.termNames.length; t++) {
      live.length = 0;
      eachPosting(old, terms, t * TERM, (doc, tf) => {
        const to = remap[doc]!;
        if (to >= 0) live.push(to, tf);
      });
      // Its document frequency stays: only dead entries go.
      terms[t * TERM + HEAD] = -1;
      terms[t * TERM + TAIL] = -1;
      terms[t * TERM + COUNT] = 0;
      for (let i = 0; i < live.length; i += 2) this.append(t * TERM, live[i]! * 256 + live[i + 1]!);
    }
    this.ids = ids;
    this.lengths = lengths;
    this.dead = 0;
  }

  /** Vocabulary terms that start with a prefix (for the last word typed), most frequent first. */
  completions(prefix: string, limit = 20): string[] {
    if (prefix.length < 3) return [];
    if (!this.sortedVocabulary) this.sortedVocabulary = [...this.termNames].sort();
    const v = this.sortedVocabulary;
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < v.length && v[i]!.startsWith(prefix); i++) if (this.df(v[i]!) > 0) out.push(v[i]!);
    return out.sort((a, b) => this.df(b) - this.df(a)).slice(0, limit);
  }

  /** Expansions of one query term: itself, typo neighbours, and (for the last term) completions. */
  expand(term: string, isLast: boolean): Map<string, number> {
    const out = new Map<string, number>();
    this.fileTypos(Infinity);
    for (const [t, d] of this.typo.expand(term)) {
      if (this.df(t) > 0) out.set(t, TYPO_WEIGHT[d] ?? 0);
    }
    if (isLast) for (const c of this.completions(term)) if (!out.has(c)) out.set(c, PREFIX_WEIGHT);
    return out;
  }

  /**
   * BM25 over the query terms, each expanded for typos (unless `exact`: a chunk's own terms
   * need no typo tolerance); a document scores, per query term, its best expansion. Documents
   * matching more of the query terms rank higher (coordination).
   */
  search(query: string | readonly string[], limit = 10, exclude?: string, exact = false): ScoredDoc[] {
    // At most 32 query terms: which of them a document matched is one bit each.
    const qTerms = (typeof query === 'string' ? terms(query) : [...query]).slice(0, 32);
    if (qTerms.length === 0 || this.docNo.size === 0) return [];
    const n = this.ids.length;
    if (this.scores.length < n) {
      this.scores = new Float64Array(Math.max(n, this.scores.length * 2));
      this.masks = new Uint32Array(this.scores.length);
    }
    const total = this.scores;
    const mask = this.masks;
    const touched: number[] = [];
    const avgdl = this.totalLength / Math.max(1, this.docNo.size);
    const N = this.docNo.size;
    const idfOf = (t: number) => {
      const df = this.terms[t * TERM + DF]!;
      return Math.log(1 + (N - df + 0.5) / (df + 0.5));
    };
    const bm25 = (idf: number, tf: number, no: number) => idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[no]!) / avgdl)));
    const credit = (no: number, qi: number, score: number) => {
      if (mask[no] === 0 && total[no] === 0) touched.push(no);
      total[no] = total[no]! + score;
      mask[no] = mask[no]! | (1 << qi);
    };
    // Per query term, the expansion each document matched best (typo'd searches only).
    const chosen: (Map<number, { score: number; term: string }> | undefined)[] = [];
    qTerms.forEach((qt, qi) => {
      if (exact) {
        // A chunk's own terms as a query: no expansion, straight into the totals.
        const t = this.termNo.get(qt);
        if (t === undefined || this.terms[t * TERM + DF] === 0) return;
        const idf = idfOf(t);
        this.forPostings(t, (no, tf) => credit(no, qi, bm25(idf, tf, no)));
        return;
      }
      const best = new Map<number, { score: number; term: string }>();
      for (const [term, weight] of this.expand(qt, qi === qTerms.length - 1 && typeof query === 'string')) {
        const t = this.termNo.get(term)!;
        const idf = idfOf(t);
        this.forPostings(t, (no, tf) => {
          const sc = weight * bm25(idf, tf, no);
          const prev = best.get(no);
          if (!prev || sc > prev.score) best.set(no, { score: sc, term });
        });
      }
      for (const [no, { score }] of best) credit(no, qi, score);
      chosen[qi] = best;
    });
    // The best `limit` documents, kept sorted as they come: no object for the thousands of
    // others a common term touches.
    const top: { no: number; score: number; id: string; bits: number }[] = [];
    const before = (a: { score: number; id: string }, b: { score: number; id: string }) => a.score > b.score || (a.score === b.score && a.id < b.id);
    for (const no of touched) {
      const bits = mask[no]!;
      const coord = popcount(bits) / qTerms.length;
      const score = total[no]! * coord * coord;
      total[no] = 0;
      mask[no] = 0;
      const id = this.ids[no]!;
      if (id === exclude) continue;
      const cand = { no, score, id, bits };
      if (top.length === limit && !before(cand, top[top.length - 1]!)) continue;
      let i = top.length;
      while (i > 0 && before(cand, top[i - 1]!)) i--;
      top.splice(i, 0, cand);
      if (top.length > limit) top.pop();
    }
    return top.map(({ no, score, id, bits }) => {
      const matched = new Set<string>();
      qTerms.forEach((qt, qi) => {
        if (bits & (1 << qi)) matched.add(exact ? qt : chosen[qi]!.get(no)!.term);
      });
      return { id, score, matched: [...matched] };
    });
  }

  /** The terms of a text ranked by tf-idf in this corpus: a query for "similar text". */
  keyTerms(text: string, limit = 24): string[] {
    const tf = new Map<string, number>();
    for (const w of terms(text)) tf.set(w, (tf.get(w) ?? 0) + 1);
    const N = Math.max(1, this.docNo.size);
    return [...tf.entries()]
      .filter(([t]) => !/^\d+$/.test(t))
      .map(([t, f]) => [t, f * Math.log(1 + N / (this.df(t) + 1))] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([t]) => t);
  }

  /** A comparable picture of the index content (live docs only), for the rebuild-equality test. */
  snapshot(): { docs: string[]; df: Record<string, number>; totalLength: number } {
    const df: Record<string, number> = {};
    this.termNames.forEach((t, i) => {
      if (this.terms[i * TERM + DF]! > 0) df[t] = this.terms[i * TERM + DF]!;
    });
    return { docs: [...this.docNo.keys()].sort(), df, totalLength: this.totalLength };
  }
}

/** Set bits of a 32-bit mask. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Every posting of the term at `at` in `terms`, live or dead, in the order they came: its
 * blocks', then those still waiting in its record.
 */
function eachPosting(pages: readonly Int32Array[], terms: Int32Array, at: number, visit: (doc: number, tf: number) => void): void {
  const count = terms[at + COUNT]!;
  let blocks = (count - (count % BLOCK)) / BLOCK;
  for (let b = terms[at + HEAD]!; blocks > 0; blocks--) {
    const page = pages[b >>> PAGE_SHIFT]!;
    const o = b & OFFSET;
    for (let i = 1; i <= BLOCK; i++) {
      const p = page[o + i]!;
      visit(p >>> 8, p & TF_MAX);
    }
    b = page[o]!;
  }
  for (let i = 0; i < count % BLOCK; i++) {
    const p = terms[at + WAITING + i]!;
    visit(p >>> 8, p & TF_MAX);
  }
}

/**
 * A document's term numbers, sorted, as the varint-coded gaps between them: about two bytes a
 * term where four were kept (a removal is the only reader). The index writes the same code into
 * its byte pool (`keepTermIds`).
 */
export function packTermIds(ids: Int32Array): Uint8Array {
  const sorted = radixSort(ids, new Int32Array(ids.length), new Int32Array(ids.length));
  const out = new Uint8Array(sorted.length * 5);
  return out.slice(0, writeGaps(sorted, out, 0));
}

const radixCounts = new Int32Array(256);

/**
 * Non-negative `ids` sorted, in `a` or `b` (each at least as long; the one returned): 8 bits a
 * pass, as many passes as the largest id needs. About twice as fast as `sort()` on a
 * document's few hundred term ids.
 */
function radixSort(ids: Int32Array, a: Int32Array, b: Int32Array): Int32Array {
  const n = ids.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (ids[i]! > max) max = ids[i]!;
  a.set(ids);
  let from = a;
  let to = b;
  for (let shift = 0; shift < 32 && (shift === 0 || max >>> shift > 0); shift += 8) {
    const counts = radixCounts;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(from[i]! >>> shift) & 255]!++;
    let sum = 0;
    for (let k = 0; k < 256; k++) {
      const c = counts[k]!;
      counts[k] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = from[i]!;
      to[counts[(v >>> shift) & 255]!++] = v;
    }
    const done = to;
    to = from;
    from = done;
  }
  return from;
}

/** Sorted ids as varint-coded gaps into `out` from `at` (room for 5 bytes an id); returns the end. */
function writeGaps(sorted: Int32Array, out: Uint8Array, at: number): number {
  let n = at;
  let prev = 0;
  for (let i = 0; i < sorted.length; i++) {
    let gap = sorted[i]! - prev;
    prev = sorted[i]!;
    while (gap >= 0x80) {
      out[n++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    out[n++] = gap;
  }
  return n;
}

export function forTermIds(packed: Uint8Array, visit: (id: number) => void): void {
  let id = 0;
  for (let i = 0; i < packed.length;) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = packed[i++]!;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    id += gap;
    visit(id);
  }
}
