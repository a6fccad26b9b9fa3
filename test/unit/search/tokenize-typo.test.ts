import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldTerm, terms } from '../../../server/src/core/search/tokenize';
import fc from 'fast-check';
import { boundedDistance, forEachDeletionHash, hashKey, TypoIndex } from '../../../server/src/core/search/typo';

describe('search terms', () => {
  it('fold accents, case, elisions and the hashtag# artifact', () => {
    assert.deepEqual(terms('Les États-Unis'), ['etats', 'unis']);
    assert.deepEqual(terms('d’OpenAI et l’IA'), ['openai', 'ia']);
    assert.deepEqual(terms("qu'il a dit"), ['il', 'dit'].filter((x) => x !== 'il'));
    assert.deepEqual(terms('hashtag#Stargate #OpenAI'), ['stargate', 'openai']);
    assert.equal(foldTerm('Œuvre'), 'oeuvre');
  });

  it('keep numbers, drop one-letter words and stop words', () => {
    assert.deepEqual(terms('à 500 milliards de $ et 7 000'), ['500', 'milliards', '7', '000']);
  });
});

describe('typo tolerance', () => {
  const idx = new TypoIndex();
  for (const t of ['stargate', 'trump', 'softbank', 'altman', 'semiconducteurs', 'start', 'star']) idx.add(t);

  it('finds terms one edit away: insertion, deletion, substitution, transposition', () => {
    assert.equal(idx.expand('stargte').get('stargate'), 1);
    assert.equal(idx.expand('stargatte').get('stargate'), 1);
    assert.equal(idx.expand('stargame').get('stargate'), 1);
    assert.equal(idx.expand('tsargate').get('stargate'), 1);
    assert.equal(idx.expand('trmup').get('trump'), 1);
  });

  it('files each deletion under the hash of the deletion written out', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 32, unit: fc.constantFrom(...'aeéiostrçœ𝒳-'.split('')) }), (s) => {
      const got: number[] = [];
      forEachDeletionHash(s, (h) => got.push(h));
      assert.deepEqual(got, [...Array(s.length).keys()].map((i) => hashKey(s.slice(0, i) + s.slice(i + 1))));
    }), { numRuns: 500 });
  });

  it('finds the same neighbours as a scan of the whole vocabulary', () => {
    // 5 000 terms: hash keys that collide may only add comparisons, never change the answer.
    const words: string[] = [];
    let x = 7;
    for (let i = 0; i < 5000; i++) {
      let w = '';
      for (let k = 0; k < 4 + (i % 7); k++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        w += 'abcdeilnorstu'[x % 13];
      }
      words.push(w);
    }
    const vocab = new TypoIndex();
    for (const w of words) vocab.add(w);
    // Queries of four letters or more: shorter ones get no typo tolerance by design.
    for (const q of words.slice(0, 300).map((w, i) => (i % 2 ? w.slice(1) : `${w}e`)).filter((q) => q.length >= 4)) {
      const max = q.length >= 8 ? 2 : 1;
      const got = vocab.expand(q);
      for (const w of new Set(words)) {
        const d = boundedDistance(q, w, max);
        // Distance 1 always; distance 2 only through meeting deletions (see typo.ts), so checked one way.
        if (d <= 1) assert.equal(got.get(w), d, `${q} → ${w}`);
        if (got.has(w)) assert.equal(got.get(w), d, `${q} → ${w}`);
      }
    }
  });

  it('allows two edits only on long words, and nothing for short ones', () => {
    assert.equal(idx.expand('semiconducteur').get('semiconducteurs'), 1);
    // Distance 2 is reached where the one-deletion keys meet: letters added twice, or a letter
    // added next to a typo. Two substitutions far apart are not (see typo.ts).
    assert.equal(idx.expand('semiconnducteurss').get('semiconducteurs'), 2);
    assert.equal(idx.expand('semicondcteurz').has('semiconducteurs'), false);
    assert.equal(idx.expand('altmn').get('altman'), 1);
    assert.equal(idx.expand('atlmn').has('altman'), false);
    assert.deepEqual([...idx.expand('sta').keys()], []);
  });

  it('computes the optimal-string-alignment distance with a bound', () => {
    assert.equal(boundedDistance('abcd', 'abdc', 2), 1);
    assert.equal(boundedDistance('kitten', 'sitting', 5), 3);
    assert.equal(boundedDistance('kitten', 'sitting', 2), 3);
    assert.equal(boundedDistance('a', 'abcd', 1), 2);
  });
});
