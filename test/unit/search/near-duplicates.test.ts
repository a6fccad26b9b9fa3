import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bandKeys, jaccard, jaccardSorted, NearDuplicates, shingles, signature, sortedShingles, textShingles } from '../../../server/src/core/search/near-duplicates';
import { allWords, cut } from '../../../server/src/core/search/tokenize';

describe('near-duplicates', () => {
  it('sorted shingles are the shingle set, and sign and band like it', () => {
    const words = fc.array(fc.constantFrom('le', 'projet', 'stargate', 'annonce', '500', 'milliards', 'de', 'dollars', 'openai', 'softbank'), { maxLength: 80 });
    fc.assert(fc.property(words, (w) => {
      const sorted = sortedShingles(w);
      const set = shingles(w.join(' '));
      assert.deepEqual([...sorted], [...set].sort((a, b) => a - b));
      assert.deepEqual(signature(sorted), signature(set));
      assert.deepEqual(bandKeys(sorted), bandKeys(set));
    }), { numRuns: 300 });
  });

  it('the signature is, per function, the least image of a shingle', () => {
    // The plain definition, with the multipliers and offsets read back from one-element sets.
    const one = (x: number) => signature(Uint32Array.of(x));
    const base0 = one(0);
    const slope = Uint32Array.from(one(1), (v, i) => (v - base0[i]!) >>> 0);
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 50 }), (xs) => {
      const sig = signature(Uint32Array.from(xs));
      for (let i = 0; i < 64; i++) assert.equal(sig[i], Math.min(...xs.map((x) => (Math.imul(slope[i]!, x) + base0[i]!) >>> 0)));
    }), { numRuns: 200 });
  });

  it('the merge Jaccard over sorted arrays equals the set Jaccard', () => {
    const set = fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 60 });
    fc.assert(fc.property(set, set, (a, b) => {
      const sa = new Set(a);
      const sb = new Set(b);
      const ua = Uint32Array.from(sa).sort();
      const ub = Uint32Array.from(sb).sort();
      assert.equal(jaccardSorted(ua, ub), jaccard(sa, sb));
    }));
  });

  it('a cluster of n copies reads each text once, not n² times, and finds every pair', () => {
    const n = 60;
    const base = Array.from({ length: 120 }, (_, i) => `mot${i}`).join(' ');
    const texts = new Map(Array.from({ length: n }, (_, i) => [`c${String(i).padStart(2, '0')}`, `${base} variante ${i}`]));
    const nd = new NearDuplicates();
    for (const [id, t] of texts) nd.set(id, t);
    let reads = 0;
    const textOf = (id: string) => {
      reads++;
      return texts.get(id);
    };
    assert.equal(nd.allPairs(textOf).length, (n * (n - 1)) / 2);
    assert.ok(reads <= n, `${reads} reads for ${n} chunks`);
  });

  it('shingles a text with more words than the cutter has room for as it shingles its words', () => {
    // The cutter grows its arrays for this text: the shingles are of every word, not of the
    // ones the arrays held before.
    for (const extra of [1, 500]) {
      const words = Array.from({ length: cut.hashes.length + extra }, (_, i) => `mot${i}`);
      const text = words.join(' ');
      assert.deepEqual(textShingles(text), sortedShingles(allWords(text)));
    }
  });

  it('an edited chunk is shingled again: its old shingles are not reused', () => {
    const nd = new NearDuplicates();
    const words = Array.from({ length: 200 }, (_, i) => `mot${i}`);
    const texts = new Map([['a', words.join(' ')], ['b', words.join(' ')]]);
    for (const [id, t] of texts) nd.set(id, t);
    const textOf = (id: string) => texts.get(id);
    assert.deepEqual(nd.duplicatesOf('a', textOf), [{ id: 'b', similarity: 1 }]);
    // Every 60th word of b changes: still a candidate of a, no longer identical.
    texts.set('b', words.map((w, i) => (i % 60 === 30 ? 'autre' : w)).join(' '));
    nd.set('b', texts.get('b')!);
    assert.ok(nd.candidates('a').includes('b'), 'b still meets a in a band');
    const exact = jaccard(shingles(texts.get('a')!), shingles(texts.get('b')!));
    assert.ok(exact < 1 && exact >= 0.8, String(exact));
    assert.deepEqual(nd.duplicatesOf('a', textOf), [{ id: 'b', similarity: exact }]);
  });
});
