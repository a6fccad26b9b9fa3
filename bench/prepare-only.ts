// Profiling aid: a worker's whole job (`prepareBytes`, as the workers call it) over every chunk
// in one thread, with a fresh worker state each round: CPU µs a chunk, best round. Steadier than
// the pool's figures on a busy machine, and each stage with the caches as the others leave them
// (`bench/stages.ts` times the stages apart).
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { EntityRecognizer } from '../server/src/core/entities/recognizer';
import { prepareBytes } from '../server/src/core/prepare';
import { LocalTermTable } from '../server/src/core/search/term-table';
import { LocalStrings } from '../server/src/core/string-table';
import { generateCorpus } from './generate';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10000);
  const rounds = Number(process.argv[3] ?? 3);
  const g = generateCorpus({ count, seed: 1, lines: 22 });
  try {
    const bytes = g.files.map((f) => new Uint8Array(readFileSync(f)));
    const all: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const recognizer = new EntityRecognizer([]);
      const terms = new LocalTermTable();
      const strings = new LocalStrings();
      const c0 = process.cpuUsage();
      for (let i = 0; i < bytes.length; i++) prepareBytes(g.files[i]!, bytes[i]!, { tokenizerCount: false }, recognizer, terms, strings);
      const c = process.cpuUsage(c0);
      all.push(Math.round(((c.user + c.system) / bytes.length) * 10) / 10);
    }
    console.log(JSON.stringify({ cpuUsPerChunk: Math.min(...all), rounds: all }));
  } finally {
    await rm(g.dir, { recursive: true, force: true });
  }
}
void main();
