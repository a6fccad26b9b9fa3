// Near-duplicate chunks: MinHash over 5-word shingles (64 hashes), LSH in 16 bands of 4 rows
// to find candidates without comparing every pair, then the exact Jaccard similarity of the two
// shingle sets decides. The estimate only proposes; nothing below the threshold is reported.
import { MemberBuckets } from './buckets';
import { grown } from '../grown';
import { ReusedNumbers } from '../chunk-counts';
import { hashString } from './hash';
import { cut, foldAndCutWords } from './tokenize';

export const SHINGLE = 5;
const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
const MIN_SHINGLES = 8;

// Fixed odd multipliers and offsets: the same signature on every run and machine.
const A = new Uint32Array(HASHES);
const C = new Uint32Array(HASHES);
{
  let x = 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  for (let i = 0; i < HASHES; i++) {
    A[i] = next() | 1;
    C[i] = next();
  }
}

/** Hashes of the text's 5-word shingles (a short text is one shingle). */
export function shingles(text: string): Set<number> {
  return new Set(textShingles(text));
}

/** `sortedShingles(allWords(text))` from the hashes the words are cut with: no string per word. */
export function textShingles(text: string): Uint32Array {
  // Cut first: cutting may grow `cut.hashes` into a new array.
  const n = foldAndCutWords(text);
  return shinglesOfHashes(cut.hashes.subarray(0, n));
}

/**
 * Shingle hashes from word hashes, sorted and each once: no string is built per shingle, and no
 * Set (a sort of a typed array is several times cheaper, and verification merges sorted arrays).
 */
export function sortedShingles(words: readonly string[]): Uint32Array {
  const wh = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wh[i] = hashString(words[i]!);
  return shinglesOfHashes(wh);
}

/** `sortedShingles` from the words' `hashString`s (a worker's term table has them already). */
export function shinglesOfHashes(wh: Uint32Array): Uint32Array {
  if (wh.length === 0) return new Uint32Array(0);
  const k = Math.min(SHINGLE, wh.length);
  const out = new Uint32Array(wh.length - k + 1);
  for (let i = 0; i + k <= wh.length; i++) out[i] = shingleHash(wh, i, k);
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i]!;
  return out.subarray(0, n);
}

/** The shingle of the `k` words from word `i` on, from the words' hashes. */
function shingleHash(wh: Uint32Array, i: number, k: number): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < k; j++) h = Math.imul(h ^ wh[i + j]!, 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

/** An open-addressing set of shingle hashes, 0 for empty; cleared after each use. */
let seen = new Uint32Array(4096);

/**
 * `shinglesOfHashes` in no order: the same hashes, each once. Band keys and the count need no
 * order, and a set of the hashes is a few times cheaper than sorting them.
 */
export function distinctShingles(wh: Uint32Array): Uint32Array {
  if (wh.length < SHINGLE) return shinglesOfHashes(wh);
  const out = new Uint32Array(wh.length - SHINGLE + 1);
  // At most half full, and only that part of `seen` used (and cleared).
  let size = 64;
  while (size < 2 * out.length) size *= 2;
  if (size > seen.length) seen = new Uint32Array(size);
  const mask = size - 1;
  let n = 0;
  let zero = false;
  for (let i = 0; i < out.length; i++) {
    const x = shingleHash(wh, i, SHINGLE);
    if (x === 0) {
      if (!zero) out[n++] = 0;
      zero = true;
      continue;
    }
    for (let s = x & mask; ; s = (s + 1) & mask) {
      const y = seen[s]!;
      if (y === x) break;
      if (y === 0) {
        seen[s] = x;
        out[n++] = x;
        break;
      }
    }
  }
  seen.fill(0, 0, size);
  return out.subarray(0, n);
}

/** The MinHash signature: per hash function, the least image of a shingle. */
export function signature(sh: Uint32Array | Set<number>): Uint32Array {
  const hashes = sh instanceof Uint32Array ? sh : Uint32Array.from(sh);
  return vectorSignature ? vectorSignature(hashes) : scalarSignature(hashes);
}

/** `signature` in plain JavaScript: where WebAssembly is not there (`--jitless`), and for the tests. */
export function scalarSignature(hashes: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES);
  // Four functions per pass over the shingles: a quarter of the loads.
  for (let i = 0; i < HASHES; i += 4) {
    const a0 = A[i]!, a1 = A[i + 1]!, a2 = A[i + 2]!, a3 = A[i + 3]!;
    const c0 = C[i]!, c1 = C[i + 1]!, c2 = C[i + 2]!, c3 = C[i + 3]!;
    let m0 = 0xffffffff, m1 = 0xffffffff, m2 = 0xffffffff, m3 = 0xffffffff;
    for (let j = 0; j < hashes.length; j++) {
      const x = hashes[j]!;
      const v0 = (Math.imul(a0, x) + c0) >>> 0;
      const v1 = (Math.imul(a1, x) + c1) >>> 0;
      const v2 = (Math.imul(a2, x) + c2) >>> 0;
      const v3 = (Math.imul(a3, x) + c3) >>> 0;
      if (v0 < m0) m0 = v0;
      if (v1 < m1) m1 = v1;
      if (v2 < m2) m2 = v2;
      if (v3 < m3) m3 = v3;
    }
    sig[i] = m0;
    sig[i + 1] = m1;
    sig[i + 2] = m2;
    sig[i + 3] = m3;
  }
  return sig;
}

/** The little of WebAssembly used here (this project's Node types do not declare it). */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
};
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/**
 * The same signature with WebAssembly SIMD: a vector holds four functions' images, so a shingle
 * costs 16 multiply-add-min steps instead of 64 (a fifth of a chunk's digest went here). The
 * module is written out below, the arithmetic is the same 32-bit wrapping one, so the images
 * and band keys are the same bit for bit. Memory: A at 0, C at 256, the signature at 512, the
 * shingles from 1024 on.
 */
const vectorSignature = ((): ((hashes: Uint32Array) => Uint32Array) | undefined => {
  const leb = (v: number): number[] => {
    const out: number[] = [];
    do out.push((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
    while ((v >>>= 7) > 0);
    return out;
  };
  const vec = (items: number[][]) => [...leb(items.length), ...items.flat()];
  const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];
  const simd = (op: number, ...imm: number[]) => [0xfd, ...leb(op), ...imm];
  const get = (i: number) => [0x20, i];
  const set = (i: number) => [0x21, i];
  const i32 = (v: number) => [0x41, ...leb(v)]; // v < 64: its signed LEB128 is its unsigned one
  const load = (offset: number) => simd(0x00, 4, ...leb(offset)); // v128.load
  const store = (offset: number) => simd(0x0b, 4, ...leb(offset)); // v128.store
  const mulAddMin = (k: number) => [...get(M + k), ...get(X), ...get(A0 + k), ...simd(0xb5), ...get(C0 + k), ...simd(0xae), ...simd(0xb7), ...set(M + k)]; // i32x4 mul, add, min_u
  // s(n): for each group of 16 functions (G = 0, 64, 128, 192), min over the n shingles at 1024.
  const N = 0, G = 1, J = 2, END = 3, A0 = 4, C0 = 8, M = 12, X = 16;
  const four = [0, 1, 2, 3];
  const body = [
    ...vec([[3, 0x7f], [13, 0x7b]]),
    ...get(N), ...i32(2), 0x74, 0x41, ...[0x80, 0x08], 0x6a, ...set(END), // END = 1024 + 4n
    0x03, 0x40, // loop over groups
    ...four.flatMap((k) => [...get(G), ...load(16 * k), ...set(A0 + k), ...get(G), ...load(256 + 16 * k), ...set(C0 + k), ...simd(0x0c, ...Array<number>(16).fill(0xff)), ...set(M + k)]),
    0x41, ...[0x80, 0x08], ...set(J), // J = 1024
    0x02, 0x40, 0x03, 0x40, // block, loop over shingles
    ...get(J), ...get(END), 0x4f, 0x0d, 1, // J >= END: out
    ...get(J), ...simd(0x09, 2, 0), ...set(X), // v128.load32_splat
    ...four.flatMap(mulAddMin),
    ...get(J), ...i32(4), 0x6a, ...set(J),
    0x0c, 0, 0x0b, 0x0b,
    ...four.flatMap((k) => [...get(G), ...get(M + k), ...store(512 + 16 * k)]),
    ...get(G), 0x41, ...[0xc0, 0x00], 0x6a, 0x22, G, 0x41, ...[0x80, 0x02], 0x49, 0x0d, 0, // G += 64; G < 256: again
    0x0b, 0x0b,
  ];
  const bytes = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, vec([[0x60, 1, 0x7f, 0]])),
    ...section(3, vec([[0]])),
    ...section(5, vec([[0, 1]])),
    ...section(7, vec([[1, 0x6d, 2, 0], [1, 0x73, 0, 0]])),
    ...section(10, vec([[...leb(body.length), ...body]])),
  ]);
  try {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
    const memory = exports.m as WasmMemory;
    const run = exports.s as (n: number) => void;
    let words = new Uint32Array(memory.buffer);
    words.set(A, 0);
    words.set(C, 64);
    return (hashes) => {
      const bytes = 1024 + 4 * hashes.length;
      if (bytes > words.byteLength) {
        memory.grow(Math.ceil((bytes - words.byteLength) / 65536));
        words = new Uint32Array(memory.buffer);
      }
      words.set(hashes, 256);
      run(hashes.length);
      return words.slice(128, 128 + HASHES);
    };
  } catch {
    return undefined;
  }
})();

/** Jaccard of two sorted, duplicate-free hash arrays, by one merge (no set is built). */
export function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** The LSH band keys of a shingle set; undefined below `minShingles` (pure: worker-safe). */
export function bandKeys(sh: Uint32Array | Set<number>, minShingles = MIN_SHINGLES): Int32Array | undefined {
  // A tiny chunk shares its few shingles with anything quoting it: not a duplicate signal.
  if ((sh instanceof Uint32Array ? sh.length : sh.size) < minShingles) return undefined;
  const sig = signature(sh);
  // 30 bits per band: a small integer in every V8 build, so a bucket key is no heap object
  // (1.6 million of them at 100 000 chunks). A rarer hash collision only adds a candidate.
  const keys = new Int32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193);
    keys[b] = h & 0x3fffffff;
  }
  return keys;
}

export interface DuplicatePair {
  readonly id: string;
  readonly similarity: number;
}

/**
 * The LSH structure: 16 numeric band keys per chunk, and per band the chunks under each key.
 * Chunks are numbered here, and their band keys, shingle counts and buckets are numbers in
 * typed arrays (`MemberBuckets`). Shingle sets are not kept for every chunk; verification asks
 * for the texts of the chunks that meet a candidate and keeps their shingles as a sorted array,
 * so a cluster of n copies costs n shinglings, not n². Verified answers are cached until a
 * chunk in the neighbourhood changes.
 */
export class NearDuplicates {
  /** Per band: band key → the chunks (by number) filed under it. */
  private readonly buckets = Array.from({ length: BANDS }, () => new MemberBuckets());
  /** Chunk id → its number, and back; by number, its band keys and shingle count. */
  private readonly numbers = new ReusedNumbers();
  private keys = new Int32Array(BANDS * 1024);
  private sizes = new Int32Array(1024);
  private readonly verified = new Map<string, DuplicatePair[]>();
  /** Sorted shingle hashes of the chunks verification has looked at. */
  private readonly sortedShingles = new Map<string, Uint32Array>();

  constructor(readonly threshold = 0.8, private readonly minShingles = MIN_SHINGLES) {}

  get size(): number {
    return this.numbers.size;
  }

  set(id: string, text: string, precomputed?: Set<number>): void {
    const sh = precomputed ?? shingles(text);
    this.setKeys(id, bandKeys(sh, this.minShingles), sh.size);
  }

  /** Room for `chunks` chunks in all, so that putting them in regrows nothing (`MemberBuckets.reserve`). */
  reserve(chunks: number): void {
    if (chunks > this.sizes.length) {
      this.sizes = grown(this.sizes, chunks);
      this.keys = grown(this.keys, chunks * BANDS);
    }
    for (const b of this.buckets) b.reserve(chunks);
  }

  /** Puts a chunk in by its band keys (`bandKeys`); undefined keys: too small to compare. */
  setKeys(id: string, keys: Int32Array | undefined, shingleCount: number): void {
    // Its cached shingles go too (`remove`).
    this.remove(id);
    if (!keys) return;
    const no = this.numbers.take(id);
    if (no === this.sizes.length) {
      this.sizes = grown(this.sizes, no + 1);
      this.keys = grown(this.keys, (no + 1) * BANDS);
    }
    this.sizes[no] = shingleCount;
    for (let b = 0; b < BANDS; b++) {
      this.keys[no * BANDS + b] = keys[b]!;
      this.buckets[b]!.add(keys[b]!, no);
    }
    this.invalidate(id);
  }

  remove(id: string): void {
    this.sortedShingles.delete(id);
    if (this.numbers.find(id) === undefined) return;
    // Its neighbours' answers are dropped while it still has its number (`candidates`).
    this.invalidate(id);
    const no = this.numbers.release(id)!;
    for (let b = 0; b < BANDS; b++) this.buckets[b]!.remove(this.keys[no * BANDS + b]!, no);
  }

  /** Drops cached answers of a chunk and of every chunk that shares a bucket with it. */
  private invalidate(id: string): void {
    // Nothing verified yet (the start-up scan): nothing to drop, and no need to look.
    if (this.verified.size === 0) return;
    this.verified.delete(id);
    for (const c of this.candidates(id)) this.verified.delete(c);
  }

  /** Documents sharing at least one band with `id`. */
  candidates(id: string): string[] {
    const no = this.numbers.find(id);
    if (no === undefined) return [];
    const out = new Set<string>();
    const add = (other: number) => {
      if (other !== no) out.add(this.numbers.id(other));
    };
    for (let b = 0; b < BANDS; b++) this.buckets[b]!.forEach(this.keys[no * BANDS + b]!, add);
    return [...out].sort();
  }

  /** Verified near-duplicates of `id`, most similar first. */
  duplicatesOf(id: string, textOf: (id: string) => string | undefined): DuplicatePair[] {
    const cached = this.verified.get(id);
    if (cached) return cached;
    const candidates = this.candidates(id);
    if (candidates.length === 0) return [];
    const a = this.shinglesOf(id, textOf);
    if (a === undefined) return [];
    const out: DuplicatePair[] = [];
    for (const other of candidates) {
      // Sizes bound the Jaccard: |A∩B| / |A∪B| ≤ min / max.
      const sb = this.sizes[this.numbers.find(other)!]!;
      if (Math.min(a.length, sb) / Math.max(a.length, sb) < this.threshold) continue;
      const b = this.shinglesOf(other, textOf);
      if (b === undefined) continue;
      const j = jaccardSorted(a, b);
      if (j >= this.threshold) out.push({ id: other, similarity: j });
    }
    out.sort((x, y) => y.similarity - x.similarity || (x.id < y.id ? -1 : 1));
    this.verified.set(id, out);
    return out;
  }

  private shinglesOf(id: string, textOf: (id: string) => string | undefined): Uint32Array | undefined {
    let sorted = this.sortedShingles.get(id);
    if (sorted) return sorted;
    const text = textOf(id);
    if (text === undefined) return undefined;
    sorted = textShingles(text);
    this.sortedShingles.set(id, sorted);
    return sorted;
  }

  /** Every verified pair once (a < b), for reports and the benchmark. */
  allPairs(textOf: (id: string) => string | undefined): [string, string, number][] {
    const pairs: [string, string, number][] = [];
    for (const id of [...this.numbers.chunks()].sort()) {
      for (const d of this.duplicatesOf(id, textOf)) if (id < d.id) pairs.push([id, d.id, d.similarity]);
    }
    return pairs;
  }
}
