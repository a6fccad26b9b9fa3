// Profiling aid (not a benchmark): where one chunk's analysis goes, stage by stage, in one
// thread, on the code as esbuild bundles it (`npm run bench:stages -- 3000`): µs a chunk.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { analyzeText } from '../server/src/core/analyze';
import { buildRecord } from '../server/src/core/corpus-index';
import { EntityRecognizer } from '../server/src/core/entities/recognizer';
import { extractEntities } from '../server/src/core/entities/extract';
import { extractFigures } from '../server/src/core/figures/extract';
import { fingerprint } from '../server/src/core/fingerprint';
import { packFindings } from '../server/src/core/packed-findings';
import { parseChunk } from '../server/src/core/parse';
import { prepareBytes } from '../server/src/core/prepare';
import { RULES } from '../server/src/core/rules';
import { deriveHeader } from '../server/src/core/producer';
import { readHeaderValues } from '../server/src/core/header-values';
import { DEFAULT_CONFIG } from '../server/src/core/config';
import { contentText, searchDigest } from '../server/src/core/search';
import { allWords } from '../server/src/core/search/tokenize';
import { LocalTermTable } from '../server/src/core/search/term-table';
import { LocalStrings } from '../server/src/core/string-table';
import { decodeChunkBytes } from '../server/src/core/text';
import { generateCorpus } from './generate';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 3000);
  const g = generateCorpus({ count, seed: 1, lines: 22 });
  try {
    const bytes = g.files.map((f) => new Uint8Array(readFileSync(f)));
    const opts = { tokenizerCount: false };
    const stages: Record<string, number> = {};
    const time = (name: string, f: () => unknown) => {
      const t = performance.now();
      f();
      stages[name] = (stages[name] ?? 0) + performance.now() - t;
    };
    for (let round = 0; round < 2; round++) {
      for (const k of Object.keys(stages)) stages[k] = 0;
      const recognizer = new EntityRecognizer([]);
      const terms = new LocalTermTable();
      const strings = new LocalStrings();
      const recognizer2 = new EntityRecognizer([]);
      const terms2 = new LocalTermTable();
      const strings2 = new LocalStrings();
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i]!;
        const id = g.files[i]!;
        time('prepare (whole)', () => prepareBytes(id, b, opts, recognizer, terms, strings));
        let text = '';
        time('decode', () => { const d = decodeChunkBytes(b, 8 << 20); text = d.ok ? d.text : ''; });
        let chunk = parseChunk(id, text);
        time('parse', () => { chunk = parseChunk(id, text); });
        const derived = deriveHeader(chunk);
        const values = readHeaderValues(chunk);
        time('derive+values', () => { deriveHeader(chunk); readHeaderValues(chunk); });
        const ctx = { chunk, derived, values, config: DEFAULT_CONFIG, tokenizerCount: false };
        for (const rule of RULES) time(`rule ${rule.code}`, () => [...rule.check(ctx)]);
        const analysis = analyzeText(id, text, opts);
        time('pack findings', () => packFindings(analysis.findings));
        time('entities', () => extractEntities(chunk, recognizer2));
        time('figures', () => extractFigures(chunk));
        time('record (whole)', () => buildRecord(id, chunk, recognizer2, strings2));
        strings2.take();
        time('fingerprint', () => fingerprint(b));
        time('allWords', () => allWords(contentText(chunk)));
        time('digest (whole)', () => searchDigest(chunk, terms2));
      }
    }
    const per = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round((v * 1000) / bytes.length)]));
    console.log(JSON.stringify({ chunks: bytes.length, kB: Math.round(g.bytes / bytes.length / 100) / 10, usPerChunk: per }, null, 1));
  } finally {
    await rm(g.dir, { recursive: true, force: true });
  }
}
void main();
