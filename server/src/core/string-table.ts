// A record's strings across threads by number, as search terms are (search/term-table.ts): a
// worker numbers the senders, days, entity keys, surfaces and units it meets in its own
// table and sends each new one once; the main thread maps the worker's numbers onto the index's.
// A record then crosses threads as typed arrays and a few fresh strings (a generated chunk's
// record holds about 80 strings: cloned, received and looked up one by one before).
import { own } from './own';

/** The worker's side. */
export class LocalStrings {
  private readonly numbers = new Map<string, number>();
  /**
   * Numbered since the last `take`. A document that failed after its strings were numbered
   * sends no reply: they simply leave with the next one, so the numbering never breaks.
   */
  private fresh: string[] = [];

  number(s: string): number {
    let n = this.numbers.get(s);
    if (n === undefined) {
      // Kept for good: a copy, so the chunk text it was cut from is not kept with it.
      this.numbers.set(own(s), (n = this.numbers.size));
      this.fresh.push(s);
    }
    return n;
  }

  /** The strings numbered since the last take, numbered from `firstFresh` on: for the reply. */
  take(): { readonly fresh: readonly string[]; readonly firstFresh: number } {
    const fresh = this.fresh;
    this.fresh = [];
    return { fresh, firstFresh: this.numbers.size - fresh.length };
  }
}

/**
 * The main thread's side, one per worker: the worker's numbers to the index's. Replies must be
 * received in the order the worker made them (a worker's replies arrive in that order). The
 * search terms' `TermTranslator` maps its numbers with one of these too.
 */
export class StringTranslator {
  private map = new Int32Array(256);
  private known = 0;

  /** `number`: the index's number for a string; `what`: what the numbers number, for errors. */
  constructor(private readonly number: (s: string) => number, private readonly what = 'string') {}

  /** The map from the worker's numbers to the index's, with `fresh` added (valid for every number so far). */
  receive(fresh: readonly string[], firstFresh: number): Int32Array {
    if (firstFresh !== this.known) throw new Error(`${this.what} numbers out of order: expected ${this.known}, got ${firstFresh}`);
    const need = this.known + fresh.length;
    if (need > this.map.length) {
      const grown = new Int32Array(Math.max(need, this.map.length * 2));
      grown.set(this.map.subarray(0, this.known));
      this.map = grown;
    }
    for (const s of fresh) this.map[this.known++] = this.number(s);
    return this.map.subarray(0, this.known);
  }
}
