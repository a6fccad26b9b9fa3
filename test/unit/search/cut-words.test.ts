import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hashString } from '../../../server/src/core/search/hash';
import { LocalTermTable } from '../../../server/src/core/search/term-table';
import { allWords, charClass, MAX_WORD } from '../../../server/src/core/search/tokenize';

// The expression `cutWords` replaces, and `allWords` as it was written with it: the reference.
const WORD = /[a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f\u0370-\u1fff\u2c00-\u2dff\u3040-\ud7ff\uf900-\ufaff]/;
const AFTER_APOSTROPHE = /[a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f\u0370-\u1fff]/;
const FAST_WORD = /[a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f\u0370-\u1fff\u2c00-\u2dff\u3040-\ud7ff\uf900-\ufaff]+(?:['’][a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f\u0370-\u1fff]+)*/g;
const ELISION = /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]/;

function referenceWords(text: string): string[] {
  const out: string[] = [];
  const folded = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  for (const m of folded.match(FAST_WORD) ?? []) {
    let f = m.length > MAX_WORD ? m.slice(0, MAX_WORD) : m;
    const elided = f.includes("'") || f.includes('’');
    if (elided) f = f.replace(ELISION, '');
    if (/[œæ]/.test(f)) f = f.replace(/œ/g, 'oe').replace(/æ/g, 'ae');
    if (f === 'hashtag') continue;
    if (elided && (f.includes("'") || f.includes('’'))) {
      for (const part of f.split(/['’]/)) if (part.length >= 2 || /\d/.test(part)) out.push(part);
    } else if (f.length >= 2 || /\d/.test(f)) out.push(f);
  }
  return out;
}

const pieces = ['États-Unis', 'd’OpenAI', "l'IA", "L'", "qu'", 'jusqu’à', "aujourd'hui", "x'y'z", "l''a", 'hashtag#Stargate', 'hashtag', 'HASHTAG', "l'hashtag", 'Œuvre', 'cœur', 'Cæsar', 'ÉCOLE', 'garçon', 'cafe\u0301', 'İstanbul', 'Ñandú', 'Москва', 'Ελλάδα', 'ΣΟΦΟΣ', ' 한국어 ', 'ひらがな', '漢字', 'ß', 'µs', '500', '7 000', '~10GW', 'a1', '1', 'x', 'y', '💲🥵', '\ud83d', ' ', '\n', ', ', '—', '(', "'", '’', 'ﬁn', 'a'.repeat(63), 'b'.repeat(64), 'c'.repeat(65), "l'" + 'e'.repeat(70), 'é'.repeat(66) + "'ab", 'œ'.repeat(70), 'de', 'la', 'the'];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
const hostile = ['z'.repeat(200_000), `${'ab '.repeat(30_000)}`, `${'y'.repeat(70)} `.repeat(500), `${"l'".repeat(40)}x`, '😀'.repeat(500) + 'abc😀def', ''];

describe('cutting words by a table of characters', () => {
  it('has the classes of the expression, for every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      assert.equal((charClass(c) & 1) !== 0, WORD.test(ch), `word ${c.toString(16)}`);
      assert.equal((charClass(c) & 2) !== 0, AFTER_APOSTROPHE.test(ch), `after an apostrophe ${c.toString(16)}`);
      assert.equal((charClass(c) & 4) !== 0, ch === "'" || ch === '’', `apostrophe ${c.toString(16)}`);
    }
  });

  it('gives the words the expression gave, on any text and on hostile ones', () => {
    fc.assert(fc.property(texts, (t) => assert.deepEqual(allWords(t), referenceWords(t))), { numRuns: 3000 });
    for (const t of hostile) assert.deepEqual(allWords(t), referenceWords(t));
  });

  it('numbers a text as encodeWords numbers its words, with the same hashes', () => {
    const byText = new LocalTermTable();
    const byWords = new LocalTermTable();
    let documents = 0;
    const check = (t: string) => {
      const words = referenceWords(t);
      const hashes = new Uint32Array(words.length);
      const expected = byWords.encodeWords(words, hashes);
      assert.deepEqual(byText.encodeWords(t), expected);
      assert.deepEqual([...byText.wordHashes], words.map(hashString));
      documents++;
    };
    fc.assert(fc.property(texts, check), { numRuns: 3000 });
    // Enough distinct words that the table grows while it numbers them.
    for (let d = 0; d < 30; d++) check(Array.from({ length: 400 }, (_, i) => `mot${d}x${i} ${i % 7 === 0 ? 'de ' : ''}Mot${i}`).join(' '));
    for (const t of hostile) check(t);
    assert.ok(documents > 3000);
  });

  it('folds each character as foldText folds the whole text, whatever the character and its neighbours', () => {
    const byText = new LocalTermTable();
    const byWords = new LocalTermTable();
    const check = (ch: string) => {
      // The character inside words, alone, after an apostrophe, after a capital and doubled.
      const t = `É${ch}x l’${ch}a ${ch} Ab${ch}${ch}Σ ${ch}é'${ch}b ${ch}`;
      const words = referenceWords(t);
      assert.deepEqual(byText.encodeWords(t), byWords.encodeWords(words), t);
      assert.deepEqual([...byText.wordHashes], words.map(hashString), t);
      const plain = `É${ch}x l’${ch}a ${ch} Ab${ch}${ch} ${ch}é'${ch}b ${ch}`;
      const plainWords = referenceWords(plain);
      assert.deepEqual(byText.encodeWords(plain), byWords.encodeWords(plainWords), plain);
      // Beside combining marks that NFD puts in their order (of classes 7, 10, 21, 230).
      const marks = `a${ch}\u093c a\u093c${ch} a${ch}\u05b0 a\u05bc${ch} a${ch}\u0591`;
      assert.deepEqual(byText.encodeWords(marks), byWords.encodeWords(referenceWords(marks)), marks);
    };
    for (let c = 0; c < 0x10000; c++) check(String.fromCharCode(c));
    // Characters beyond the BMP: surrogate pairs, from every high surrogate.
    for (let high = 0xd800; high < 0xdc00; high++) for (const low of [0xdc00, 0xdc28, 0xdd65, 0xde00, 0xdfff]) check(String.fromCharCode(high, low));
  });
});
