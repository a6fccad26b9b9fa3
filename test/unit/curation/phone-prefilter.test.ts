// The cheap test that decides whether libphonenumber runs on a line must never hide a number
// libphonenumber would have found.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { mayHoldPhone } from '../../../server/src/core/curation/pii';

const SEPARATORS = ['', ' ', ' ', '  ', '.', '-', ' - ', '/', '–', '(', ')', '(0)', '\u00a0', '\u202f', '~', ',', ': '];
const OTHERS = ['+', '+33', '+683', 'x', 'ext', 'a', 'Tél', '#', '@', '22/01/2025, 14:26 - ', '[22/01/2025, 14:26:05] '];
// Mostly digit groups and separators, so that a good share of lines hold a number.
const line = fc.array(fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^\d{1,4}$/) },
  { weight: 4, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHERS) },
), { maxLength: 14 }).map((xs) => xs.join(''));
const found = (s: string) => findPhoneNumbersInText(s, { defaultCountry: 'FR' }).length > 0;

describe('phone number pre-filter', () => {
  it('lets through every line where libphonenumber finds a number', () => {
    let numbers = 0;
    fc.assert(fc.property(line, (s) => {
      if (!found(s)) return;
      numbers++;
      assert.ok(mayHoldPhone(s), JSON.stringify(s));
    }), { numRuns: 20_000, seed: 20250122 });
    // The property means something only if libphonenumber found numbers often enough.
    assert.ok(numbers > 800, `${numbers} lines with a number`);
  });

  it('lets through the writings the fixtures use, and skips a bare timestamp', () => {
    for (const s of ['+33 6 39 98 00 01', '06.39.98.00.02', '+33 (0)6 39 98 00 01', '22/01/2025, 14:26 - +33 6 39 98 00 01: salut', 'Tél : 06 39 98 00 02']) {
      assert.ok(found(s), s);
      assert.ok(mayHoldPhone(s), s);
    }
    assert.equal(mayHoldPhone('22/01/2025, 14:26 - Rochane: à 18:43 on en reparle'), false);
    assert.equal(mayHoldPhone('[22/01/2025, 2:26:05 PM] Rochane: ok'), false);
  });
});
