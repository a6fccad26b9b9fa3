// Search terms across threads by number. A worker numbers the terms it meets in its own table
// and sends each new one as a string once; the main thread maps the worker's numbers onto the
// index's vocabulary. A scan's merge then takes each document as typed arrays: no per-term
// string is cloned, received or looked up on the thread that answers the editor.
import type { InvertedIndex, TermIds } from './inverted-index';
import { own } from '../own';
import { StringTranslator } from '../string-table';
import { hashString } from './hash';
import { cut, cutWord, foldAndCutWords, STOP_WORDS } from './tokenize';

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
   * Per slot, eight numbers: the word's hash; its term number + 1, or -1 - its place in
   * STOP_WORDS (0: empty slot); where its characters past the fourth start in `chars`; its
   * length; the last document (`serial`) that met it and its place in that document's list;
   * its first four characters, two a number. A word is told from others of its hash, and
   * counted, on the one cache line of its slot (and `chars` for a longer word).
   */
  private slots = new Int32Array(SLOT << 12);
  private chars = new Uint16Array(1 << 16);
  private charsUsed = 0;
  private used = 0;
  private count = 0;
  private serial = 0;
  /** One document's term numbers and counts, before they are copied out. */
  private ids = new Int32Array(1024);
  private counts = new Uint32Array(1024);

  constructor() {
    STOP_WORDS.forEach((w, k) => this.insert(hashString(w) | 0, w, -1 - k));
  }

  /** The word hashes of the last text `encodeWords` was given: a view of `cut`, valid until words are cut again. */
  wordHashes = new Uint32Array(0);

  /**
   * A document's words (`allWords`) as `termBag(withoutStopWords(words))` would count them,
   * numbered: terms in order of first appearance; the fresh ones are numbered in that order.
   * `hashes`, as long as `words`, receives each word's `hashString` (stop words too).
   *
   * Given the text instead of its words, it folds and cuts them itself (`foldAndCutWords`), in
   * one pass over the text: a word is looked up by the hash made as it is read, so no string is
   * made for a word met before (a Map lookup by string a word was half of a chunk's digest). The hashes
   * are then in `wordHashes`. One method either way, so the numbering step stays one place.
   */
  encodeWords(words: readonly string[] | string, hashes?: Uint32Array): LocalTerms {
    const serial = ++this.serial;
    const firstFresh = this.count;
    const fresh: string[] = [];
    let length = 0;
    let m = 0;
    if (typeof words !== 'string') {
      for (let i = 0; i < words.length; i++) {
        const h = hashString(words[i]!);
        if (hashes) hashes[i] = h;
        const s = this.slotOf(h | 0, words[i]!, fresh);
        if (this.slots[s + 1]! < 0) continue;
        length++;
        m = this.tally(s, serial, m);
      }
      return this.done(m, length, fresh, firstFresh);
    }
    const n = foldAndCutWords(words);
    const { starts, ends, strings, chars } = cut;
    this.wordHashes = cut.hashes.subarray(0, n);
    this.touch(n);
    for (let i = 0; i < n; i++) {
      const h = cut.hashes[i]! | 0;
      const start = starts[i]!;
      let s: number;
      if (start >= 0) {
        const len = ends[i]! - start;
        const c01 = chars[start]! | (len > 1 ? chars[start + 1]! << 16 : 0);
        const c23 = len > 2 ? chars[start + 2]! | (len > 3 ? chars[start + 3]! << 16 : 0) : 0;
        const slots = this.slots;
        const mask = slots.length - SLOT;
        s = (h << 3) & mask;
        for (;;) {
          if (slots[s + 1] === 0) {
            // A string of its own (not a slice): it keeps no chunk text alive.
            s = this.fresh(h, cutWord(start, start + len), fresh);
            break;
          }
          if (slots[s] === h && slots[s + 3] === len && slots[s + 6] === c01 && slots[s + 7] === c23) {
            let j = slots[s + 2]!;
            let k = start + 4;
            const end = start + len;
            const kept = this.chars;
            while (k < end && kept[j] === chars[k]) {
              j++;
              k++;
            }
            if (k >= end) break;
          }
          s = (s + SLOT) & mask;
        }
      } else s = this.slotOf(h, strings[ends[i]!]!, fresh);
      if (this.slots[s + 1]! < 0) continue;
      length++;
      m = this.tally(s, serial, m);
    }
    return this.done(m, length, fresh, firstFresh);
  }

  /** What `touch` read, folded into one number: kept, so that its reads are not optimised away. */
  touched = 0;

  /**
   * Reads the first slot of each of the `n` words cut, and the characters it keeps past the
   * fourth, before any is looked up. The table is megabytes, and what the rest of a chunk's
   * analysis reads in between pushes most of it out of the caches: here the reads depend on
   * no branch and on one another only by twos, so the processor has many in flight at once,
   * where the look-up loop waited for them one after another.
   */
  private touch(n: number): void {
    const slots = this.slots;
    const kept = this.chars;
    const mask = slots.length - SLOT;
    const hashes = cut.hashes;
    let x = 0;
    for (let i = 0; i < n; i++) {
      const at = slots[((hashes[i]! << 3) & mask) + 2]!;
      x ^= at < kept.length ? kept[at]! : 0;
    }
    this.touched = x;
  }

  /** Counts the term of slot `s` in document `serial`, whose list has `m` terms; gives the new length. */
  private tally(s: number, serial: number, m: number): number {
    const slots = this.slots;
    if (slots[s + 4] === serial) {
      this.counts[slots[s + 5]!]!++;
      return m;
    }
    slots[s + 4] = serial;
    slots[s + 5] = m;
    if (m === this.ids.length) {
      const ids = new Int32Array(m * 2);
      ids.set(this.ids);
      this.ids = ids;
      const counts = new Uint32Array(m * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.ids[m] = slots[s + 1]! - 1;
    this.counts[m] = 1;
    return m + 1;
  }

  private done(m: number, length: number, fresh: string[], firstFresh: number): LocalTerms {
    return { ids: this.ids.slice(0, m), counts: this.counts.slice(0, m), length, fresh, firstFresh };
  }

  /** The slot of word `w` of hash `h`, numbering it if it is new. */
  private slotOf(h: number, w: string, fresh: string[]): number {
    const slots = this.slots;
    const mask = slots.length - SLOT;
    for (let s = (h << 3) & mask; ; s = (s + SLOT) & mask) {
      if (slots[s + 1] === 0) return this.fresh(h, own(w), fresh);
      if (slots[s] === h && slots[s + 3] === w.length && slots[s + 6] === pair(w, 0) && slots[s + 7] === pair(w, 2)) {
        const at = slots[s + 2]!;
        let j = 4;
        while (j < w.length && this.chars[at + j - 4] === w.charCodeAt(j)) j++;
        if (j >= w.length) return s;
      }
    }
  }

  /** Numbers a new term: its slot. */
  private fresh(h: number, w: string, fresh: string[]): number {
    const n = this.count++;
    fresh.push(w);
    return this.insert(h, w, n + 1);
  }

  private insert(h: number, w: string, v: number): number {
    // At most half full: probes stay short.
    if (2 * SLOT * (this.used + 1) > this.slots.length) this.rehash();
    const rest = Math.max(0, w.length - 4);
    if (this.charsUsed + rest > this.chars.length) {
      const chars = new Uint16Array(Math.max(2 * this.chars.length, this.charsUsed + rest));
      chars.set(this.chars);
      this.chars = chars;
    }
    const at = this.charsUsed;
    for (let j = 4; j < w.length; j++) this.chars[at + j - 4] = w.charCodeAt(j);
    this.charsUsed += rest;
    const slots = this.slots;
    const mask = slots.length - SLOT;
    let s = (h << 3) & mask;
    while (slots[s + 1] !== 0) s = (s + SLOT) & mask;
    slots[s] = h;
    slots[s + 1] = v;
    slots[s + 2] = at;
    slots[s + 3] = w.length;
    slots[s + 6] = pair(w, 0);
    slots[s + 7] = pair(w, 2);
    this.used++;
    return s;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - SLOT;
    for (let o = 0; o < old.length; o += SLOT) {
      if (old[o + 1] === 0) continue;
      let s = (old[o]! << 3) & mask;
      while (slots[s + 1] !== 0) s = (s + SLOT) & mask;
      // Everything moves, the current document's counting too.
      slots.set(old.subarray(o, o + SLOT), s);
    }
    this.slots = slots;
  }
}

/** Numbers per slot of `LocalTermTable`. */
const SLOT = 8;

/** Characters `i` and `i + 1` of `w` as one number (0 past its end), as a slot keeps them. */
function pair(w: string, i: number): number {
  return (i < w.length ? w.charCodeAt(i) : 0) | (i + 1 < w.length ? w.charCodeAt(i + 1) << 16 : 0);
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
