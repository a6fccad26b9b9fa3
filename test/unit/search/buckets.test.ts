import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fileUnder, filedUnder, unfile, type Buckets } from '../../../server/src/core/search/buckets';

describe('buckets of chunk ids', () => {
  it('hold what was filed and not taken out, whatever the order, past the size where a list becomes a set', () => {
    // Operations on a few keys, ids from a pool large enough for a key to hold hundreds.
    const op = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 300 }));
    fc.assert(fc.property(fc.array(op, { minLength: 100, maxLength: 1500 }), (ops) => {
      const map: Buckets<number> = new Map();
      const model = new Map<number, Set<string>>();
      for (const [add, key, n] of ops) {
        const id = `file:///c/${String(n).padStart(6, '0')}.txt`;
        const ids = model.get(key) ?? new Set<string>();
        if (add) {
          // Callers take a chunk out before filing it again.
          if (ids.has(id)) continue;
          fileUnder(map, key, id);
          ids.add(id);
        } else {
          unfile(map, key, id);
          ids.delete(id);
        }
        if (ids.size > 0) model.set(key, ids);
        else model.delete(key);
      }
      assert.deepEqual([...map.keys()].sort(), [...model.keys()].sort());
      for (const [key, ids] of model) assert.deepEqual([...filedUnder(map.get(key))].sort(), [...ids].sort());
    }), { numRuns: 300 });
  });

  it('takes an id out of a key thousands share without walking them', () => {
    const map: Buckets<string> = new Map();
    // A fresh copy of each id, as a caller's string would be: equal, not the same object.
    for (let i = 0; i < 20_000; i++) fileUnder(map, 'footer', `file:///corpus/articles/${String(i).padStart(8, '0')}.txt`);
    assert.ok(map.get('footer') instanceof Set);
    unfile(map, 'footer', `file:///corpus/articles/${String(12_345).padStart(8, '0')}.txt`);
    const left = [...filedUnder(map.get('footer'))];
    assert.equal(left.length, 19_999);
    assert.ok(!left.includes('file:///corpus/articles/00012345.txt'));
  });
});
