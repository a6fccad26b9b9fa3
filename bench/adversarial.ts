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
import { HOSTILE_LINES } from '../test/fixtures/hostile-lines';
import { MemoryWorkspace } from '../test/unit/index/memory-workspace';

async function main(): Promise<void> {
  const rows = [];
  for (const [name, text] of HOSTILE_LINES) {
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
    const corpus = new Corpus(new MemoryWorkspace({ 'file:///c/hostile.chunk.txt': text }), { roots: ['file:///c'] });
    await corpus.scan();
    corpus.findingCount();
    corpus.search.search(text.slice(0, 40));
    corpus.search.related('file:///c/hostile.chunk.txt');
    const whole = performance.now() - t;
    rows.push({ input: name, wholeMs: Math.round(whole), ratio: Math.round(whole / Math.max(baseline, 0.01)), slowestRule: slowest.code, slowestRuleMs: Math.round(slowest.ms) });
  }
  console.log(JSON.stringify({ node: process.version, baseline: 'decode + split of the same bytes', rows }, null, 2));
}

void main();
