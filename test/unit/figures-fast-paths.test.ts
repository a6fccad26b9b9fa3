// The fast paths of figure extraction against the plain computations they replace, on random
// texts built from the pieces figures and stop words are made of: any difference is a bug.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figurePatterns as P } from '../../server/src/core/figures/extract';
import { LOWERS_INTO_LATIN, plainVote, voteIn } from '../../server/src/core/figures/language';
// The benchmarks' seeded generator (mulberry32): the same texts on every run.
import { random } from '../../bench/generate';

const PIECES = [
  ...'0123456789',
  ' ', ' ', '\u00a0', '\u202f', '\u2009', ',', '.', '-', '–', '/', '#', '@', ':', '+', '_', '\n', '!', '?', '…', ';',
  '$', 'US$', '€', '£', '~', '≈', 'U', 'S',
  'milliards', 'milliard', 'millions', 'mille', 'billion', 'trillions', 'thousand', 'Mds', 'Mrd', 'MM', 'bn', 'k', 'K', 'M', 'B', 'T',
  'de ', 'd’', "d'", 'dollars', 'euros', 'USD', 'livres sterling', 'emplois', 'jobs', 'people', '%', 'pour cent', 'percent', 'GW', 'kWh', 'W', 'Wh',
  'et', 'à', 'a', 'to', 'and', 'environ ', 'près de ', 'about ',
  'Le', 'LES', 'the', 'The', 'OF', 'été', 'ÉTÉ', 'Où', 'x', 'é', 'ß', 'µ', '÷', '×', 'Þ', 'Σ', 'İ', 'Ÿ', '\u212a', '\u212b', '𝐀', '😀', '\ud800',
];

function text(r: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += PIECES[Math.floor(r() * PIECES.length)]!;
  return s;
}

describe('figures fast paths equal the plain computations', () => {
  it('votes on a range as the lower-cased slice votes, and knows every character that lower-cases into its letters', () => {
    const inLatin = /[a-zà-ÿ]/;
    const found: number[] = [];
    for (let c = 0x100; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (inLatin.test(String.fromCodePoint(c).toLowerCase())) found.push(c);
    }
    assert.deepEqual(found, [...LOWERS_INTO_LATIN]);
    const r = random(7);
    for (let i = 0; i < 20_000; i++) {
      const t = text(r, 1 + Math.floor(r() * 30));
      const from = Math.floor(r() * (t.length + 1));
      const to = from + Math.floor(r() * (t.length - from + 1));
      assert.equal(voteIn(t, from, to), plainVote(t.slice(from, to)), JSON.stringify([t, from, to]));
    }
  });

  it('finds the next figure start as the plain global regex does', () => {
    const r = random(11);
    for (let i = 0; i < 20_000; i++) {
      const t = text(r, 1 + Math.floor(r() * 40));
      let from = Math.floor(r() * (t.length + 1));
      for (;;) {
        P.FIGURE_START.lastIndex = from;
        const plain = P.FIGURE_START.exec(t);
        const fast = P.figureFrom(t, from);
        assert.deepEqual(fast && [fast.index, ...fast], plain && [plain.index, ...plain], JSON.stringify([t, from]));
        if (!plain) break;
        from = plain.index + plain[0].length;
      }
    }
  });

  it('reads scale words, units and range joins in place as in the short slices they were read from', () => {
    const r = random(13);
    const same = (sticky: RegExp, plain: RegExp, window: number, t: string, at: number) => {
      sticky.lastIndex = at;
      const a = sticky.exec(t);
      const b = plain.exec(t.slice(at, at + window));
      assert.deepEqual(a && [...a], b && [...b], JSON.stringify([plain.source.slice(0, 20), t, at]));
    };
    for (let i = 0; i < 20_000; i++) {
      const t = text(r, 1 + Math.floor(r() * 12));
      for (let at = 0; at <= t.length; at++) {
        same(P.SCALE_AT, P.SCALE, 12, t, at);
        same(P.UNIT_AT, P.UNIT, 24, t, at);
        same(P.RANGE_JOIN_AT, P.RANGE_JOIN, 6, t, at);
      }
    }
  });
});
