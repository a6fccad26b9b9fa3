// Buckets of numbered chunks under numeric keys, in typed arrays (LSH bands, overlap lines).
import { grown } from '../grown';

/**
 * Buckets of small numbers (`members`: chunk numbers a caller gives out) under 30-bit keys,
 * where a member is under at most one key at a time: an LSH band, under which every chunk has
 * exactly one key. All in typed arrays: the keys in an open-addressing table (linear probing),
 * each with the first member of its list; the lists through `next` and `prev`, indexed by
 * member, so taking one out of a key thousands share walks none of them. A Map per band held
 * an entry per chunk (1.6 million at 100 000 chunks) for the collector to visit at every full
 * collection, and an array for each shared key; typed arrays hold nothing it visits.
 */
export class MemberBuckets {
  /** Per slot: the key (EMPTY: none), then its first member; 2^(32 - shift) slots. */
  private table = new Int32Array(2 * 1024).fill(EMPTY);
  private shift = 22;
  private keys = 0;
  private next = new Int32Array(1024);
  private prev = new Int32Array(1024);

  /** Files `member` under `key` (key ≥ 0); it must not be under a key already. */
  add(key: number, member: number): void {
    if (member >= this.next.length) {
      this.next = grown(this.next, member + 1);
      this.prev = grown(this.prev, member + 1);
    }
    let s = this.slot(key);
    const table = this.table;
    if (table[s] === EMPTY) {
      // At most half full: probes stay short.
      if (2 * (this.keys + 1) > table.length / 2) {
        this.rehash();
        s = this.slot(key);
      }
      this.table[s] = key;
      this.table[s + 1] = -1;
      this.keys++;
    }
    const first = this.table[s + 1]!;
    this.next[member] = first;
    this.prev[member] = -1;
    if (first >= 0) this.prev[first] = member;
    this.table[s + 1] = member;
  }

  /**
   * Room for members numbered below `members`, each under a key of its own, so that filing them
   * regrows nothing: a scan knows how many chunks it brings (the table's doublings alone were
   * about 2 % of a 100 000-chunk scan's merge).
   */
  reserve(members: number): void {
    if (members > this.next.length) {
      this.next = grown(this.next, members);
      this.prev = grown(this.prev, members);
    }
    let length = this.table.length;
    // As `add` keeps it: at most half full.
    while (4 * members > length) length *= 2;
    if (length > this.table.length) this.rehash(length);
  }

  /** Takes `member` out of `key`, which it is under. */
  remove(key: number, member: number): void {
    const s = this.slot(key);
    const table = this.table;
    if (table[s] === EMPTY) return;
    const before = this.prev[member]!;
    const after = this.next[member]!;
    if (after >= 0) this.prev[after] = before;
    if (before >= 0) this.next[before] = after;
    else if (after >= 0) table[s + 1] = after;
    else this.vacate(s);
  }

  /** Calls `visit` with each member under `key`. */
  forEach(key: number, visit: (member: number) => void): void {
    const s = this.slot(key);
    if (this.table[s] === EMPTY) return;
    for (let m = this.table[s + 1]!; m >= 0; m = this.next[m]!) visit(m);
  }

  /** Where `key` is, or the empty slot where it would go. */
  private slot(key: number): number {
    const table = this.table;
    const mask = table.length - 2;
    let s = this.home(key);
    while (table[s] !== EMPTY && table[s] !== key) s = (s + 2) & mask;
    return s;
  }

  /** Empties slot `s`, moving back the entries after it that would no longer be found. */
  private vacate(s: number): void {
    const table = this.table;
    const mask = table.length - 2;
    let hole = s;
    for (let j = (s + 2) & mask; table[j] !== EMPTY; j = (j + 2) & mask) {
      const home = this.home(table[j]!);
      // The entry at j stays if its home is cyclically in (hole, j].
      const stays = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (stays) continue;
      table[hole] = table[j]!;
      table[hole + 1] = table[j + 1]!;
      hole = j;
    }
    table[hole] = EMPTY;
    this.keys--;
  }

  /** The first slot to look at for `key`: the top bits of a multiplicative hash. */
  private home(key: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> this.shift) << 1;
  }

  /** A larger table (twice the slots by default), `length` numbers long: a power of two. */
  private rehash(length = 2 * this.table.length): void {
    const old = this.table;
    this.table = new Int32Array(length).fill(EMPTY);
    // 2^(32 - shift) slots of two numbers.
    this.shift = 33 - Math.log2(length);
    for (let s = 0; s < old.length; s += 2) {
      if (old[s] === EMPTY) continue;
      const to = this.slot(old[s]!);
      this.table[to] = old[s]!;
      this.table[to + 1] = old[s + 1]!;
    }
  }
}

const EMPTY = -1;
