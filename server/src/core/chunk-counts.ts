// How often one key (an entity, a figure bucket, a sender, a day) occurs in each chunk that has
// it. The index holds one per key, and a common key is in most chunks: at 20 000 generated
// chunks, 780 000 (key, chunk) pairs. As maps of chunk id to count they cost about 30 bytes a
// pair and a hash-table insert each (the main thread's costliest step of a scan); here a pair
// is two 32-bit numbers in arrays sorted by chunk number, and a scan, which numbers chunks in
// the order it merges them, only appends.

/** Chunk ids by number and back: what both numberings below look up. */
abstract class Numbering {
  protected readonly numbers = new Map<string, number>();
  protected readonly ids: string[] = [];

  /** The chunk's number if it has one. */
  find(id: string): number | undefined {
    return this.numbers.get(id);
  }

  /** The chunk of a number ('' for a number freed by `ReusedNumbers`). */
  id(n: number): string {
    return this.ids[n]!;
  }
}

/** Chunk ids by number and back, shared by every ChunkCounts of an index. Numbers are never reused. */
export class ChunkNumbers extends Numbering {
  /** The chunk's number, given on first sight. */
  of(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      this.numbers.set(id, (n = this.ids.length));
      this.ids.push(id);
    }
    return n;
  }
}

/**
 * Chunk ids by number and back for tables indexed by number (typed-array buckets and columns):
 * a chunk's number is freed when it goes and given to the next chunk that comes, so the tables
 * stay as long as the most chunks held at once.
 */
export class ReusedNumbers extends Numbering {
  private readonly free: number[] = [];

  /** How many chunks have a number. */
  get size(): number {
    return this.numbers.size;
  }

  /** A number for `id`, which has none (`release` it first): a freed one if there is one. */
  take(id: string): number {
    const no = this.free.pop() ?? this.ids.length;
    this.ids[no] = id;
    this.numbers.set(id, no);
    return no;
  }

  /** Frees the number of `id` and gives it back (undefined: `id` had none). */
  release(id: string): number | undefined {
    const no = this.numbers.get(id);
    if (no === undefined) return undefined;
    this.numbers.delete(id);
    this.ids[no] = '';
    this.free.push(no);
    return no;
  }

  /** Every chunk with a number. */
  chunks(): IterableIterator<string> {
    return this.numbers.keys();
  }
}

/**
 * A count per chunk, read like a `Map` from chunk id to count (iteration in chunk-number order).
 * Chunk numbers and counts interleaved in one array (chunk at 2i, count at 2i + 1): most keys
 * (a figure, an entity) are in a chunk or two, and an index holds about 1.5 keys a chunk, so a
 * second typed array each (with its buffer) was objects the scan's garbage collection marked.
 */
export class ChunkCounts {
  private pairs = new Int32Array(4);
  size = 0;

  constructor(private readonly numbers: ChunkNumbers) {}

  /** The first place whose chunk number is ≥ `c`. */
  private place(c: number): number {
    const pairs = this.pairs;
    let lo = 0;
    let hi = this.size;
    // The common case first: a scan appends.
    if (hi === 0 || pairs[2 * hi - 2]! < c) return hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[2 * mid]! < c) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private insert(i: number, c: number, v: number): void {
    if (2 * this.size === this.pairs.length) {
      const pairs = new Int32Array(this.pairs.length * 2);
      pairs.set(this.pairs);
      this.pairs = pairs;
    }
    const pairs = this.pairs;
    if (i < this.size) pairs.copyWithin(2 * i + 2, 2 * i, 2 * this.size);
    pairs[2 * i] = c;
    pairs[2 * i + 1] = v;
    this.size++;
  }

  private removeAt(i: number): void {
    this.pairs.copyWithin(2 * i, 2 * i + 2, 2 * this.size);
    this.size--;
  }

  /** Adds `by` (negative: takes away) to chunk `c`'s count; a count that falls to 0 or below goes. */
  add(c: number, by: number): void {
    const i = this.place(c);
    const pairs = this.pairs;
    if (i < this.size && pairs[2 * i] === c) {
      const n = pairs[2 * i + 1]! + by;
      if (n <= 0) this.removeAt(i);
      else pairs[2 * i + 1] = n;
    } else if (by > 0) this.insert(i, c, by);
  }

  /** Sets chunk `c`'s count (0 is a count: an article counted for its month with no message). */
  set(c: number, v: number): void {
    const i = this.place(c);
    if (i < this.size && this.pairs[2 * i] === c) this.pairs[2 * i + 1] = v;
    else this.insert(i, c, v);
  }

  /** Chunk `c`'s count, or undefined. */
  countOf(c: number): number | undefined {
    const i = this.place(c);
    return i < this.size && this.pairs[2 * i] === c ? this.pairs[2 * i + 1] : undefined;
  }

  delete(c: number): void {
    const i = this.place(c);
    if (i < this.size && this.pairs[2 * i] === c) this.removeAt(i);
  }

  get(id: string): number | undefined {
    const c = this.numbers.find(id);
    return c === undefined ? undefined : this.countOf(c);
  }

  *entries(): IterableIterator<[string, number]> {
    for (let i = 0; i < this.size; i++) yield [this.numbers.id(this.pairs[2 * i]!), this.pairs[2 * i + 1]!];
  }

  *keys(): IterableIterator<string> {
    for (let i = 0; i < this.size; i++) yield this.numbers.id(this.pairs[2 * i]!);
  }

  *values(): IterableIterator<number> {
    for (let i = 0; i < this.size; i++) yield this.pairs[2 * i + 1]!;
  }

  [Symbol.iterator](): IterableIterator<[string, number]> {
    return this.entries();
  }
}
