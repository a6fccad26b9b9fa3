// The index keeps each message compactly (ranges as numbers): what it gives back must be what
// the parsed chunk says.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseChunk } from '../../../server/src/core';
import { CorpusIndex } from '../../../server/src/core/corpus-index';

const SAMPLES = resolve(__dirname, '..', '..', '..', 'samples');
const pad = (n: number) => String(n).padStart(2, '0');

describe('index records', () => {
  it('give back every message with its day, time, sender and ranges as parsed', () => {
    const index = new CorpusIndex();
    let messages = 0;
    const texts = readdirSync(SAMPLES).filter((x) => x.endsWith('.txt')).map((f) => [f, readFileSync(join(SAMPLES, f), 'utf8')] as const);
    // Both export forms, and a system line (no sender).
    texts.push(['system.txt', '22/01/2025, 18:43 - Rochane: Bonjour\n22/01/2025, 18:44 - Les messages et les appels sont chiffrés de bout en bout.\n[22/01/2025 18:45:12] Nadia: oui\n']);
    let systemLines = 0;
    for (const [f, text] of texts) {
      const id = `file:///corpus/${f}`;
      const chunk = parseChunk(id, text);
      systemLines += chunk.messages.filter((m) => m.sender === undefined).length;
      index.apply(id, chunk);
      const got = index.record(id)!.messages.map((m) => ({ line: m.line, day: m.day, time: m.time, sender: m.sender, senderRange: m.senderRange, dateRange: m.dateRange }));
      const expected = chunk.messages.map((m) => ({ line: m.line, day: `${m.date.year}-${pad(m.date.month)}-${pad(m.date.day)}`, time: m.time, sender: m.sender, senderRange: m.senderRange, dateRange: m.dateRange }));
      assert.deepEqual(got, expected, f);
      messages += got.length;
    }
    assert.ok(messages >= 7 && systemLines >= 1, `${messages} messages, ${systemLines} system lines`);
  });
});
