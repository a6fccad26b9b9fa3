// Positions, ranges and text edits as the fixes need them: LSP positions (0-based line, UTF-16
// character), applied the way an editor applies them, so the CLI writes what VS Code would.
import type { Chunk, Position, Range, TextEdit } from '../model';

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Whether `inner` lies within `outer` (bounds included). */
export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

/**
 * Applies edits to a document's text: \r\n, \n and \r all end a line; a character past the end
 * of its line means the end of the line; a leading BOM is not counted and is kept. Overlapping
 * edits are an error.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const starts = [0];
  const ends: number[] = [];
  for (const m of body.matchAll(/\r\n|\n|\r/g)) {
    ends.push(m.index);
    starts.push(m.index + m[0].length);
  }
  ends.push(body.length);
  const offset = ({ line, character }: Position) => (line >= starts.length ? body.length : Math.min(starts[line]! + character, ends[line]!));
  const spans = edits.map((e) => ({ from: offset(e.range.start), to: offset(e.range.end), text: e.newText })).sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i - 1]!.to > spans[i]!.from) throw new Error('overlapping edits');
  }
  let out = body;
  for (const s of spans.reverse()) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return bom + out;
}

/** The text a range covers in a chunk (lines joined with the chunk's line break). */
export function textAt(chunk: Chunk, r: Range): string {
  if (r.start.line === r.end.line) return (chunk.lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  const parts = [(chunk.lines[r.start.line] ?? '').slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(chunk.lines[l] ?? '');
  parts.push((chunk.lines[r.end.line] ?? '').slice(0, r.end.character));
  return parts.join(chunk.eol);
}

/**
 * The range that removes lines `first..last` whole: up to the start of the next line (line break
 * included), or, for the file's last lines, to the end of the text (the line break before them
 * stays, so nothing outside the lines changes).
 */
export function wholeLinesRange(chunk: Pick<Chunk, 'lines'>, first: number, last: number): Range {
  if (last + 1 < chunk.lines.length) return { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } };
  return { start: { line: first, character: 0 }, end: { line: last, character: chunk.lines[last]!.length } };
}

/** Keeps the edits in order and drops any that overlaps one already kept (and exact repeats). */
export function withoutOverlaps(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(b.range.end, a.range.end));
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && comparePositions(prev.range.end, e.range.start) > 0) continue;
    if (prev && comparePositions(prev.range.start, e.range.start) === 0 && comparePositions(prev.range.end, e.range.end) === 0) continue;
    // Two insertions or a zero-width edit at the same point as the previous end are fine.
    out.push(e);
  }
  return out;
}
