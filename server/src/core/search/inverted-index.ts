// A plain inverted index with BM25 scoring. Postings are typed arrays (doc number, term
// frequency), so 100 000 chunks fit in a few hundred MB; removals tombstone the doc number and
// keep document frequencies exact through each doc's own term list, so an index updated
// incrementally ranks exactly like one rebuilt from scratch.
import { terms } from './tokenize';
import { TypoIndex } from './typo';

interface Posting {
  docs: Int32Array;
  tfs: Uint16Array;
  /** Entries used in docs/tfs (live or dead). */
  n: number;
  /** Live documents holding the term. */
  df: number;
  /** The term's number (its place in termNames). */
  readonly id: number;
}

/** A document's distinct terms in order of first use, with their counts, and its length in terms. */
export interface TermBag {
  readonly terms: readonly string[];
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
  private readonly postings = new Map<string, Posting>();
  private readonly termNames: string[] = [];
  /** Postings by term number: a removal needs no string lookup. */
  private readonly byTermId: Posting[] = [];
  private ids: string[] = [];
  private lengths: number[] = [];
  /** Distinct term ids of each live doc, for exact removal. */
  private docTerms: (Int32Array | undefined)[] = [];
  private readonly docNo = new Map<string, number>();
  private totalLength = 0;
  private dead = 0;
  private readonly typo = new TypoIndex();
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
    return this.postings.get(term)?.df ?? 0;
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
    if (this.docNo.has(id)) this.remove(id);
    const no = this.ids.length;
    this.ids.push(id);
    this.lengths.push(bag.length);
    this.totalLength += bag.length;
    this.docNo.set(id, no);
    const ids = new Int32Array(bag.terms.length);
    for (let k = 0; k < bag.terms.length; k++) {
      const w = bag.terms[k]!;
      let p = this.postings.get(w);
      if (!p) {
        p = { docs: new Int32Array(4), tfs: new Uint16Array(4), n: 0, df: 0, id: this.termNames.length };
        this.postings.set(w, p);
        this.termNames.push(w);
        this.byTermId.push(p);
        this.typo.add(w);
        this.sortedVocabulary = undefined;
      }
      if (p.n === p.docs.length) {
        const docs = new Int32Array(p.n * 2);
        docs.set(p.docs);
        const tfs = new Uint16Array(p.n * 2);
        tfs.set(p.tfs);
        p.docs = docs;
        p.tfs = tfs;
      }
      p.docs[p.n] = no;
      p.tfs[p.n] = Math.min(bag.counts[k]!, 65535);
      p.n++;
      p.df++;
      ids[k] = p.id;
    }
    this.docTerms[no] = ids;
  }

  remove(id: string): void {
    const no = this.docNo.get(id);
    if (no === undefined) return;
    this.docNo.delete(id);
    for (const tid of this.docTerms[no] ?? []) this.byTermId[tid]!.df--;
    this.docTerms[no] = undefined;
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
    const docTerms: (Int32Array | undefined)[] = [];
    for (let no = 0; no < this.ids.length; no++) {
      if (this.ids[no] === '') continue;
      remap[no] = ids.length;
      this.docNo.set(this.ids[no]!, ids.length);
      ids.push(this.ids[no]!);
      lengths.push(this.lengths[no]!);
      docTerms.push(this.docTerms[no]);
    }
    for (const p of this.postings.values()) {
      let w = 0;
      for (let r = 0; r < p.n; r++) {
        const to = remap[p.docs[r]!]!;
        if (to < 0) continue;
        p.docs[w] = to;
        p.tfs[w] = p.tfs[r]!;
        w++;
      }
      p.n = w;
    }
    this.ids = ids;
    this.lengths = lengths;
    this.docTerms = docTerms;
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
    for (let i = lo; i < v.length && v[i]!.startsWith(prefix); i++) if ((this.postings.get(v[i]!)?.df ?? 0) > 0) out.push(v[i]!);
    return out.sort((a, b) => this.postings.get(b)!.df - this.postings.get(a)!.df).slice(0, limit);
  }

  /** Expansions of one query term: itself, typo neighbours, and (for the last term) completions. */
  expand(term: string, isLast: boolean): Map<string, number> {
    const out = new Map<string, number>();
    for (const [t, d] of this.typo.expand(term)) {
      if ((this.postings.get(t)?.df ?? 0) > 0) out.set(t, TYPO_WEIGHT[d] ?? 0);
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
    const idfOf = (p: Posting) => Math.log(1 + (N - p.df + 0.5) / (p.df + 0.5));
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
        const p = this.postings.get(qt);
        if (!p || p.df === 0) return;
        const idf = idfOf(p);
        for (let r = 0; r < p.n; r++) {
          const no = p.docs[r]!;
          if (this.ids[no] !== '') credit(no, qi, bm25(idf, p.tfs[r]!, no));
        }
        return;
      }
      const best = new Map<number, { score: number; term: string }>();
      for (const [term, weight] of this.expand(qt, qi === qTerms.length - 1 && typeof query === 'string')) {
        const p = this.postings.get(term)!;
        const idf = idfOf(p);
        for (let r = 0; r < p.n; r++) {
          const no = p.docs[r]!;
          if (this.ids[no] === '') continue;
          const sc = weight * bm25(idf, p.tfs[r]!, no);
          const prev = best.get(no);
          if (!prev || sc > prev.score) best.set(no, { score: sc, term });
        }
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
      .map(([t, f]) => [t, f * Math.log(1 + N / ((this.postings.get(t)?.df ?? 0) + 1))] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([t]) => t);
  }

  /** A comparable picture of the index content (live docs only), for the rebuild-equality test. */
  snapshot(): { docs: string[]; df: Record<string, number>; totalLength: number } {
    const df: Record<string, number> = {};
    for (const [t, p] of this.postings) if (p.df > 0) df[t] = p.df;
    return { docs: [...this.docNo.keys()].sort(), df, totalLength: this.totalLength };
  }
}

/** Set bits of a 32-bit mask. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
