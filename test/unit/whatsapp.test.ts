// The WhatsApp export line forms the analysis must read (FORMAT.md), one row each: what is a
// dated message, its date, 24-hour time, sender and text; and what is not a message at all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveHeader, formatPeriod, parseChunk, parseDatedLine } from '../../server/src/core';
import { isValidDate } from '../../server/src/core/whatsapp';

type Row = [name: string, line: string, expected: { date: string; time: string; sender?: string; text: string; form?: 'android' | 'ios'; written?: string } | undefined];

const NNBSP = '\u202F';
const NBSP = '\u00A0';
const LRM = '\u200E';

const table: Row[] = [
  ['Android', '22/01/2025, 18:43 - Rochane: Merci à @33639980003  pour le partage:', { date: '22/01/2025', time: '18:43', sender: 'Rochane', text: 'Merci à @33639980003  pour le partage:', form: 'android' }],
  ['Android, a phone number as sender', '22/01/2025, 14:26 - +33 6 39 98 00 01: Pour ceux qui ne sont pas encore au courant', { date: '22/01/2025', time: '14:26', sender: '+33 6 39 98 00 01', text: 'Pour ceux qui ne sont pas encore au courant' }],
  ['iOS', '[22/01/2025, 18:43:05] Rochane: Merci', { date: '22/01/2025', time: '18:43:05', sender: 'Rochane', text: 'Merci', form: 'ios' }],
  ['iOS, leading U+200E', `${LRM}[22/01/2025, 18:43:05] Rochane: <Médias omis>`, { date: '22/01/2025', time: '18:43:05', sender: 'Rochane', text: '<Médias omis>', form: 'ios', written: '22/01/2025' }],
  ['Android, leading U+200E', `${LRM}22/01/2025, 18:43 - Rochane: Ce message a été supprimé`, { date: '22/01/2025', time: '18:43', sender: 'Rochane', text: 'Ce message a été supprimé', form: 'android', written: '22/01/2025' }],
  ['12-hour PM, narrow no-break space', `22/01/2025, 6:43${NNBSP}PM - Rochane: Salut`, { date: '22/01/2025', time: '18:43', sender: 'Rochane', text: 'Salut' }],
  ['12-hour, no-break spaces everywhere', `22/01/2025,${NBSP}6:43${NBSP}pm${NBSP}-${NBSP}Rochane: Salut`, { date: '22/01/2025', time: '18:43', sender: 'Rochane', text: 'Salut' }],
  ['12-hour iOS, a.m. with dots', '[22/01/2025, 12:15:00 a.m.] Rochane: tard', { date: '22/01/2025', time: '00:15:00', sender: 'Rochane', text: 'tard', form: 'ios' }],
  ['12 PM is noon', '22/01/2025, 12:05 PM - Rochane: midi', { date: '22/01/2025', time: '12:05', sender: 'Rochane', text: 'midi' }],
  ['two-digit year', '22/01/25, 18:43 - Rochane: ok', { date: '22/01/2025', time: '18:43', sender: 'Rochane', text: 'ok', written: '22/01/25' }],
  ['`.` separators', '22.01.2025, 18:43 - Rochane: ok', { date: '22/01/2025', time: '18:43', sender: 'Rochane', text: 'ok', written: '22.01.2025' }],
  ['`.` separators, two-digit year, no comma', '22.01.25 18:43 - Rochane: ok', { date: '22/01/2025', time: '18:43', sender: 'Rochane', text: 'ok' }],
  ['single-digit day and month', '3/4/2025, 9:05 - Rochane: ok', { date: '03/04/2025', time: '09:05', sender: 'Rochane', text: 'ok' }],
  ['29 February of a leap year', '29/02/2024, 18:43 - Rochane: ok', { date: '29/02/2024', time: '18:43', sender: 'Rochane', text: 'ok' }],
  ['a text holding ": " after the sender', '22/01/2025, 18:43 - Rochane: Note: à lire: vite', { date: '22/01/2025', time: '18:43', sender: 'Rochane', text: 'Note: à lire: vite' }],
  ['a text holding a URL', '22/01/2025, 18:43 - Rochane: https://t.co/abc', { date: '22/01/2025', time: '18:43', sender: 'Rochane', text: 'https://t.co/abc' }],
  ['system line (no sender)', '22/01/2025, 14:00 - Rochane a créé le groupe « Veille IA »', { date: '22/01/2025', time: '14:00', text: 'Rochane a créé le groupe « Veille IA »' }],
  ['system line, encryption notice', '22/01/2025, 14:00 - Les messages et les appels sont chiffrés de bout en bout.', { date: '22/01/2025', time: '14:00', text: 'Les messages et les appels sont chiffrés de bout en bout.' }],
  ['system line with a French " : " (not a sender)', '22/01/2025, 14:01 - Rochane a changé le sujet en « IA : veille »', { date: '22/01/2025', time: '14:01', text: 'Rochane a changé le sujet en « IA : veille »' }],
  ['impossible date 31/02/2025', '31/02/2025, 18:43 - Rochane: non', undefined],
  ['29 February of a common year', '29/02/2025, 18:43 - Rochane: non', undefined],
  ['day 00', '00/01/2025, 18:43 - Rochane: non', undefined],
  ['month 13', '22/13/2025, 18:43 - Rochane: non', undefined],
  ['24:00', '22/01/2025, 24:00 - Rochane: non', undefined],
  ['minute 60', '22/01/2025, 18:60 - Rochane: non', undefined],
  ['second 60', '[22/01/2025, 18:43:60] Rochane: non', undefined],
  ['13 PM', '22/01/2025, 13:00 PM - Rochane: non', undefined],
  ['0 AM', '22/01/2025, 0:30 AM - Rochane: non', undefined],
  ['mixed separators', '22/01.2025, 18:43 - Rochane: non', undefined],
  ['month first (US order) with a day over 12', '1/22/25, 6:43 PM - Rochane: non', undefined],
  ['continuation line', 'Découvre http://SuperPodcast.ai, un outil pour créer des podcasts', undefined],
  ['a date in prose', 'le 22/01/2025, 18:43 - pas un message', undefined],
  ['iOS without its closing bracket', '[22/01/2025, 18:43:05 Rochane: non', undefined],
];

describe('WhatsApp export line forms', () => {
  for (const [name, line, expected] of table) {
    it(name, () => {
      const d = parseDatedLine(line);
      if (!expected) return assert.equal(d, undefined, 'not a dated message');
      assert.ok(d, 'a dated message');
      const dd = (n: number) => String(n).padStart(2, '0');
      assert.equal(`${dd(d.date.day)}/${dd(d.date.month)}/${d.date.year}`, expected.date);
      assert.equal(d.time, expected.time);
      assert.equal(d.sender, expected.sender);
      assert.equal(line.slice(d.textStart), expected.text);
      if (expected.form) assert.equal(d.form, expected.form);
      if (expected.written) assert.equal(line.slice(d.dateStart, d.dateEnd), expected.written);
      if (d.sender !== undefined) assert.equal(line.slice(d.senderStart, d.senderStart! + d.sender.length), d.sender);
    });
  }
});

describe('WhatsApp lines in a chunk', () => {
  const text = [
    '=== MÉTADONNÉES CHUNK ===',
    'Période: null → null',
    'Participants: ',
    'Topics: ',
    'Tokens: 0',
    'Messages: 0',
    '',
    '=== CONTENU ===',
    '3️⃣Or la bataille de l’IA se joue d\'abord sur le plan hashtag#industriel.',
    '22/01/2025, 14:00 - Les messages et les appels sont chiffrés de bout en bout.',
    '22/01/2025, 18:43 - Rochane: Merci à @33639980003  pour le partage:',
    'Découvre http://SuperPodcast.ai, un outil',
    '',
    `[23/01/2025, 9:10:00${NNBSP}AM] +33 6 39 98 00 02: ça c'est le message publicitaire`,
    '24.01.25, 21:05 - Rochane: 500 milliards de $',
  ].join('\n');
  const chunk = parseChunk('x', text);

  it('classifies each content line: continuation, system, message, blank', () => {
    assert.deepEqual(chunk.contentLines.map((l) => l.kind), ['continuation', 'system', 'message', 'continuation', 'blank', 'message', 'message']);
  });

  it('gives a message its continuation lines (not a trailing blank), and a leading continuation to nobody', () => {
    assert.deepEqual(chunk.messages.map((m) => [m.line, m.endLine]), [[9, 9], [10, 11], [13, 13], [14, 14]]);
  });

  it('derives the producer’s header whatever the forms mixed in the chunk', () => {
    const d = deriveHeader(chunk);
    assert.equal(formatPeriod(d.period), '22/01/2025 → 24/01/2025');
    assert.deepEqual(d.participants, ['Rochane', '+33 6 39 98 00 02']);
    assert.equal(d.whatsappMessages, 3);
    assert.equal(d.messages, 6);
  });
});

describe('calendar dates', () => {
  it('are valid exactly when the calendar has that day', () => {
    const inCalendar = (year: number, month: number, day: number) => {
      if (!Number.isInteger(month) || month < 1 || month > 12 || day < 1) return false;
      const last = new Date(0);
      last.setUTCFullYear(year, month, 0);
      return day <= last.getUTCDate();
    };
    let valid = 0;
    for (const year of [1900, 1996, 2000, 2023, 2024, 2025, 2100, 2400, 99, 0]) {
      for (let month = -1; month <= 14; month++) {
        for (let day = -1; day <= 33; day++) {
          const expected = inCalendar(year, month, day);
          if (expected) valid++;
          assert.equal(isValidDate({ year, month, day }), expected, `${day}/${month}/${year}`);
        }
      }
    }
    // Ten years, five of them leap years (1996, 2000, 2024, 2400 and 0).
    assert.equal(valid, 10 * 365 + 5);
    for (const month of [NaN, 1.5, 2.5]) assert.equal(isValidDate({ year: 2024, month, day: 1 }), false);
  });
});
