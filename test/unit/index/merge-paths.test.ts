// The scan's merge paths keep less per document (term ids in one byte pool, typo terms filed
// later, worker arrays mapped in place): what they answer must not change.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvertedIndex } from '../../../server/src/core/search/inverted-index';
import { LocalTermTable, TermTranslator } from '../../../server/src/core/search/term-table';
import { allWords } from '../../../server/src/core/search/tokenize';

const WORDS = 'marché usine énergie talents capital calcul données modèle projet annonce recherche infrastructure nucléaire gouvernement entreprise'.split(' ');

function text(seed: number, words: number): string {
  let x = (seed * 2654435761) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (Math.imul(x ^ (x >>> 15), 2246822507) + i) >>> 0;
    // Some words of their own, so the vocabulary keeps growing.
    out.push(x % 5 === 0 ? `mot${x % 997}` : WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

describe('the scan merge paths', () => {
  it('remove a document\'s postings exactly through compactions, documents growing and shrinking', () => {
    const incremental = new InvertedIndex();
    const final = new Map<string, string>();
    for (let round = 0; round < 4; round++) {
      for (let d = 0; d < 1500; d++) {
        if ((d + round) % 3 === 0) {
          incremental.remove(`doc${d}`);
          final.delete(`doc${d}`);
        } else {
          const t = text(d * 13 + round, 5 + ((d * round) % 40));
          incremental.set(`doc${d}`, t);
          final.set(`doc${d}`, t);
        }
      }
    }
    const rebuilt = new InvertedIndex();
    for (const [id, t] of final) rebuilt.set(id, t);
    assert.deepEqual(incremental.snapshot(), rebuilt.snapshot());
    for (const q of ['usine', 'mot17 capital', 'marche energie']) assert.deepEqual(incremental.search(q, 10), rebuilt.search(q, 10), q);
  });

  it('find a typo of a term just numbered, before and after the terms are filed for typos', async () => {
    const index = new InvertedIndex();
    const translator = new TermTranslator(index);
    const table = new LocalTermTable();
    for (let d = 0; d < 50; d++) index.setIds(`doc${d}`, translator.receive(structuredClone(table.encodeWords(allWords(text(d, 30))))));
    index.setIds('last', translator.receive(structuredClone(table.encodeWords(allWords('infrastructures hydroélectriques')))));
    const soon = index.search('hydroelectrique', 5);
    assert.equal(soon[0]?.id, 'last');
    // Once the merges pause, the pending terms are filed on their own.
    await new Promise((r) => setTimeout(r, 700));
    assert.deepEqual(index.search('hydroelectrique', 5), soon);
    assert.deepEqual(index.search('infrastructure', 5).map((h) => h.id).includes('last'), true);
  });

  it('map a worker document in place, and refuse one with unknown numbers before mapping any', () => {
    const index = new InvertedIndex();
    const translator = new TermTranslator(index);
    const table = new LocalTermTable();
    const local = structuredClone(table.encodeWords(allWords('usine calcul usine')));
    const got = translator.receive(local);
    assert.equal(got.ids, local.ids);
    assert.deepEqual([...got.ids], ['usine', 'calcul'].map((w) => index.termId(w)));
    // Numbered by the worker, never received here: the next document names a number unknown here.
    table.encodeWords(allWords('marché'));
    const skipped = structuredClone(table.encodeWords(allWords('usine capital')));
    const before = [...skipped.ids];
    assert.throws(() => translator.receive({ ...skipped, fresh: [], firstFresh: 2 }), /unknown term number/);
    assert.deepEqual([...skipped.ids], before);
  });
});
