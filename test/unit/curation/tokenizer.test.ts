import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { countO200k, PIECE, pieces } from '../../../server/src/core/curation/tokenizer';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');
const seedText = readFileSync(join(SAMPLES, '003_2fb0a89cc24e84ab.txt'), 'utf8') + readFileSync(join(SAMPLES, '000_06819fdf042cc0f1.txt'), 'utf8');

describe('o200k count in pieces', () => {
  it('the pieces put back together are the text, none longer than the limit', () => {
    const texts = [seedText.repeat(8), 'x'.repeat(3 * PIECE + 7), '😀'.repeat(PIECE), `${'a'.repeat(PIECE - 1)}😀${'b'.repeat(PIECE)}`];
    for (const text of texts) {
      const p = pieces(text);
      assert.equal(p.join(''), text);
      assert.ok(p.every((x) => x.length <= PIECE));
      // No piece starts with the second half of a surrogate pair.
      assert.ok(p.every((x) => !/^[\udc00-\udfff]/.test(x)));
    }
  });

  it('on text with spaces the count is exactly the whole text’s', () => {
    assert.equal(countO200k(seedText.repeat(8)), countTokens(seedText.repeat(8)));
    const word = fc.constantFrom('le', 'projet', 'Stargate', "d'OpenAI", '500', 'milliards', '$', '—', '\n', '  ', 'été', '😀', 'https://t.co/x', '.\n', ':\n\n', '\t', ' ', "'s", '1 000', ',');
    const glue = fc.constantFrom(' ', '', '\n', '.\n', '\t');
    fc.assert(fc.property(fc.array(fc.tuple(word, glue), { minLength: 200, maxLength: 3000 }), (ws) => {
      const text = ws.map(([w, g]) => w + g).join('');
      assert.equal(countO200k(text), countTokens(text));
    }), { numRuns: 15, seed: 20250122 });
  });

  it('an edit changes only the pieces around it', () => {
    const text = seedText.repeat(4);
    const at = Math.floor(text.length / 2);
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const before = new Set(pieces(text));
    const changed = pieces(edited).filter((p) => !before.has(p));
    assert.ok(changed.length <= 3, `${changed.length} pieces changed of ${before.size}`);
    assert.ok(changed.join('').length < 1000);
    assert.equal(countO200k(edited), countTokens(edited));
  });

  it('a 200 000-character line without a space is counted in pieces, close to the whole count', () => {
    const text = 'abcdefghij'.repeat(2_000);
    const whole = countTokens(text); // 20 000 characters: still fine in one go
    const mine = countO200k(text);
    assert.ok(Math.abs(mine - whole) <= 2 * (pieces(text).length - 1), `${mine} vs ${whole}`);
    assert.ok(countO200k('x'.repeat(200_000)) > 0);
  });
});
