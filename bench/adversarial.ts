// `npm run bench:adversarial`: one 200 000-character hostile file at a time (long runs of one
// character, of spaces, of figures, of tiny lines…) through every rule and through the whole
// corpus (entities, figures, search, duplicates). Reports milliseconds and the ratio to decoding
// and splitting the same bytes in the same process; the slowest rule is named. Not a test.
import { Corpus } from '../server/src/core';
import { decodeChunkBytes, splitLines } from '../server/src/core/text';
import { parseChunk } from '../server/src/core/parse';
import { deriveHeader } from '../server/src/core/producer';
import { readHeaderValues } from '../server/src/core/header-values';
import { RULES } from '../server/src/core/rules';
import { DEFAULT_CONFIG } from '../server/src/core/config';
import type { Workspace } from '../server/src/core';

const N = 200_000;
const HEADER = '=== MÉTADONNÉES CHUNK ===\n';
export const HOSTILE: [string, string][] = [
  ['one long message', `22/01/2025, 18:43 - Rochane: ${'du texte '.repeat(N / 9)}`],
  ['one letter', 'x'.repeat(N)],
  ['`==` then spaces', `== ${' '.repeat(N)}x`],
  ['a header line of `=` and spaces', `${HEADER}${'='.repeat(N / 2)}${' '.repeat(N / 2)}x`],
  ['Période with spaces', `${HEADER}Période: 22/01/2025${' '.repeat(N)}x`],
  ['Participants of commas', `${HEADER}Participants: ${','.repeat(N)}`],
  ['a dash, spaces, a tweet signature', `x — ${' '.repeat(N)}(@a) January 1, 2025 y`],
  ['digits', '0'.repeat(N)],
  ['`@`', '@'.repeat(N)],
  ['phone-like groups', '06 '.repeat(N / 3)],
  ['figures in one sentence', '5 milliards '.repeat(N / 12)],
  ['thousands separators', '1 000 '.repeat(N / 6)],
  ['one-letter lines', 'a\n'.repeat(N / 2)],
  ['one-word bullets', '• a\n'.repeat(N / 4)],
  ['language names', 'English\n'.repeat(N / 8)],
  ['zero-width spaces', '\u200b'.repeat(N)],
  ['`hashtag#`', 'hashtag#'.repeat(N / 8)],
  ['mojibake', 'Ã©'.repeat(N / 2)],
  ['capitalised words', 'Le Grand '.repeat(N / 9)],
  ['mentions', '@33 '.repeat(N / 4)],
  ['e-mail-like', 'a@b.'.repeat(N / 4)],
];

class One implements Workspace {
  constructor(private readonly files: Record<string, Uint8Array>) {}
  async readFile(id: string): Promise<Uint8Array> {
    const b = this.files[id];
    if (!b) throw new Error(`ENOENT ${id}`);
    return b;
  }
  async listFiles(): Promise<string[]> {
    return Object.keys(this.files);
  }
}

async function main(): Promise<void> {
  const rows = [];
  for (const [name, text] of HOSTILE) {
    const bytes = new TextEncoder().encode(text);
    let t = performance.now();
    const decoded = decodeChunkBytes(bytes);
    splitLines(decoded.ok ? decoded.text : '');
    const baseline = performance.now() - t;
    const chunk = parseChunk('file:///c/hostile.chunk.txt', text);
    const ctx = { chunk, derived: deriveHeader(chunk), values: readHeaderValues(chunk), config: DEFAULT_CONFIG };
    let slowest = { code: '', ms: 0 };
    for (const r of RULES) {
      t = performance.now();
      r.check(ctx);
      const ms = performance.now() - t;
      if (ms > slowest.ms) slowest = { code: r.code, ms };
    }
    t = performance.now();
    const corpus = new Corpus(new One({ 'file:///c/hostile.chunk.txt': bytes }), { roots: ['file:///c'] });
    await corpus.scan();
    corpus.findingCount();
    corpus.search.search(text.slice(0, 40));
    corpus.search.related('file:///c/hostile.chunk.txt');
    const whole = performance.now() - t;
    rows.push({ input: name, wholeMs: Math.round(whole), ratio: Math.round(whole / Math.max(baseline, 0.01)), slowestRule: slowest.code, slowestRuleMs: Math.round(slowest.ms) });
  }
  console.log(JSON.stringify({ node: process.version, characters: N, baseline: 'decode + split of the same bytes', rows }, null, 2));
}

void main();
