import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldTerm, terms } from '../../../server/src/core/search/tokenize';
import { boundedDistance, TypoIndex } from '../../../server/src/core/search/typo';

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
