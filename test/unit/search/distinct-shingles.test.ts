import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { distinctShingles, shinglesOfHashes } from '../../../server/src/core/search/near-duplicates';

describe('distinct shingles', () => {
  it('are the sorted shingles, each once, in another order', () => {
    // Few distinct words, so shingles repeat; short texts too (one shingle of fewer words).
    const words = fc.array(fc.constantFrom(0, 1, 7, 0xffffffff, 0x80000000, 12345), { maxLength: 300 });
    fc.assert(fc.property(words, (w) => {
      const wh = Uint32Array.from(w);
      assert.deepEqual(distinctShingles(wh).slice().sort(), shinglesOfHashes(wh));
    }), { numRuns: 500 });
    // Long enough that the set grows.
    const long = Uint32Array.from({ length: 50_000 }, (_, i) => Math.imul(i % 20_000, 0x9e3779b1) >>> 0);
    assert.deepEqual(distinctShingles(long).slice().sort(), shinglesOfHashes(long));
  });
});
