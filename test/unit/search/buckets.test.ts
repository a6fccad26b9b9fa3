import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MemberBuckets } from '../../../server/src/core/search/buckets';

describe('buckets of numbered members', () => {
  const membersOf = (b: MemberBuckets, key: number) => {
    const out: number[] = [];
    b.forEach(key, (m) => out.push(m));
    return out.sort((x, y) => x - y);
  };

  it('hold what was filed and not taken out, through growth and keys that collide', () => {
    // Few keys or many (the table grows, and keys meet in it); a member under one key at a time.
    const op = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 2000 }));
    fc.assert(fc.property(fc.array(op, { minLength: 100, maxLength: 4000 }), fc.constantFrom(7, 5000, 2 ** 30 - 1), (ops, keySpace) => {
      const b = new MemberBuckets();
      const keyOf = new Map<number, number>();
      for (const [add, k, m] of ops) {
        const key = (k * 7919) % keySpace;
        const had = keyOf.get(m);
        if (had !== undefined) {
          b.remove(had, m);
          keyOf.delete(m);
        }
        if (add) {
          b.add(key, m);
          keyOf.set(m, key);
        }
      }
      const model = new Map<number, number[]>();
      for (const [m, key] of keyOf) model.set(key, [...(model.get(key) ?? []), m]);
      for (const [key, ms] of model) assert.deepEqual(membersOf(b, key), ms.sort((x, y) => x - y));
      for (let k = 0; k < 50; k++) if (!model.has(k)) assert.deepEqual(membersOf(b, k), []);
    }), { numRuns: 200 });
  });

  it('takes a member out of a key thousands share', () => {
    const b = new MemberBuckets();
    for (let m = 0; m < 20_000; m++) b.add(42, m);
    b.remove(42, 12_345);
    const left = membersOf(b, 42);
    assert.equal(left.length, 19_999);
    assert.ok(!left.includes(12_345));
  });

  it('finds the same members when room was reserved first, before and after filing some', () => {
    const plain = new MemberBuckets();
    const reserved = new MemberBuckets();
    for (let m = 0; m < 3000; m++) {
      if (m === 1000) reserved.reserve(5000);
      const key = (m * 7919) % 1700;
      plain.add(key, m);
      reserved.add(key, m);
      if (m % 7 === 0) {
        plain.remove(key, m);
        reserved.remove(key, m);
      }
    }
    for (let k = 0; k < 1700; k++) assert.deepEqual(membersOf(reserved, k), membersOf(plain, k));
  });
});
