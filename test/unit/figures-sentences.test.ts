// The sentences figure extraction reads a language in, found by hand and only as far as the
// line's last figure, against the plain pattern over the whole line: any difference is a bug.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures, parseChunk } from '../../server/src/core';
import { contentSegments, sentenceEnd } from '../../server/src/core/index-text';
import { voteIn, type Language } from '../../server/src/core/figures/language';
import { HOSTILE_LINES } from '../fixtures/hostile-lines';
// The benchmarks' seeded generator (mulberry32): the same texts on every run.
import { random } from '../../bench/generate';

const PIECES = [
  'a', 'b', 'x', 'le', 'the', 'de', 'of', 'and', 'et', 'billion', 'milliards', 'les', 'is', 'Le', 'THE', '5', '1 000', '$7', '€', '%', ' ',
  ' ', ' ', ' ', ' ', '\u00a0', '\u202f', '\t', '\u2003', '\u3000', '\ufeff', '\u200b', '\n',
  '.', '.', '!', '?', '…', '...', ':', ';', '-', '–', '—', ' - ', ' – ', ' — ', '"', '»', '”', ')', '(', '«', ',', '’',
];

/** The pattern whose matches end sentences (index-text.ts), as figure extraction once ran it. */
const SENTENCE_END = /[.!?…]+["»”)]*(?=\s|$)|\s[-–—]\s|[:;](?=\s)/g;

/** Sentence spans `[start, end)` of a line from `from` on, by `sentenceEnd`. */
function sentenceSpans(text: string, from = 0): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  for (let end = sentenceEnd(text, from); end >= 0; end = sentenceEnd(text, end)) {
    out.push([start, end]);
    start = end;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

/** The same by the pattern itself. */
function plainSentenceSpans(text: string, from = 0): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (end > start) out.push([start, end]);
    start = end;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

function text(r: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += PIECES[Math.floor(r() * PIECES.length)]!;
  return s;
}

describe('figure sentences', () => {
  it('splits a line into the sentences the plain pattern finds', () => {
    const r = random(23);
    for (let i = 0; i < 50_000; i++) {
      const t = text(r, Math.floor(r() * 30));
      const from = Math.floor(r() * (t.length + 1));
      assert.deepEqual(sentenceSpans(t, from), plainSentenceSpans(t, from), JSON.stringify([t, from]));
    }
  });

  it("reads each figure's language in its sentence, then its line, then the chunk, as the whole line's sentences say", () => {
    const r = random(29);
    let figures = 0;
    for (let i = 0; i < 5000; i++) {
      const chunk = parseChunk('x', text(r, Math.floor(r() * 120)));
      const segments = contentSegments(chunk);
      const lineVote = (k: number) => voteIn(segments[k]!.text, segments[k]!.start);
      const chunkLanguage: Language = segments.reduce((v, _, k) => v + lineVote(k), 0) < 0 ? 'en' : 'fr';
      const byVote = (v: number, fallback: () => Language): Language => (v > 0 ? 'fr' : v < 0 ? 'en' : fallback());
      for (const f of extractFigures(chunk)) {
        const k = segments.findIndex((s) => s.line === f.line);
        const { text: line, start } = segments[k]!;
        const span = plainSentenceSpans(line, start).find(([a, b]) => f.start >= a && f.start < b)!;
        assert.equal(f.language, byVote(voteIn(line, span[0], span[1]), () => byVote(lineVote(k), () => chunkLanguage)), JSON.stringify([line, f]));
        figures++;
      }
    }
    assert.ok(figures > 1000, `${figures} figures`);
  });

  it('finds the same sentences on hostile lines', () => {
    for (const [name, line] of HOSTILE_LINES) assert.deepEqual(sentenceSpans(line), plainSentenceSpans(line), name);
  });

  it('reads a long run of stops once (the pattern backtracks over it from each stop: a minute)', () => {
    const line = `5 milliards ${'.'.repeat(200_000)}x`;
    assert.deepEqual(sentenceSpans(line), [[0, line.length]]);
    assert.equal(extractFigures(parseChunk('x', line)).length, 1);
  });
});
