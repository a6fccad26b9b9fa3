// FewKeys numbers the keys met since its last reset as a Map from key to number would.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FewKeys } from '../../server/src/core/few-keys';

describe('few keys', () => {
  it('number keys in the order first met, as a Map would, across resets and past the short list', () => {
    const key = fc.oneof(fc.integer({ min: -3, max: 80 }), fc.constantFrom(NaN, -0, 0.5));
    fc.assert(fc.property(fc.array(fc.array(key, { maxLength: 120 }), { maxLength: 6 }), (units) => {
      const keys = new FewKeys<number>();
      for (const unit of units) {
        keys.reset();
        const model = new Map<number, number>();
        for (const k of unit) {
          const expected = model.get(k) ?? -1;
          if (expected < 0) model.set(k, model.size);
          assert.equal(keys.number(k), expected, String(k));
          assert.equal(keys.size, model.size);
        }
        for (const [k, n] of model) assert.ok(Object.is(keys.key(n), k) || (k === 0 && keys.key(n) === 0), `${k} at ${n}`);
      }
    }), { numRuns: 500 });
  });

  it('let a hostile unit\'s thousands of keys go at the next reset', () => {
    const keys = new FewKeys<string>();
    for (let i = 0; i < 3000; i++) keys.number(`k${i}`);
    assert.equal(keys.size, 3000);
    assert.equal(keys.number('k2999'), 2999);
    keys.reset();
    assert.ok(keys.kept <= 256, `${keys.kept} kept`);
    assert.equal(keys.number('k0'), -1);
    assert.equal(keys.size, 1);
  });
});
