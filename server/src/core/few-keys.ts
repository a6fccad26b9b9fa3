// Keys met in one unit of work (a chunk's senders or entities, a file's strings), numbered in
// the order first met and forgotten for the next unit. A unit has a few: they are looked for in
// a short list with `===` (a Map hashed each fresh string whole, and a cleared Map makes new
// tables), and past FEW in a Map as well, for a hostile unit's thousands. The list is kept from
// unit to unit (written over, not truncated: truncated, its backing store is made again), and
// cut back past KEEP so that a hostile unit's keys are not held until the next one.

const FEW = 32;
const KEEP = 256;

export class FewKeys<K> {
  private readonly list: K[] = [];
  private count = 0;
  private map: Map<K, number> | undefined;

  /** How many keys were met since `reset`. */
  get size(): number {
    return this.count;
  }

  /** The key numbered `i` (below `size`). */
  key(i: number): K {
    return this.list[i]!;
  }

  /** How long the kept list is (for tests: it is cut back past KEEP). */
  get kept(): number {
    return this.list.length;
  }

  /** The number of `key` if met since `reset`; else -1, and `key` is numbered `size - 1`. Keys compare as a Map's do (NaN is one key). */
  number(key: K): number {
    const list = this.list;
    const n = this.count;
    if (this.map !== undefined) {
      const seen = this.map.get(key);
      if (seen !== undefined) return seen;
      this.map.set(key, n);
    } else {
      for (let i = 0; i < n; i++) {
        const x = list[i]!;
        if (x === key || (x !== x && key !== key)) return i;
      }
      if (n === FEW) this.map = new Map(list.slice(0, n).map((k, i) => [k, i] as [K, number])).set(key, n);
    }
    if (n === list.length) list.push(key);
    else list[n] = key;
    this.count = n + 1;
    return -1;
  }

  reset(): void {
    if (this.list.length > KEEP) this.list.length = KEEP;
    this.count = 0;
    this.map = undefined;
  }
}
