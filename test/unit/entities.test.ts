import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EntityRecognizer, extractEntities, parseChunk } from '../../server/src/core';
import { nextWordStart, wordEnd } from '../../server/src/core/entities/extract';
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
  it('folds a word, or a name of several words, as foldKey does, on the ASCII fast path and off it', () => {
    const words = ['openai', 'OpenAI', 'SOFTBANK', 'x9', '2025', '', 'États', 'Œuvre', 'naïve', 'Ærø', 'co-op', "l'IA", 'a.b', 'snake_case', 'tab\there', 'Ünïcödé', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz0123456789', 'Stargate', '@handle', 'Δέλτα', 'Sam Altman', 'Jean-Pierre  Dupont', 'États-Unis', "L'Oréal Paris", ' Open AI ', 'New\u00a0York'];
    for (const w of words) assert.equal(foldWord(w), foldKey(w), w);
    // Twice: the second answer comes from the cache for the words off the fast path.
    for (const w of words) assert.equal(foldWord(w), foldKey(w), w);
  });
});

describe('word scanning', () => {
  // The plain definition the table-driven scanner replaces: letters and digits by explicit ranges,
  // then combining accents may follow.
  const WORD = /[A-Za-z0-9\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u052f\u1e00-\u1fff\u3040-\u9fff\uac00-\ud7af][A-Za-z0-9\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0300-\u036f\u0370-\u03ff\u0400-\u052f\u1e00-\u1fff\u3040-\u9fff\uac00-\ud7af]*/g;
  const spans = (text: string, from: number): [number, number][] => {
    const out: [number, number][] = [];
    for (let s = nextWordStart(text, from); s < text.length; s = nextWordStart(text, out[out.length - 1]![1])) out.push([s, wordEnd(text, s)]);
    return out;
  };
  it('cuts the words the regular expression matches, at every edge of its ranges', () => {
    // Each range's first and last character, and the ones just outside it.
    const edges = [0x2f, 0x30, 0x39, 0x3a, 0x40, 0x41, 0x5a, 0x5b, 0x60, 0x61, 0x7a, 0x7b, 0xa9, 0xaa, 0xab, 0xb4, 0xb5, 0xb6, 0xb9, 0xba, 0xbb, 0xbf, 0xc0, 0xd6, 0xd7, 0xd8, 0xf6, 0xf7, 0xf8, 0x24f, 0x250, 0x2ff, 0x300, 0x36f, 0x370, 0x3ff, 0x400, 0x52f, 0x530, 0x1dff, 0x1e00, 0x1fff, 0x2000, 0x303f, 0x3040, 0x9fff, 0xa000, 0xabff, 0xac00, 0xd7af, 0xd7b0, 0xd83d, 0xde00, 0xffff];
    const fc_ = fc.array(fc.oneof(fc.constantFrom(...edges.map((c) => String.fromCharCode(c)), ' ', 'é', 'e\u0301', '😀'), fc.string({ maxLength: 3 })), { maxLength: 30 });
    fc.assert(fc.property(fc_, fc.nat(5), (parts, from) => {
      const text = parts.join('');
      const start = Math.min(from, text.length);
      WORD.lastIndex = start;
      const expected = [...text.matchAll(WORD)].filter((m) => m.index >= start).map((m) => [m.index, m.index + m[0].length]);
      assert.deepEqual(spans(text, start), expected);
    }), { numRuns: 3000 });
  });
});
