// parseNumber's fast path (digits and points alone) against the plain reading it skips.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNumber } from '../../server/src/core/figures/extract';
// The benchmarks' seeded generator (mulberry32): the same texts on every run.
import { random } from '../../bench/generate';

function plainParse(s: string, englishForm: boolean): number {
  const compact = s.replace(/[ \u00a0\u202f\u2009]/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact) && englishForm) return Number(compact.replace(/,/g, ''));
  return Number(compact.replace(',', '.'));
}

describe('parseNumber', () => {
  it('reads every string of digits, points, commas and spaces as the plain reading does', () => {
    const r = random(31);
    const units = '0123456789012345678901234567890123456789.,. \u00a0\u202f\u2009';
    for (let i = 0; i < 50_000; i++) {
      let s = '';
      for (let n = Math.floor(r() * 12); n > 0; n--) s += units[Math.floor(r() * units.length)]!;
      for (const english of [false, true]) assert.equal(parseNumber(s, english), plainParse(s, english), JSON.stringify([s, english]));
    }
  });
});
