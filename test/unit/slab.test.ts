import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Slab } from '../../server/src/core/slab';

describe('slab of kept arrays', () => {
  it('keeps copies that read as the arrays given, across pages, whatever becomes of those', () => {
    const slab = new Slab<Uint8Array>((n) => new Uint8Array(n), 64);
    const given: Uint8Array[] = [];
    const kept: Uint8Array[] = [];
    for (let i = 0; i < 100; i++) {
      const a = Uint8Array.from({ length: i % 5 }, (_, k) => i + k);
      given.push(a.slice());
      kept.push(slab.keep(a));
      a.fill(0);
    }
    for (let i = 0; i < 100; i++) assert.deepEqual([...kept[i]!], [...given[i]!]);
    // Views share pages: far fewer buffers than arrays.
    assert.ok(new Set(kept.map((k) => k.buffer)).size < 10);
  });

  it('keeps an array too large for a page as it is', () => {
    const slab = new Slab<Float64Array>((n) => new Float64Array(n), 64);
    const big = new Float64Array(10).fill(1.5);
    assert.equal(slab.keep(big), big);
  });

  it('copies an array too large for a page alone when it is a view into a larger buffer', () => {
    // A worker's reply shares one buffer among its arrays: keeping a view would keep all of it.
    const slab = new Slab<Int32Array>((n) => new Int32Array(n), 64);
    const shared = new Int32Array(100).map((_, i) => i);
    const view = shared.subarray(20, 40);
    const kept = slab.keep(view);
    assert.deepEqual([...kept], [...view]);
    assert.notEqual(kept.buffer, shared.buffer);
    assert.equal(kept.byteLength, kept.buffer.byteLength);
    // A small view is copied into a page, as any small array.
    assert.notEqual(slab.keep(shared.subarray(0, 3)).buffer, shared.buffer);
  });
});
