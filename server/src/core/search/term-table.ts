// Search terms across threads by number. A worker numbers the terms it meets in its own table
// and sends each new one as a string once; the main thread maps the worker's numbers onto the
// index's vocabulary. A scan's merge then takes each document as typed arrays: no per-term
// string is cloned, received or looked up on the thread that answers the editor.
import type { InvertedIndex, TermIds } from './inverted-index';
import { own } from '../own';
import { StringTranslator } from '../string-table';
import { hashString } from './hash';
import { STOP_WORDS } from './tokenize';

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
 * The worker's side: its own numbering of every term it has sent. Stop words are in the same
 * map under negative numbers, so one lookup a word tells both, and the table keeps each word's
 * `hashString` for shingling: a word is hashed when first met, not each time it occurs.
 */
export class LocalTermTable {
  /** Term → its number (≥ 0), or stop word → -1 - its place in `stopHash`. */
  private readonly numbers = new Map<string, number>();
  private readonly stopHash: Uint32Array;
  private count = 0;
  /** Per term number: its `hashString`. */
  private hash = new Uint32Array(1024);
  /** Per term number: the last document (`serial`) that met it, and its place in that document's list. */
  private stamp = new Int32Array(1024);
  private slot = new Int32Array(1024);
  private serial = 0;

  constructor() {
    this.stopHash = new Uint32Array(STOP_WORDS.length);
    STOP_WORDS.forEach((w, k) => {
      this.numbers.set(w, -1 - k);
      this.stopHash[k] = hashString(w);
    });
  }

  /**
   * A document's words (`allWords`) as `termBag(withoutStopWords(words))` would count them,
   * numbered: one pass, each word looked up once in this table, with no per-document map in
   * between. Terms in order of first appearance; the fresh ones are numbered in that order.
   * `hashes`, as long as `words`, receives each word's `hashString` (stop words too).
   */
  encodeWords(words: readonly string[], hashes?: Uint32Array): LocalTerms {
    const serial = ++this.serial;
    const firstFresh = this.count;
    const fresh: string[] = [];
    const ids: number[] = [];
    const counts: number[] = [];
    let length = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      let n = this.numbers.get(w);
      if (n === undefined) {
        n = this.count++;
        // Kept for good: a copy, so the chunk text the word was cut from is not kept with it.
        this.numbers.set(own(w), n);
        fresh.push(w);
        if (n >= this.stamp.length) this.grow();
        this.hash[n] = hashString(w);
      } else if (n < 0) {
        if (hashes) hashes[i] = this.stopHash[-1 - n]!;
        continue;
      }
      if (hashes) hashes[i] = this.hash[n]!;
      length++;
      if (this.stamp[n] === serial) counts[this.slot[n]!]!++;
      else {
        this.stamp[n] = serial;
        this.slot[n] = ids.length;
        ids.push(n);
        counts.push(1);
      }
    }
    return { ids: Int32Array.from(ids), counts: Uint32Array.from(counts), length, fresh, firstFresh };
  }

  private grow(): void {
    const hash = new Uint32Array(this.hash.length * 2);
    hash.set(this.hash);
    this.hash = hash;
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

  receive(local: LocalTerms): TermIds {
    const map = this.numbers.receive(local.fresh, local.firstFresh);
    const ids = new Int32Array(local.ids.length);
    for (let k = 0; k < ids.length; k++) {
      const n = local.ids[k]!;
      if (n >= map.length) throw new Error(`unknown term number ${n}`);
      ids[k] = map[n]!;
    }
    return { ids, counts: local.counts, length: local.length };
  }
}
