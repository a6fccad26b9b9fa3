// Typo tolerance over the corpus vocabulary with a deletion index (the SymSpell idea): every
// term is stored under itself and each string one deletion away, so a query term finds the
// terms within edit distance 1 by looking up its own deletions: no scan of the vocabulary.
// Distance 2 (long words only) is found where the one-deletion keys of the vocabulary meet the
// query's one- and two-deletion keys (letters added twice, an added letter next to a typo);
// two substitutions far apart are not, since indexing two deletions of every term would cost
// about 100 MB at 100 000 chunks for a rare kind of typo.

import { avalanche, FNV_OFFSET, FNV_PRIME, hashString } from './hash';

/**
 * Longer terms get no typo tolerance: they are codes, URLs or runs of one character, and their
 * deletion keys cost the square of their length (a 200 000-character "word" would never end).
 */
export const MAX_TYPO_TERM = 32;

export class TypoIndex {
  /**
   * A deletion's hash → the term(s) it comes from, by number (one number, or an array for
   * several). Keys are 30-bit hashes, not strings: half a million deletion strings weighed
   * more than the postings. Two deletions may share a hash; every candidate is checked by its
   * distance, so a collision costs one comparison, never a wrong answer.
   */
  private readonly byDeletion = new Map<number, number | number[]>();
  private readonly terms: string[] = [];
  private readonly known = new Set<string>();

  add(term: string): void {
    if (this.known.has(term)) return;
    this.known.add(term);
    if (term.length > MAX_TYPO_TERM) return;
    const no = this.terms.length;
    this.terms.push(term);
    forEachDeletionHash(term, (h) => {
      const cur = this.byDeletion.get(h);
      if (cur === undefined) this.byDeletion.set(h, no);
      else if (typeof cur === 'number') {
        if (cur !== no) this.byDeletion.set(h, [cur, no]);
      } else if (cur[cur.length - 1] !== no) cur.push(no);
    });
  }

  has(term: string): boolean {
    return this.known.has(term);
  }

  get size(): number {
    return this.known.size;
  }

  /** Vocabulary terms within distance 1 (2 for words of 8+ letters), with their distance. */
  expand(term: string): Map<string, number> {
    const out = new Map<string, number>();
    if (this.known.has(term)) out.set(term, 0);
    if (term.length < 4 || term.length > MAX_TYPO_TERM) return out;
    const maxDistance = term.length >= 8 ? 2 : 1;
    const keys = new Set<string>([term, ...deletions1(term)]);
    if (maxDistance === 2) for (const d of [...keys]) for (const dd of deletions1(d)) keys.add(dd);
    const consider = (candidate: string) => {
      if (out.has(candidate)) return;
      const d = boundedDistance(term, candidate, maxDistance);
      if (d <= maxDistance) out.set(candidate, d);
    };
    for (const k of keys) {
      const hit = this.byDeletion.get(hashKey(k));
      if (typeof hit === 'number') consider(this.terms[hit]!);
      else if (hit) for (const no of hit) consider(this.terms[no]!);
      // The key itself may be a vocabulary term reached by deleting from the query.
      if (this.known.has(k)) consider(k);
    }
    return out;
  }
}

/** The hash deletion keys are filed under: `hashString` cut to 30 bits, a small integer. */
export function hashKey(s: string): number {
  return hashString(s) & 0x3fffffff;
}

/** `hashKey` of each one-character deletion of `s`, without building the strings. */
export function forEachDeletionHash(s: string, visit: (h: number) => void): void {
  // The hash of every prefix, then each deletion continues from the prefix before the gap.
  const prefix = new Int32Array(s.length + 1);
  prefix[0] = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) prefix[i + 1] = Math.imul(prefix[i]! ^ s.charCodeAt(i), FNV_PRIME);
  for (let gap = 0; gap < s.length; gap++) {
    let h = prefix[gap]!;
    for (let i = gap + 1; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
    visit(avalanche(h) & 0x3fffffff);
  }
}

function deletions1(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/** Damerau–Levenshtein (optimal string alignment) distance, giving up past `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}
