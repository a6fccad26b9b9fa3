// The cheap first tests in front of the curation rules' costly ones must never change an answer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { anyOf, classifyLine } from '../../../server/src/core/curation/boilerplate';
import { findMojibake, MOJIBAKE, repairMojibake } from '../../../server/src/core/curation/mojibake';
import { LANGUAGES } from '../../../server/src/core/data/boilerplate';
import { decodeChunkBytes, firstInvalidUtf8 } from '../../../server/src/core/text';

const PATTERNS = LANGUAGES.flatMap((l) => [...l.lines, ...l.phrases].map((p) => p.pattern));
// Lines close to the patterns: their words, bits of them, and prose around them.
const PIECES = ['Partager', 'partagez', "l'article", ' sur ', 'LinkedIn', 'commentaires', '12 ', '0/400', ' / ', 'Voir ', "l’original", 'lire la suite',
  'chargement', '…', 'Scannez pour télécharger', "l'app", 'Share this article', 'on X', ':', 'Loading', 'read more', 'We may earn a commission',
  'contains affiliate links', 'ne fournit aucun conseil financier', 'Création du résumé en cours', 'Le projet ', 'est annoncé. ', 'É', 'é', ' ', '  '];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((xs) => xs.join(''));

describe('curation fast paths', () => {
  it('one alternation of the boilerplate patterns matches exactly when one of them does', () => {
    const any = anyOf(PATTERNS);
    let hits = 0;
    fc.assert(fc.property(fc.oneof(line, fc.string()), (s) => {
      const expected = PATTERNS.some((p) => p.test(s));
      if (expected) hits++;
      assert.equal(any(s), expected, JSON.stringify(s));
    }), { numRuns: 20_000, seed: 20251202 });
    assert.ok(hits > 1000, `${hits} lines matched`);
    // And the kind is still the first pattern's, in data order.
    assert.equal(classifyLine('Partager sur LinkedIn'), 'share');
    assert.equal(classifyLine('• Création du résumé en cours…'), 'placeholder');
  });

  it('finds the same mojibake as the pattern alone', () => {
    const piece = fc.constantFrom('Ã©', 'Ã', 'â€™', 'â€', 'Â', 'Â ', 'é', 'ô', 'Ã´', 'ð\u009f', 'ðŸ˜€', 'a', ' ', '’', '\u0080', 'Ã\u00A0');
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }).map((xs) => xs.join('')), (s) => {
      const expected = [...s.matchAll(MOJIBAKE)].flatMap((m) => {
        const repaired = repairMojibake(m[0]);
        return repaired === undefined ? [] : [{ start: m.index, end: m.index + m[0].length, text: m[0], repaired }];
      });
      assert.deepEqual(findMojibake(s), expected, JSON.stringify(s));
    }), { numRuns: 10_000, seed: 20251202 });
  });

  it('reads bytes as UTF-8 exactly when the byte scan finds no bad sequence', () => {
    const bytes = fc.array(fc.oneof(fc.integer({ min: 1, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xc3, 0xa9, 0xe2, 0x80, 0x99, 0xed, 0xa0, 0xf0, 0x9f, 0xf4, 0x90, 0xc0, 0xc1)), { maxLength: 12 })
      .map((xs) => Uint8Array.from(xs));
    let valid = 0;
    fc.assert(fc.property(bytes, (b) => {
      const r = decodeChunkBytes(b);
      const bad = firstInvalidUtf8(b);
      if (bad < 0) valid++;
      assert.equal(r.ok, bad < 0);
      if (r.ok) assert.equal(r.text, new TextDecoder('utf-8', { ignoreBOM: true }).decode(b));
      else assert.match(r.message, new RegExp(`offset ${bad},`));
    }), { numRuns: 20_000, seed: 20251202 });
    assert.ok(valid > 2000, `${valid} valid inputs`);
  });
});
