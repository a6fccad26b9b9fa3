// Search terms across threads by number. A worker numbers the terms it meets in its own table
// and sends each new one as a string once; the main thread maps the worker's numbers onto the
// index's vocabulary. A scan's merge then takes each document as typed arrays: no per-term
// string is cloned, received or looked up on the thread that answers the editor.
import type { InvertedIndex, TermIds } from './inverted-index';
import { own } from '../own';
import { StringTranslator } from '../string-table';
import { hashString } from './hash';
import { cut, cutWords, foldText, STOP_WORDS } from './tokenize';

/** A document's terms in one worker's numbering, with the terms that numbering gained for it. */
export interface LocalTerms {
  readonly ids: Int32Array;
  readonly counts: Uint32Array;
  readonly length: number;
  /** Terms first met in this document, numbered from `firstFresh` on. */
  readonly fresh: readonly string[];
  readonly firstFresh: number;
}

/**
 * The worker's side: its own numbering of every term it has sent, in an open-addressing table
 * keyed by the word's `hashString`, so a word cut from a text (`cutWords`, which hashes as it
 * reads) is found with no string made for it. Stop words are in the same table under negative
 * numbers, so one lookup a word tells both; a word's hash is its key, so shingling gets it free.
 */
export class LocalTermTable {
  /**
   * Per slot, four numbers: the word's hash; its term number + 1, or -1 - its place in
   * STOP_WORDS (0: empty slot); where its characters start in `chars`, and how many. One
   * cache line a probe, and no string to follow to tell words of the same hash apart.
   */
  private slots = new Int32Array(4 << 12);
  private chars = new Uint16Array(1 << 16);
  private charsUsed = 0;
  private used = 0;
  private count = 0;
  /** Per term number: the last document (`serial`) that met it, and its place in that document's list. */
  private stamp = new Int32Array(1024);
  private slot = new Int32Array(1024);
  private serial = 0;
  /** What reading ahead summed, kept so that the reads are not optimised away (of no other use). */
  touched = 0;
  /** One document's term numbers and counts, before they are copied out. */
  private ids = new Int32Array(1024);
  private counts = new Uint32Array(1024);

  constructor() {
    STOP_WORDS.forEach((w, k) => this.insert(hashString(w), w, -1 - k));
  }

  /** The word hashes of the last text `encodeWords` was given: a view of `cut`, valid until words are cut again. */
  wordHashes = new Uint32Array(0);

  /**
   * A document's words (`allWords`) as `termBag(withoutStopWords(words))` would count them,
   * numbered: terms in order of first appearance; the fresh ones are numbered in that order.
   * `hashes`, as long as `words`, receives each word's `hashString` (stop words too).
   *
   * Given the text instead of its words, it cuts them itself (`cutWords`), in one pass over the
   * folded text: a word is looked up by the hash made as it is read, so no string is made for a
   * word met before (a Map lookup by string a word was half of a chunk's digest). The hashes
   * are then in `wordHashes`. One method either way, so the numbering step stays one place.
   */
  encodeWords(words: readonly string[] | string, hashes?: Uint32Array): LocalTerms {
    this.serial++;
    const firstFresh = this.count;
    const fresh: string[] = [];
    let length = 0;
    let m = 0;
    if (typeof words !== 'string') {
      for (let i = 0; i < words.length; i++) {
        const h = hashString(words[i]!);
        if (hashes) hashes[i] = h;
        const v = this.numberOf(h | 0, words[i]!, fresh);
        if (v < 0) continue;
        length++;
        m = this.tally(v - 1, m);
      }
      return this.done(m, length, fresh, firstFresh);
    }
    const folded = foldText(words);
    const n = cutWords(folded);
    const { starts, ends, strings } = cut;
    this.wordHashes = cut.hashes.subarray(0, n);
    // Every word's first slot, and where its characters are, read ahead in a loop of loads that
    // do not wait on one another: the table is too big for the cache, and the misses overlap.
    {
      const slots = this.slots;
      const chars = this.chars;
      const mask = slots.length - 4;
      let touch = 0;
      for (let i = 0; i < n; i++) touch += slots[((cut.hashes[i]! << 2) & mask) + 2]!;
      for (let i = 0; i < n; i++) touch += chars[slots[((cut.hashes[i]! << 2) & mask) + 2]!]!;
      this.touched = touch;
    }
    for (let i = 0; i < n; i++) {
      const h = cut.hashes[i]! | 0;
      const start = starts[i]!;
      let v: number;
      if (start >= 0) {
        const end = ends[i]!;
        const slots = this.slots;
        const chars = this.chars;
        const mask = slots.length - 4;
        let s = (h << 2) & mask;
        for (;;) {
          v = slots[s + 1]!;
          if (v === 0) {
            // Kept for good: a copy, so the chunk text the word was cut from is not kept with it.
            v = this.fresh(h, own(folded.slice(start, end)), fresh);
            break;
          }
          if (slots[s] === h && slots[s + 3] === end - start) {
            let j = slots[s + 2]!;
            let k = start;
            while (k < end && chars[j] === folded.charCodeAt(k)) {
              j++;
              k++;
            }
            if (k === end) break;
          }
          s = (s + 4) & mask;
        }
      } else v = this.numberOf(h, strings[ends[i]!]!, fresh);
      if (v < 0) continue;
      length++;
      m = this.tally(v - 1, m);
    }
    return this.done(m, length, fresh, firstFresh);
  }

  /** Counts term `t` in the current document, whose list has `m` terms; gives the new length. */
  private tally(t: number, m: number): number {
    if (this.stamp[t] === this.serial) {
      this.counts[this.slot[t]!]!++;
      return m;
    }
    this.stamp[t] = this.serial;
    this.slot[t] = m;
    if (m === this.ids.length) {
      const ids = new Int32Array(m * 2);
      ids.set(this.ids);
      this.ids = ids;
      const counts = new Uint32Array(m * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.ids[m] = t;
    this.counts[m] = 1;
    return m + 1;
  }

  private done(m: number, length: number, fresh: string[], firstFresh: number): LocalTerms {
    return { ids: this.ids.slice(0, m), counts: this.counts.slice(0, m), length, fresh, firstFresh };
  }

  /** The slot value of word `w` of hash `h`, numbering it if it is new. */
  private numberOf(h: number, w: string, fresh: string[]): number {
    const slots = this.slots;
    const mask = slots.length - 4;
    for (let s = (h << 2) & mask; ; s = (s + 4) & mask) {
      const v = slots[s + 1]!;
      if (v === 0) return this.fresh(h, own(w), fresh);
      if (slots[s] === h && slots[s + 3] === w.length) {
        const at = slots[s + 2]!;
        let j = 0;
        while (j < w.length && this.chars[at + j] === w.charCodeAt(j)) j++;
        if (j === w.length) return v;
      }
    }
  }

  /** Numbers a new term: its slot value. */
  private fresh(h: number, w: string, fresh: string[]): number {
    const n = this.count++;
    fresh.push(w);
    if (n >= this.stamp.length) this.grow();
    this.insert(h, w, n + 1);
    return n + 1;
  }

  private insert(h: number, w: string, v: number): void {
    if (this.charsUsed + w.length > this.chars.length) {
      const chars = new Uint16Array(Math.max(2 * this.chars.length, this.charsUsed + w.length));
      chars.set(this.chars);
      this.chars = chars;
    }
    const at = this.charsUsed;
    for (let j = 0; j < w.length; j++) this.chars[at + j] = w.charCodeAt(j);
    this.charsUsed += w.length;
    this.place(h, v, at, w.length);
  }

  private place(h: number, v: number, at: number, length: number): void {
    // At most half full: probes stay short.
    if (8 * (this.used + 1) > this.slots.length) this.rehash();
    const mask = this.slots.length - 4;
    let s = (h << 2) & mask;
    while (this.slots[s + 1] !== 0) s = (s + 4) & mask;
    this.slots[s] = h;
    this.slots[s + 1] = v;
    this.slots[s + 2] = at;
    this.slots[s + 3] = length;
    this.used++;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.used = 0;
    for (let s = 0; s < old.length; s += 4) if (old[s + 1] !== 0) this.place(old[s]!, old[s + 1]!, old[s + 2]!, old[s + 3]!);
  }

  private grow(): void {
    const stamp = new Int32Array(this.stamp.length * 2);
    stamp.set(this.stamp);
    this.stamp = stamp;
    const slot = new Int32Array(this.slot.length * 2);
    slot.set(this.slot);
    this.slot = slot;
  }
}

/**
 * The main thread's side, one per worker: the worker's numbers to the index's. Documents must
 * be received in the order the worker encoded them (a worker's replies arrive in that order).
 */
export class TermTranslator {
  private readonly numbers: StringTranslator;

  constructor(index: InvertedIndex) {
    this.numbers = new StringTranslator((t) => index.termId(t), 'term');
  }

  /**
   * Maps `local.ids` in place: a worker's document arrives as a clone made for this thread, and
   * a new array per document was garbage the scan's merge paid for. Receive each document once.
   */
  receive(local: LocalTerms): TermIds {
    const map = this.numbers.receive(local.fresh, local.firstFresh);
    const ids = local.ids;
    // All checked before any is mapped, so a refused document is left as it came.
    for (let k = 0; k < ids.length; k++) if (ids[k]! >= map.length) throw new Error(`unknown term number ${ids[k]}`);
    for (let k = 0; k < ids.length; k++) ids[k] = map[ids[k]!]!;
    return { ids, counts: local.counts, length: local.length };
  }
}
