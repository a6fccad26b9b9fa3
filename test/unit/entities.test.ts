import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EntityRecognizer, extractEntities, parseChunk } from '../../server/src/core';
import { foldKey, foldWord } from '../../server/src/core/entities/fold';

const shipped = new EntityRecognizer();
const found = (text: string, r = shipped) => extractEntities(parseChunk('x', text), r).map((m) => `${m.entity}|${m.surface}|${m.form}`);
const ids = (text: string, r = shipped) => extractEntities(parseChunk('x', text), r).map((m) => m.entity);

describe('entity extractor: a table of French and English forms', () => {
  const table: [string, string, string[]][] = [
    ['LinkedIn hashtag', 'Le projet est porté par hashtag#OpenAI et les autres.', ['e:openai|OpenAI|hashtag']],
    ['plain hashtag', 'Merci à #OpenAI pour tout.', ['e:openai|OpenAI|hashtag']],
    ['handle', 'Announcing it — OpenAI (@OpenAI) January 21, 2025', ['e:openai|OpenAI|plain', 'e:openai|OpenAI|handle']],
    ['elision with a typographic apostrophe', 'Le PDG d’OpenAI parle.', ['e:openai|OpenAI|elided']],
    ['elision with a straight apostrophe', "Le PDG d'OpenAI parle.", ['e:openai|OpenAI|elided']],
    ['elided topic', "La course à l'IA continue, et l’IA gagne.", ['e:ia|IA|elided', 'e:ia|IA|elided']],
    ['English possessive', "We read OpenAI's plan and Altman’s letter.", ['e:openai|OpenAI|plain', 'e:sam altman|Altman|plain']],
    ['Trump and Donald Trump are one person', 'Donald Trump parle. Selon Trump, tout va bien.', ['e:donald trump|Donald Trump|plain', 'e:donald trump|Trump|plain']],
    ['Softbank and SoftBank are one company', 'Avec SoftBank et Softbank.', ['e:softbank|SoftBank|plain', 'e:softbank|Softbank|plain']],
    ['USA, États-Unis, Etats-Unis, Etats Unis', 'Les USA, les États-Unis, les Etats-Unis et les Etats Unis.', ['e:etats unis|USA|plain', 'e:etats unis|États-Unis|plain', 'e:etats unis|Etats-Unis|plain', 'e:etats unis|Etats Unis|plain']],
    ['Chine and China', 'La Chine, China in English.', ['e:chine|Chine|plain', 'e:chine|China|plain']],
    ['longest alias first', 'Le Stargate Project avance.', ['e:stargate|Stargate Project|plain']],
    ['a capitalised name the gazetteer lacks', 'Hier, nous avons vu Rochane Dupont au salon.', ['n:rochane dupont|Rochane Dupont|plain']],
    ['a sentence-initial name also written mid-sentence', 'Cela a coûté à Zorglub. Zorglub fait face.', ['n:zorglub|Zorglub|plain', 'n:zorglub|Zorglub|plain']],
  ];
  for (const [name, text, expected] of table) it(name, () => assert.deepEqual(found(text), expected));

  it('takes no sentence-initial common word for an entity', () => {
    assert.deepEqual(ids('Cependant, la suite. Construire les usines prend du temps. Toutefois rien. The plan is new.'), []);
    assert.deepEqual(ids('Les Chinois sont derrière les Américains.'), []);
  });

  it('takes a lower-case common word for no entity (oracle, meta, us)', () => {
    assert.deepEqual(ids('un oracle, une méta-analyse, nous et us'), []);
  });

  it('reads no sender, date or URL: senders are participants', () => {
    const chat = '=== MÉTADONNÉES CHUNK ===\nPériode: null → null\n\n=== CONTENU ===\n22/01/2025, 18:43 - Sam Altman: voir https://OpenAI.com/Stargate demain\n';
    assert.deepEqual(ids(chat), []);
  });

  it('lets .chunkreview.json add entities and correct shipped ones', () => {
    const r = new EntityRecognizer([
      { name: 'Hyperion', kind: 'product', aliases: ['Projet Hyperion'] },
      { name: 'Stargate', kind: 'organisation', aliases: ['SG'] },
    ]);
    assert.deepEqual(ids('Le Projet Hyperion et Hyperion. Puis SG et Stargate.', r), ['e:hyperion', 'e:hyperion', 'e:stargate', 'e:stargate']);
    assert.equal(r.get('e:stargate')!.kind, 'organisation');
    assert.equal(shipped.get('e:stargate')!.kind, 'product');
  });
});

describe('word folding', () => {
  it('folds a word as foldKey does, on the ASCII fast path and off it', () => {
    const words = ['openai', 'OpenAI', 'SOFTBANK', 'x9', '2025', '', 'États', 'Œuvre', 'naïve', 'Ærø', 'co-op', "l'IA", 'a.b', 'snake_case', 'tab\there', 'Ünïcödé', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz0123456789', 'Stargate', '@handle', 'Δέλτα'];
    for (const w of words) assert.equal(foldWord(w), foldKey(w), w);
    // Twice: the second answer comes from the cache for the words off the fast path.
    for (const w of words) assert.equal(foldWord(w), foldKey(w), w);
  });
});
