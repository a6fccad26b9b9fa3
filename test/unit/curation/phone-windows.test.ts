// libphonenumber is asked only about the parts of a line that can hold a number (and a dated
// line from its `+` sender on): what it finds must be exactly what it finds in the whole line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findPhoneNumbersInText, PhoneNumberMatcher } from 'libphonenumber-js';
import { findPhoneNumbers, findPii, mayHoldPhone, PHONE_CHAR, phoneWindows, type PiiMatch } from '../../../server/src/core/curation/pii';
import { parseChunk } from '../../../server/src/core/parse';
import type { Chunk } from '../../../server/src/core/model';

const slow = (s: string) => findPhoneNumbersInText(s, { defaultCountry: 'FR' }).map((p) => [p.startsAt, p.endsAt, p.number.number, p.number.ext]);
const fast = (s: string) => findPhoneNumbers(s).map((p) => [p.startsAt, p.endsAt, p.number.number, p.number.ext]);

const matched = new Map<string, string[]>();

/** Every UTF-16 unit a piece of a regular expression's source can match (its classes and literals). */
function charsOf(source: string, flags: string): Set<string> {
  const out = new Set<string>();
  const add = (re: RegExp) => {
    const key = `${re.source}/${re.flags}`;
    let cs = matched.get(key);
    if (!cs) {
      cs = [];
      for (let c = 0; c < 0x10000; c++) if (re.test(String.fromCharCode(c))) cs.push(String.fromCharCode(c));
      matched.set(key, cs);
    }
    for (const c of cs) out.add(c);
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '[') {
      let j = i + 1;
      while (source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      add(new RegExp(`^${source.slice(i, j + 1)}$`, flags));
      i = j;
    } else if (ch === '\\') {
      add(new RegExp(`^\\${source[i + 1]}$`, flags));
      i++;
    } else if (ch === '{') {
      i = source.indexOf('}', i);
    } else if (ch === '(' && source[i + 1] === '?') {
      i += 2;
    } else if (!'()|?*+'.includes(ch)) {
      add(new RegExp(`^${ch.replace(/[.^$=]/, '\\$&')}$`, flags));
    }
  }
  return out;
}

const SEPARATORS = ['', ' ', ' ', '  ', '.', '-', ' - ', '/', '–', '(', ')', '(0)', '\u00a0', '\u202f', '~', ',', ', ', ': ', ':', ';', '#', 'x', ' ext. ', ' poste ', '\t'];
const WORDS = ['+', '+33', '+43', '+683', '00', 'Tél', 'appelle', 'au', 'sinon', 'et', 'on', 'ok', 'a', 'anexo', 'int', '€', '%', '@', '$', 'é', '😀', '𝟎𝟏', '٠١٢٣', '２３', 'ﾃ', 'https://x.fr/', 'id=', '12:30', ':05', '2012-01-02 08', '+1 2012-01-02 08', '22/01/2025', '22.01.2025'];
const DATED = ['22/01/2025, 14:26 - ', '[22/01/2025, 14:26:05] ', '\u200e22/01/2025 14:26 - ', '22.01.25, 2:26 PM - ', '1/2/25, 9:05\u202fa.m. - ', ''];
const line = fc.tuple(
  fc.constantFrom(...DATED),
  fc.array(fc.oneof(
    { weight: 6, arbitrary: fc.stringMatching(/^\d{1,4}$/) },
    { weight: 4, arbitrary: fc.constantFrom(...SEPARATORS) },
    { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  ), { maxLength: 18 }),
).map(([d, xs]) => d + xs.join(''));

describe('phone number windows', () => {
  it('leave out no character libphonenumber\'s candidate pattern can take in, and count all its digits', () => {
    const pattern = new PhoneNumberMatcher('', { defaultCountry: 'FR', v2: true }) as unknown as { PATTERN: RegExp };
    const flags = pattern.PATTERN.flags.replace('g', '');
    for (const c of charsOf(pattern.PATTERN.source, flags)) assert.ok(PHONE_CHAR.test(c), `U+${c.charCodeAt(0).toString(16)} can be in a number`);
    // The digit classes hold 0 and no dash.
    const digits = [...pattern.PATTERN.source.matchAll(/\[[^\]]*\]/g)].map((m) => m[0]).filter((c) => c.includes('0') && !c.includes('-‐'));
    assert.ok(digits.length >= 2);
    for (const d of digits) for (const c of charsOf(d, flags)) assert.ok(/^\p{Nd}$/u.test(c), `U+${c.charCodeAt(0).toString(16)} is a digit`);
  });

  it('find exactly what libphonenumber finds in the whole line', () => {
    let numbers = 0;
    fc.assert(fc.property(line, (s) => {
      const expected = slow(s);
      numbers += expected.length;
      assert.deepEqual(fast(s), expected, JSON.stringify(s));
    }), { numRuns: 20_000, seed: 20251202 });
    assert.ok(numbers > 500, `${numbers} numbers found`);
  });

  it('are the windows the plain loop makes, a character kind asked of every unit', () => {
    const kind = (c: number) => (/^\p{Nd}$/u.test(String.fromCharCode(c)) ? 3 : PHONE_CHAR.test(String.fromCharCode(c)) ? 2 : 1);
    const plain = (text: string) => {
      const out: number[] = [];
      let runStart = 0;
      let digits = 0;
      for (let i = 0; i <= text.length; i++) {
        const c = i < text.length ? text.charCodeAt(i) : 0;
        let k = i < text.length ? kind(c) : 1;
        if (k === 3) digits++;
        else if (c === 0x3a && i > 0 && kind(text.charCodeAt(i - 1)) === 3) k = 1;
        if (k !== 1) continue;
        if (digits >= 6) {
          const end = Math.min(text.length, c === 0x3a && /^[0-5]\d/.test(text.slice(i + 1, i + 3)) ? i + 3 : i + 1);
          const start = Math.max(0, runStart - 1);
          if (out.length > 0 && start <= out[out.length - 1]!) out[out.length - 1] = end;
          else out.push(start, end);
        }
        digits = 0;
        runStart = i + 1;
      }
      return out;
    };
    const piece = fc.oneof(fc.constantFrom(':', ' :', ': ', ':3', ':30', ':7', ':61', '::', ' ', '\u00a0', '\u202f', '٣', '３', '😀', '\ud83d', 'ext', 'é', '+'), fc.stringMatching(/^\d{1,4}$/));
    let windows = 0;
    fc.assert(fc.property(fc.oneof(line, fc.array(piece, { maxLength: 16 }).map((xs) => xs.join('')), fc.string()), (s) => {
      const expected = plain(s);
      windows += expected.length;
      assert.deepEqual(phoneWindows(s), expected, JSON.stringify(s));
    }), { numRuns: 20_000, seed: 20251205 });
    assert.ok(windows > 10_000, `${windows / 2} windows`);
  });

  it('keep the minutes after a candidate, which make it a time stamp', () => {
    for (const s of ['Appel +1 2012-01-02 08:30 ok', '+1 2012-01-02 08:7', '+1 2012-01-02 08:61', '+1 2012-01-02 08: 30']) assert.deepEqual(fast(s), slow(s), s);
    assert.equal(fast('Appel +1 2012-01-02 08:30 ok').length, 0);
  });

  it('find the shortest valid numbers (six digits with the country code)', () => {
    for (const s of ['+43 1000', 'Tél. +43 1000 ou +33 6 39 98 00 01', 'x +43 1000 y 12:30 z']) assert.deepEqual(fast(s), slow(s));
    assert.equal(fast('Tél. +43 1000').length, 1);
  });
});

// The scan as it was before the windows: every line whole, the pre-filter on each.
function referencePii(chunk: Chunk): Omit<PiiMatch, 'key' | 'pseudonymKind'>[] {
  const out: { kind: string; line: number; a: number; b: number; key: string; asSender: boolean }[] = [];
  const senderAt = new Map(chunk.messages.filter((m) => m.senderRange).map((m) => [m.line, m.senderRange!]));
  const participantsLine = chunk.header?.fields.find((f) => f.name === 'Participants')?.line;
  const lines: { line: number; from: number }[] = [];
  for (const f of chunk.header?.fields ?? []) if (f.name === 'Participants' && f.value) lines.push({ line: f.line, from: f.valueRange.start.character });
  for (let l = chunk.contentStartLine; l < chunk.lines.length; l++) if (chunk.lines[l]!.trim() !== '') lines.push({ line: l, from: 0 });
  for (const { line, from } of lines) {
    const text = chunk.lines[line]!;
    if (!mayHoldPhone(text, from)) continue;
    for (const p of findPhoneNumbersInText(text.slice(from), { defaultCountry: 'FR' })) {
      const a = from + p.startsAt;
      const b = from + p.endsAt;
      if (p.number.ext) continue;
      if (/[\p{L}\p{N}/=_.-]/u.test(text[a - 1] ?? '') || /[\p{L}\p{N}/]/u.test(text[b] ?? '')) continue;
      const sender = senderAt.get(line);
      out.push({ kind: 'TEL', line, a, b, key: p.number.number, asSender: line === participantsLine || (sender !== undefined && a >= sender.start.character && b <= sender.end.character) });
    }
  }
  return out.map((m) => ({ kind: 'TEL' as const, range: { start: { line: m.line, character: m.a }, end: { line: m.line, character: m.b } }, text: chunk.lines[m.line]!.slice(m.a, m.b), asSender: m.asSender, key: m.key })) as never;
}

describe('phone numbers in a chunk', () => {
  const SENDERS = ['+33 6 39 98 00 01', '+33\u00a06 39 98 00 02', '+44 20 7946 0958', '+1 415-555-0132', '＋33 6 39 98 00 03', '06 39 98 00 04', '(06) 39 98 00 05', 'Rochane', '+43 1000'];
  // The last two make continuation lines, which belong to the message before them.
  const FORMS = ['22/01/2025, 14:26 - {s}: ', '[22/01/2025, 14:26:05] {s}: ', '\u200e22/01/2025 14:26 - {s}: ', '22.01.2025, 14:26 - {s}: ', '1/2/25, 2:26\u202fPM - {s}: ', '22/01/2025, 14:26 - ', '', 'suite {s} '];
  const chunk = fc.tuple(
    fc.constantFrom('', '=== MÉTADONNÉES CHUNK ===\nParticipants: +33 6 39 98 00 09, Léa\n\n=== CONTENU ===\n'),
    fc.array(fc.tuple(fc.constantFrom(...FORMS), fc.constantFrom(...SENDERS), line), { minLength: 1, maxLength: 6 }),
  ).map(([h, ls]) => h + ls.map(([f, s, l]) => f.replace('{s}', s) + l).join('\n').replace(/@/g, ''));

  it('are what the whole-line scan finds', () => {
    let numbers = 0;
    fc.assert(fc.property(chunk, (text) => {
      const c = parseChunk('file:///c/x.txt', text);
      const expected = referencePii(c);
      numbers += expected.length;
      const got = findPii(c).filter((m) => m.kind === 'TEL').map(({ kind, range, text, asSender, key }) => ({ kind, range, text, asSender, key }));
      assert.deepEqual(got, expected, JSON.stringify(text));
    }), { numRuns: 3000, seed: 20251203 });
    assert.ok(numbers > 2000, `${numbers} numbers found`);
  });
});
