// The producer's designed overlap: a chunk opens with the last line(s) of the chunk before it.
// Each chunk's first and last non-empty content lines are indexed by a 53-bit hash of their
// exact text: the lines themselves weighed 3 KB a chunk, and two different lines meet by chance
// once in about 10^15 comparisons.
import type { Chunk } from '../model';

const EDGE = 3;

export interface OverlapEdge {
  /** The chunk whose last lines this chunk's first lines repeat. */
  readonly previous: string;
  /** 0-based lines in this chunk and in the previous one. */
  readonly lines: readonly number[];
  readonly previousLines: readonly number[];
}

/** A content line as the index keeps it: where it is, and its trimmed text's hash and length. */
export interface EdgeLine {
  readonly line: number;
  readonly hash: number;
  readonly length: number;
}

export interface Edges {
  readonly first: readonly EdgeLine[];
  readonly last: readonly EdgeLine[];
}

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
  const content = chunk.contentLines.filter((l) => l.text.trim() !== '');
  const pick = (ls: typeof content) => ls.map((l) => {
    const text = l.text.trim();
    return { line: l.line, hash: lineHash(text), length: text.length };
  });
  return { first: pick(content.slice(0, EDGE)), last: pick(content.slice(-EDGE)) };
}

export class OverlapIndex {
  private readonly byLastLine = new Map<number, Set<string>>();
  private readonly byFirstLine = new Map<number, Set<string>>();
  private readonly edgesOf = new Map<string, Edges>();

  set(id: string, chunk: Chunk): void {
    this.setEdges(id, edges(chunk));
  }

  setEdges(id: string, e: Edges): void {
    this.remove(id);
    this.edgesOf.set(id, e);
    for (const l of e.last) {
      // Very short lines ("ok", a lone emoji) repeat by chance.
      if (l.length < 20) continue;
      add(this.byLastLine, l.hash, id);
    }
    if (e.first.length > 0 && e.first[0]!.length >= 20) add(this.byFirstLine, e.first[0]!.hash, id);
  }

  remove(id: string): void {
    const e = this.edgesOf.get(id);
    if (!e) return;
    for (const l of e.last) drop(this.byLastLine, l.hash, id);
    if (e.first.length > 0) drop(this.byFirstLine, e.first[0]!.hash, id);
    this.edgesOf.delete(id);
  }

  /** The chunk(s) this one continues: its first k lines are the other's last k lines. */
  previousOf(id: string): OverlapEdge[] {
    const mine = this.edgesOf.get(id);
    if (!mine || mine.first.length === 0) return [];
    const out: OverlapEdge[] = [];
    for (const other of this.byLastLine.get(mine.first[0]!.hash) ?? []) {
      if (other === id) continue;
      const theirs = this.edgesOf.get(other)!;
      // Longest k such that my first k lines equal their last k lines.
      for (let k = Math.min(mine.first.length, theirs.last.length); k >= 1; k--) {
        const tail = theirs.last.slice(-k);
        if (tail.every((l, i) => l.hash === mine.first[i]!.hash && l.length === mine.first[i]!.length)) {
          out.push({ previous: other, lines: mine.first.slice(0, k).map((l) => l.line), previousLines: tail.map((l) => l.line) });
          break;
        }
      }
    }
    return out.sort((a, b) => (a.previous < b.previous ? -1 : 1));
  }

  /** The chunks that continue this one. */
  nextOf(id: string): string[] {
    const mine = this.edgesOf.get(id);
    if (!mine) return [];
    const out = new Set<string>();
    for (const l of mine.last) {
      for (const other of this.byFirstLine.get(l.hash) ?? []) {
        if (other !== id && this.previousOf(other).some((e) => e.previous === id)) out.add(other);
      }
    }
    return [...out].sort();
  }
}

function add(map: Map<number, Set<string>>, key: number, id: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(id);
}

function drop(map: Map<number, Set<string>>, key: number, id: string): void {
  const s = map.get(key);
  if (!s) return;
  s.delete(id);
  if (s.size === 0) map.delete(key);
}
