// Profiling aid: a worker's whole job (`prepareBytes`, step by step) over every chunk in one
// thread, with a fresh worker state each round: CPU µs a chunk, and the record's and the
// digest's wall µs a chunk, best round. Steadier than the pool's figures on a busy machine,
// only the workers' side, and each stage with the caches as the others leave them.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { EntityRecognizer } from '../server/src/core/entities/recognizer';
import { analyzeBytes } from '../server/src/core/analyze';
import { buildRecord } from '../server/src/core/corpus-index';
import { fingerprint } from '../server/src/core/fingerprint';
import { packFindings } from '../server/src/core/packed-findings';
import { searchDigest } from '../server/src/core/search';
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
    const parts = { record: Infinity, digest: Infinity };
    for (let r = 0; r < rounds; r++) {
      const recognizer = new EntityRecognizer([]);
      const terms = new LocalTermTable();
      const strings = new LocalStrings();
      const c0 = process.cpuUsage();
      let record = 0;
      let digest = 0;
      // prepareBytes's steps, the record and the digest timed apart.
      for (let i = 0; i < bytes.length; i++) {
        const analysis = analyzeBytes(g.files[i]!, bytes[i]!, { tokenizerCount: false });
        packFindings(analysis.findings);
        const chunk = analysis.chunk;
        if (!chunk) continue;
        let t = performance.now();
        buildRecord(g.files[i]!, chunk, recognizer, strings);
        record += performance.now() - t;
        fingerprint(bytes[i]!);
        t = performance.now();
        searchDigest(chunk, terms);
        digest += performance.now() - t;
        strings.take();
      }
      const c = process.cpuUsage(c0);
      parts.record = Math.min(parts.record, Math.round((record * 10000) / bytes.length) / 10);
      parts.digest = Math.min(parts.digest, Math.round((digest * 10000) / bytes.length) / 10);
      all.push(Math.round((c.user + c.system) / bytes.length * 10) / 10);
    }
    console.log(JSON.stringify({ cpuUsPerChunk: Math.min(...all), ...parts, rounds: all }));
  } finally {
    await rm(g.dir, { recursive: true, force: true });
  }
}
void main();
