// Per-key chunk counts must behave as the map from chunk id to count they replace.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ChunkCounts, ChunkNumbers, ReusedNumbers } from '../../../server/src/core/chunk-counts';

type Op = { op: 'add'; chunk: number; by: number } | { op: 'set'; chunk: number; value: number } | { op: 'delete'; chunk: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), chunk: fc.nat(40), by: fc.integer({ min: -3, max: 4 }) }),
  fc.record({ op: fc.constant('set' as const), chunk: fc.nat(40), value: fc.nat(5) }),
  fc.record({ op: fc.constant('delete' as const), chunk: fc.nat(40) }),
);

describe('chunk counts', () => {
  it('behave as a map from chunk to count, in chunk-number order, under any edits', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 300 }), fc.array(fc.nat(40), { maxLength: 40 }), (ops, firstSeen) => {
      const numbers = new ChunkNumbers();
      // Chunks numbered in some order, not their names' order.
      for (const c of firstSeen) numbers.of(`c${c}`);
      const counts = new ChunkCounts(numbers);
      const model = new Map<string, number>();
      for (const o of ops) {
        const id = `c${o.chunk}`;
        const n = numbers.of(id);
        if (o.op === 'add') {
          counts.add(n, o.by);
          const v = (model.get(id) ?? 0) + o.by;
          if (model.has(id) ? v <= 0 : o.by <= 0) model.delete(id);
          else model.set(id, v);
        } else if (o.op === 'set') {
          counts.set(n, o.value);
          model.set(id, o.value);
        } else {
          counts.delete(n);
          model.delete(id);
        }
        assert.equal(counts.size, model.size);
        assert.equal(counts.get(id), model.get(id));
      }
      const byNumber = [...model.entries()].sort((a, b) => numbers.of(a[0]) - numbers.of(b[0]));
      assert.deepEqual([...counts.entries()], byNumber);
      assert.deepEqual([...counts], byNumber);
      assert.deepEqual([...counts.keys()], byNumber.map(([k]) => k));
      assert.deepEqual([...counts.values()], byNumber.map(([, v]) => v));
      assert.equal(counts.get('never-seen'), undefined);
    }), { numRuns: 300 });
  });

  it('append chunks met in order, and keep thousands', () => {
    const numbers = new ChunkNumbers();
    const counts = new ChunkCounts(numbers);
    for (let i = 0; i < 5000; i++) counts.add(numbers.of(`chunk${i}`), 1 + (i % 3));
    assert.equal(counts.size, 5000);
    assert.equal(counts.get('chunk4999'), 1 + (4999 % 3));
    // One in the middle taken away and put back keeps its place.
    counts.add(numbers.of('chunk2500'), -100);
    assert.equal(counts.get('chunk2500'), undefined);
    counts.add(numbers.of('chunk2500'), 2);
    assert.deepEqual([...counts.keys()].slice(2499, 2502), ['chunk2499', 'chunk2500', 'chunk2501']);
  });
});

describe('reused chunk numbers', () => {
  it('give each chunk held a distinct number, back and forth, and no more numbers than chunks held at once', () => {
    fc.assert(fc.property(fc.array(fc.record({ take: fc.boolean(), chunk: fc.nat(20) }), { maxLength: 200 }), (ops) => {
      const numbers = new ReusedNumbers();
      const held = new Map<string, number>();
      let most = 0;
      for (const o of ops) {
        const id = `c${o.chunk}`;
        if (o.take && !held.has(id)) held.set(id, numbers.take(id));
        else if (!o.take) assert.equal(numbers.release(id), held.get(id));
        if (!o.take) held.delete(id);
        most = Math.max(most, held.size);
        assert.equal(numbers.size, held.size);
        assert.deepEqual([...numbers.chunks()].sort(), [...held.keys()].sort());
        for (const [c, n] of held) {
          assert.equal(numbers.find(c), n);
          assert.equal(numbers.id(n), c);
          assert.ok(n < Math.max(most, 1), `${n} given with at most ${most} chunks held`);
        }
        assert.equal(new Set(held.values()).size, held.size);
      }
      for (let n = 0; n < most; n++) if (![...held.values()].includes(n)) assert.equal(numbers.id(n), '');
    }));
  });
});
