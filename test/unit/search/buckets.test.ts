import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fileUnder, filedUnder, MemberBuckets, unfile, type Buckets } from '../../../server/src/core/search/buckets';

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
