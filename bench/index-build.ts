// Benchmark of the corpus index build, against the raw read of the same files in the same
// process: bytes only, then bytes plus UTF-8 decoding, then parse + analysis, the entity and
// figure index, and the whole Corpus scan (analysis, search structures and index). JSON out.
import { rm } from 'node:fs/promises';
import { analyzeBytes, Corpus, CorpusIndex } from '../server/src/core';
import { pathWorkspace } from '../server/src/node-workspace';
import { readAll, readEachSync } from './read';
import { benchWorkers } from './workers';
import { generateCorpus } from './generate';

export interface IndexBuildResult {
  readonly chunks: number;
  readonly megabytes: number;
  readonly ms: Record<string, number>;
  readonly ratioToRawRead: Record<string, number>;
  readonly ratioToReadDecode: Record<string, number>;
  readonly peakRssMB: number;
  /** Worker threads of the corpus scan (the phases before it run on the main thread). */
  readonly workers: number;
  readonly entities: number;
  readonly figures: number;
}

const time = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
};

export async function benchIndexBuild(count = 10_000, seed = 1): Promise<IndexBuildResult> {
  const g = generateCorpus({ count, seed });
  try {
    // Warm the page cache once, so every phase reads from memory alike.
    readEachSync(g.files);
    const [, rawMs] = await time(() => readEachSync(g.files));
    const decoder = new TextDecoder();
    const [, decodeMs] = await time(() => readEachSync(g.files, (b) => decoder.decode(b)));
    const raw = await readAll(g.files);
    const [analyses, analysisMs] = await time(() => raw.map((b, i) => analyzeBytes(g.files[i]!, b)));
    const [index, indexMs] = await time(() => {
      const ix = new CorpusIndex();
      analyses.forEach((a, i) => ix.apply(g.files[i]!, a.chunk));
      return ix;
    });
    const workers = benchWorkers();
    const [corpus, scanMs] = await time(async () => {
      const c = new Corpus(pathWorkspace, { roots: [g.dir], tokenizerCountOnDisk: false, ...(workers ? { workers } : {}) });
      await c.scan();
      c.search.text.fileAllTypos();
      return c;
    });
    if (corpus.size !== count || index.size !== count) throw new Error(`indexed ${corpus.size}/${index.size} of ${count} chunks`);
    const ms = {
      rawRead: rawMs,
      readAndDecode: decodeMs,
      parseAndAnalysis: analysisMs,
      entityFigureIndex: indexMs,
      readParseAnalysisIndex: rawMs + analysisMs + indexMs,
      corpusScanWithSearchAndIndex: scanMs,
    };
    const round = (x: number) => Math.round(x * 10) / 10;
    const ratio = (base: number) => Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, round(v / base)]));
    let figures = 0;
    for (const f of g.files) figures += index.record(f)?.figures.length ?? 0;
    return {
      chunks: count,
      megabytes: round(g.bytes / 1e6),
      ms: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v)])),
      ratioToRawRead: ratio(rawMs),
      ratioToReadDecode: ratio(decodeMs),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      workers: workers?.size ?? 0,
      entities: index.entities().length,
      figures,
    };
  } finally {
    await rm(g.dir, { recursive: true, force: true });
  }
}
