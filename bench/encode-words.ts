// Profiling aid: a worker's term table numbering every chunk's words, µs a chunk (best of rounds).
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { parseChunk } from '../server/src/core/parse';
import { contentText } from '../server/src/core/search';
import { foldAndCutWords } from '../server/src/core/search/tokenize';
import { LocalTermTable } from '../server/src/core/search/term-table';
import { decodeChunkBytes } from '../server/src/core/text';
import { generateCorpus } from './generate';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 20000);
  const rounds = Number(process.argv[3] ?? 5);
  const g = generateCorpus({ count, seed: 1, lines: 22 });
  try {
    const texts = g.files.map((f) => { const d = decodeChunkBytes(new Uint8Array(readFileSync(f)), 8 << 20); return contentText(parseChunk(f, d.ok ? d.text : '')); });
    let cutBest = Infinity;
    let encBest = Infinity;
    const table = new LocalTermTable();
    for (const t of texts) table.encodeWords(t);
    for (let r = 0; r < rounds; r++) {
      let t0 = performance.now();
      for (const t of texts) foldAndCutWords(t);
      cutBest = Math.min(cutBest, performance.now() - t0);
      t0 = performance.now();
      for (const t of texts) table.encodeWords(t);
      encBest = Math.min(encBest, performance.now() - t0);
    }
    console.log(JSON.stringify({ cut: Math.round((cutBest * 10000) / texts.length) / 10, encodeWords: Math.round((encBest * 10000) / texts.length) / 10 }));
  } finally {
    await rm(g.dir, { recursive: true, force: true });
  }
}
void main();
