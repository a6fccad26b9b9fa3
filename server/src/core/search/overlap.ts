// The producer's designed overlap: a chunk opens with the last line(s) of the chunk before it.
// Each chunk's first and last non-empty content lines are indexed by a 53-bit hash of their
// exact text: the lines themselves weighed 3 KB a chunk, and two different lines meet by chance
// once in about 10^15 comparisons.
import type { Chunk } from '../model';
import { MemberBuckets } from './buckets';
import { Slab } from '../slab';
import { ReusedNumbers } from '../chunk-counts';

const EDGE = 3;

export interface OverlapEdge {
  /** The chunk whose last lines this chunk's first lines repeat. */
  readonly previous: string;
  /** 0-based lines in this chunk and in the previous one. */
  readonly lines: readonly number[];
  readonly previousLines: readonly number[];
  /** The length of the last of `lines` and of the last of `previousLines`, as written: ranges need no parse. */
  readonly lastLength: number;
  readonly previousLastLength: number;
}

/**
 * A chunk's first and last non-empty content lines (up to three each) as the index keeps them,
 * in one array: `[firsts, lasts, (line, hash, length, width) × firsts, (line, hash, length,
 * width) × lasts]`, the hash and length of each trimmed line's text and the length of the whole
 * line. One object a chunk, where objects per line weighed on every collection of a 100 000-chunk
 * heap.
 */
export type Edges = Float64Array;

const FIELDS = 4;
const firsts = (e: Edges) => e[0]!;
const lasts = (e: Edges) => e[1]!;
/** Where the i-th first (side 0) or last (side 1) line starts in `e`. */
const at = (e: Edges, side: 0 | 1, i: number) => 2 + (side === 0 ? 0 : e[0]! * FIELDS) + i * FIELDS;
const sameLine = (a: Edges, i: number, b: Edges, j: number) => a[i + 1] === b[j + 1] && a[i + 2] === b[j + 2];
/** A line's hash as a map key: 30 bits, a small integer, no heap number per key. */
const keyOf = (hash: number) => hash % 2 ** 30;

/** Two FNV-1a passes with different seeds, folded into a number below 2^53. */
export function lineHash(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff);
}

/** A chunk's first and last non-empty content lines (pure: worker-safe). */
export function edges(chunk: Chunk): Edges {
  // Found from each end, each line trimmed once: no filtered copy of every line.
  const content = chunk.contentLines;
  const first = nonBlank(content, 0, 1);
  const last = nonBlank(content, content.length - 1, -1);
  const e = new Float64Array(2 + (first.at.length + last.at.length) * FIELDS);
  e[0] = first.at.length;
  e[1] = last.at.length;
  let o = 2;
  const put = (i: number, text: string) => {
    const line = content[i]!.line;
    e[o++] = line;
    e[o++] = lineHash(text);
    e[o++] = text.length;
    e[o++] = chunk.lines[line]?.length ?? 0;
  };
  for (let k = 0; k < first.at.length; k++) put(first.at[k]!, first.text[k]!);
  // Found last to first: written in reading order.
  for (let k = last.at.length - 1; k >= 0; k--) put(last.at[k]!, last.text[k]!);
  return e;
}

/** Up to EDGE non-blank lines of `content` from `from` on, one `step` at a time: where, and trimmed. */
function nonBlank(content: Chunk['contentLines'], from: number, step: 1 | -1): { at: number[]; text: string[] } {
  const at: number[] = [];
  const text: string[] = [];
  for (let i = from; i >= 0 && i < content.length && at.length < EDGE; i += step) {
    const t = content[i]!.text.trim();
    if (t === '') continue;
    at.push(i);
    text.push(t);
  }
  return { at, text };
}

/** Lines shorter than this ("ok", a lone emoji) repeat by chance: no overlap is filed by them. */
const SHORT_LINE = 20;

/** The key of a chunk's i-th first (side 0) or last (side 1) line; undefined for a short line. */
function lineKey(e: Edges, side: 0 | 1, i: number): number | undefined {
  const o = at(e, side, i);
  return e[o + 2]! < SHORT_LINE ? undefined : keyOf(e[o + 1]!);
}

/**
 * The chunks ending with a line, and those starting with one, by line key. Chunks are numbered
 * here, and the buckets are typed-array tables of those numbers (`MemberBuckets`): two Maps
 * with an entry per line key (400 000 at 100 000 chunks) and an id or an array per entry were
 * a hash-table insert per line on the scan's merge and as many entries for every full collection
 * to visit. A chunk is under up to EDGE keys of its last lines: member `number × EDGE + i` for
 * its i-th last line; under one key of its first line: member `number`.
 */
export class OverlapIndex {
  private readonly byLastLine = new MemberBuckets();
  private readonly byFirstLine = new MemberBuckets();
  /** Chunk id → its number, and back; by number, its edges. */
  private readonly numbers = new ReusedNumbers();
  private readonly edgesByNumber: (Edges | undefined)[] = [];
  /** Where the edges kept are (see slab.ts). */
  private readonly kept = new Slab<Edges>((n) => new Float64Array(n), 1 << 10);

  set(id: string, chunk: Chunk): void {
    this.setEdges(id, edges(chunk));
  }

  /** Room for `chunks` chunks in all, so that filing them regrows nothing (`MemberBuckets.reserve`). */
  reserve(chunks: number): void {
    this.byLastLine.reserve(chunks * EDGE);
    this.byFirstLine.reserve(chunks);
  }

  setEdges(id: string, e: Edges): void {
    this.remove(id);
    const mine = this.kept.keep(e);
    const no = this.numbers.take(id);
    this.edgesByNumber[no] = mine;
    this.file(mine, no, true);
  }

  remove(id: string): void {
    const no = this.numbers.release(id);
    if (no === undefined) return;
    this.file(this.edgesByNumber[no]!, no, false);
    this.edgesByNumber[no] = undefined;
  }

  /** Files chunk `no` under its keys (`add`) or takes it out of them: its last lines, each key once, and its first line. */
  private file(e: Edges, no: number, add: boolean): void {
    for (let i = 0; i < lasts(e); i++) {
      const key = lineKey(e, 1, i);
      if (key === undefined) continue;
      // Each key once: the (at most two) lines before it are looked at, no Set is made.
      let seen = false;
      for (let j = 0; j < i && !seen; j++) seen = lineKey(e, 1, j) === key;
      if (seen) continue;
      if (add) this.byLastLine.add(key, no * EDGE + i);
      else this.byLastLine.remove(key, no * EDGE + i);
    }
    const first = firsts(e) > 0 ? lineKey(e, 0, 0) : undefined;
    if (first === undefined) return;
    if (add) this.byFirstLine.add(first, no);
    else this.byFirstLine.remove(first, no);
  }

  private edgesOf(id: string): Edges | undefined {
    const no = this.numbers.find(id);
    return no === undefined ? undefined : this.edgesByNumber[no];
  }

  /** The chunk(s) this one continues: its first k lines are the other's last k lines. */
  previousOf(id: string): OverlapEdge[] {
    const mine = this.edgesOf(id);
    if (!mine || firsts(mine) === 0) return [];
    const candidates: number[] = [];
    this.byLastLine.forEach(keyOf(mine[at(mine, 0, 0) + 1]!), (m) => candidates.push((m - (m % EDGE)) / EDGE));
    const out: OverlapEdge[] = [];
    for (const no of candidates) {
      const other = this.numbers.id(no);
      if (other === id) continue;
      const theirs = this.edgesByNumber[no]!;
      const n = lasts(theirs);
      // Longest k such that my first k lines equal their last k lines.
      for (let k = Math.min(firsts(mine), n); k >= 1; k--) {
        let equal = true;
        for (let i = 0; i < k && equal; i++) equal = sameLine(mine, at(mine, 0, i), theirs, at(theirs, 1, n - k + i));
        if (equal) {
          const lines: number[] = [];
          const previousLines: number[] = [];
          for (let i = 0; i < k; i++) {
            lines.push(mine[at(mine, 0, i)]!);
            previousLines.push(theirs[at(theirs, 1, n - k + i)]!);
          }
          out.push({ previous: other, lines, previousLines, lastLength: mine[at(mine, 0, k - 1) + 3]!, previousLastLength: theirs[at(theirs, 1, n - 1) + 3]! });
          break;
        }
      }
    }
    return out.sort((a, b) => (a.previous < b.previous ? -1 : 1));
  }

  /** The chunks that continue this one. */
  nextOf(id: string): string[] {
    const mine = this.edgesOf(id);
    if (!mine) return [];
    const out = new Set<string>();
    const candidates: string[] = [];
    for (let i = 0; i < lasts(mine); i++) {
      candidates.length = 0;
      this.byFirstLine.forEach(keyOf(mine[at(mine, 1, i) + 1]!), (no) => candidates.push(this.numbers.id(no)));
      for (const other of candidates) {
        if (other !== id && !out.has(other) && this.previousOf(other).some((e) => e.previous === id)) out.add(other);
      }
    }
    return [...out].sort();
  }
}
