import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scalarSignature, signature } from '../../../server/src/core/search/near-duplicates';

describe('the vector MinHash signature', () => {
  it('equals the scalar one, empty, small and large (its memory grows)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 600 }), (xs) => {
      const h = Uint32Array.from(xs);
      assert.deepEqual(signature(h), scalarSignature(h));
    }), { numRuns: 300 });
    const big = Uint32Array.from({ length: 100_000 }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);
    assert.deepEqual(signature(big), scalarSignature(big));
    assert.deepEqual(signature(Uint32Array.of(0, 0xffffffff, 1)), scalarSignature(Uint32Array.of(0, 0xffffffff, 1)));
  });
});
