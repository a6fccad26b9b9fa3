import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDatedLine } from '../../server/src/core';

describe('WhatsApp export line forms', () => {
  const table: [string, string, { date: string; time: string; sender?: string; text: string } | undefined][] = [
    ['Android', '22/01/2025, 18:43 - Rochane: Merci', { date: '22/1/2025', time: '18:43', sender: 'Rochane', text: 'Merci' }],
    ['Android, phone sender', '22/01/2025, 14:26 - +33 6 39 98 00 01: Pour ceux', { date: '22/1/2025', time: '14:26', sender: '+33 6 39 98 00 01', text: 'Pour ceux' }],
    ['iOS', '[22/01/2025, 18:43:05] Rochane: Merci', { date: '22/1/2025', time: '18:43:05', sender: 'Rochane', text: 'Merci' }],
    ['iOS with U+200E', '\u200E[22/01/2025, 18:43:05] Rochane: <Médias omis>', { date: '22/1/2025', time: '18:43:05', sender: 'Rochane', text: '<Médias omis>' }],
    ['12-hour PM, narrow no-break space', '3/4/25, 9:05\u202FPM - Bob: hi', { date: '3/4/2025', time: '21:05', sender: 'Bob', text: 'hi' }],
    ['12-hour AM with dots', '[03/04/2025, 12:15:00 a.m.] Bob: late', { date: '3/4/2025', time: '00:15:00', sender: 'Bob', text: 'late' }],
    ['dot separators', '22.01.2025, 18:43 - Alice: ok', { date: '22/1/2025', time: '18:43', sender: 'Alice', text: 'ok' }],
    ['text holding ": "', '22/01/2025, 18:43 - Rochane: Note: à lire', { date: '22/1/2025', time: '18:43', sender: 'Rochane', text: 'Note: à lire' }],
    ['system line', '22/01/2025, 14:00 - Rochane a créé le groupe « IA »', { date: '22/1/2025', time: '14:00', text: 'Rochane a créé le groupe « IA »' }],
    ['impossible date', '31/02/2025, 18:43 - Rochane: non', undefined],
    ['hour 24', '22/01/2025, 24:00 - Rochane: non', undefined],
    ['13 PM', '22/01/2025, 13:00 PM - Rochane: non', undefined],
    ['mixed separators', '22/01.2025, 18:43 - Rochane: non', undefined],
    ['continuation line', 'Découvre http://SuperPodcast.ai, un outil', undefined],
    ['a date in prose', 'le 22/01/2025, 18:43 - pas un message', undefined],
  ];
  for (const [name, line, expected] of table) {
    it(name, () => {
      const d = parseDatedLine(line);
      if (!expected) return assert.equal(d, undefined);
      assert.ok(d, line);
      assert.equal(`${d.date.day}/${d.date.month}/${d.date.year}`, expected.date);
      assert.equal(d.time, expected.time);
      assert.equal(d.sender, expected.sender);
      assert.equal(line.slice(d.textStart), expected.text);
    });
  }
});
