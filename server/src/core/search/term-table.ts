// Search terms across threads by number. A worker numbers the terms it meets in its own table
// and sends each new one as a string once; the main thread maps the worker's numbers onto the
// index's vocabulary. A scan's merge then takes each document as typed arrays: no per-term
// string is cloned, received or looked up on the thread that answers the editor.
import type { InvertedIndex, TermBag, TermIds } from './inverted-index';
import { own } from '../own';

/** A document's terms in one worker's numbering, with the terms that numbering gained for it. */
export interface LocalTerms {
  readonly ids: Int32Array;
  readonly counts: Uint32Array;
  readonly length: number;
  /** Terms first met in this document, numbered from `firstFresh` on. */
  readonly fresh: readonly string[];
  readonly firstFresh: number;
}

/** The worker's side: its own numbering of every term it has sent. */
export class LocalTermTable {
  private readonly numbers = new Map<string, number>();

  encode(bag: TermBag): LocalTerms {
    const firstFresh = this.numbers.size;
    const fresh: string[] = [];
    const ids = new Int32Array(bag.terms.length);
    for (let k = 0; k < ids.length; k++) {
      const t = bag.terms[k]!;
      let n = this.numbers.get(t);
      if (n === undefined) {
        n = this.numbers.size;
        // Kept for good: a copy, so the chunk text the word was cut from is not kept with it.
        this.numbers.set(own(t), n);
        fresh.push(t);
      }
      ids[k] = n;
    }
    return { ids, counts: bag.counts, length: bag.length, fresh, firstFresh };
  }
}

/**
 * The main thread's side, one per worker: the worker's numbers to the index's. Documents must
 * be received in the order the worker encoded them (a worker's replies arrive in that order).
 */
export class TermTranslator {
  private map = new Int32Array(1024);
  private known = 0;

  constructor(private readonly index: InvertedIndex) {}

  receive(local: LocalTerms): TermIds {
    if (local.firstFresh !== this.known) throw new Error(`term numbers out of order: expected ${this.known}, got ${local.firstFresh}`);
    const need = this.known + local.fresh.length;
    if (need > this.map.length) {
      const grown = new Int32Array(Math.max(need, this.map.length * 2));
      grown.set(this.map);
      this.map = grown;
    }
    for (const t of local.fresh) this.map[this.known++] = this.index.termId(t);
    const ids = new Int32Array(local.ids.length);
    for (let k = 0; k < ids.length; k++) {
      const n = local.ids[k]!;
      if (n >= this.known) throw new Error(`unknown term number ${n}`);
      ids[k] = this.map[n]!;
    }
    return { ids, counts: local.counts, length: local.length };
  }
}
