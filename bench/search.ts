// Issue 4's figures on a generated corpus, each next to baselines measured in the same run:
// the raw read of the files (bytes, then bytes + UTF-8 decoding) and ripgrep over the folder.
// Everything runs the real server code (Corpus: analysis, index, search structures).
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { Corpus, loadTokenizer } from '../server/src/core';
import { contentText } from '../server/src/core/search';
import { jaccard, shingles } from '../server/src/core/search/near-duplicates';
import { terms } from '../server/src/core/search/tokenize';
import { pathWorkspace } from '../server/src/node-workspace';
import { readEach, readEachSync } from './read';
import { benchWorkers } from './workers';
import { generateCorpus, random } from './generate';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100 : 0;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** One typo in a word: swap, delete, insert or substitute a letter. */
function typo(r: () => number, w: string): string {
  const i = 1 + Math.floor(r() * (w.length - 2));
  switch (Math.floor(r() * 4)) {
    case 0: return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    case 1: return w.slice(0, i) + w.slice(i + 1);
    case 2: return w.slice(0, i) + 'e' + w.slice(i);
    default: return w.slice(0, i) + (w[i] === 'a' ? 'o' : 'a') + w.slice(i + 1);
  }
}

export async function benchSearch(count: number, seed = 1) {
  const g = generateCorpus({ count, seed, lines: 22 });
  const r = random(seed + 7);
  try {
    // Baselines read each file and let it go, so they leave no corpus in memory behind them.
    readEachSync(g.files);
    let t = performance.now();
    readEachSync(g.files);
    const rawReadMs = performance.now() - t;
    t = performance.now();
    const decoder = new TextDecoder();
    readEachSync(g.files, (b) => decoder.decode(b));
    const readDecodeMs = performance.now() - t;
    t = performance.now();
    await readEach(g.files);
    const asyncReadMs = performance.now() - t;
    t = performance.now();
    const rg = spawnSync('rg', ['-c', '--no-messages', 'Stargate', g.dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const ripgrepMs = rg.error ? null : performance.now() - t;

    const workers = benchWorkers();
    (globalThis as { gc?: () => void }).gc?.();
    // The whole process's memory (workers included), sampled while the analysis runs: the
    // process's own high-water mark also holds what earlier sizes in this run left behind.
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 25);
    t = performance.now();
    const cpu0 = process.cpuUsage();
    const corpus = new Corpus(pathWorkspace, { roots: [g.dir], tokenizerCountOnDisk: false, ...(workers ? { workers } : {}) });
    await corpus.scan();
    // Terms the index files for typo search after a scan, when the merges pause: counted here.
    corpus.search.text.fileAllTypos();
    const analyseMs = performance.now() - t;
    // CPU time over every thread (workers included): steadier than the wall time on a shared machine.
    const cpu = process.cpuUsage(cpu0);
    const analyseCpuMs = Math.round((cpu.user + cpu.system) / 1000);
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    if (corpus.size !== count) throw new Error(`analysed ${corpus.size} of ${count}`);
    const peakRssMB = Math.round(peakRss / 2 ** 20);
    (globalThis as { gc?: () => void }).gc?.();
    const heapAfterMB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
    const processMaxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);

    // What the language server does once its scan is done: every chunk's findings, to publish them.
    t = performance.now();
    let findings = 0;
    for (const id of g.files) findings += corpus.findings(id).length;
    const allFindingsMs = performance.now() - t;

    // Search: the intended chunk's two rarest words, one of them misspelled.
    const searchMs: number[] = [];
    let found = 0;
    const QUERIES = 200;
    for (let q = 0; q < QUERIES; q++) {
      const id = g.files[Math.floor(r() * g.files.length)]!;
      const words = [...new Set(terms(contentText(corpus.get(id)!.analysis.chunk!)))].filter((w) => w.length >= 6 && !/\d/.test(w));
      words.sort((a, b) => corpus.search.text.df(a) - corpus.search.text.df(b) || (a < b ? -1 : 1));
      const query = `${typo(r, words[0]!)} ${words[1] ?? ''}`.trim();
      t = performance.now();
      const hits = corpus.search.search(query, 10);
      searchMs.push(performance.now() - t);
      if (hits.some((h) => h.uri === id)) found++;
    }

    const relatedMs: number[] = [];
    for (let q = 0; q < 200; q++) {
      const id = g.files[Math.floor(r() * g.files.length)]!;
      t = performance.now();
      corpus.search.related(id, 10);
      relatedMs.push(performance.now() - t);
    }

    // Near-duplicates: every planted pair whose exact similarity reaches the threshold must be found.
    const threshold = corpus.search.duplicates.threshold;
    const text = (id: string) => contentText(corpus.get(id)!.analysis.chunk!);
    let eligible = 0;
    let recalled = 0;
    let reportedBelow = 0;
    for (const [copy, original] of g.pairs) {
      const j = jaccard(shingles(text(copy)), shingles(text(original)));
      const reported = corpus.search.duplicates.duplicatesOf(copy, text);
      for (const d of reported) if (jaccard(shingles(text(copy)), shingles(text(d.id))) < threshold) reportedBelow++;
      if (j < threshold) continue;
      eligible++;
      if (reported.some((d) => d.id === original)) recalled++;
    }

    // Typing in the largest chunks: each takes 50 keystrokes in a row, re-analysed after each with
    // every structure updated. The first edit of a chunk also counts its whole text with o200k
    // (its pieces are not cached yet): reported apart. The tokenizer is loaded first, as the
    // server does once its scan is done.
    loadTokenizer();
    const big = [...g.files].sort((a, b) => text(b).length - text(a).length).slice(0, 10);
    const typingMs: number[] = [];
    const firstEditMs: number[] = [];
    for (const id of big) {
      const chunk = corpus.get(id)!.analysis.chunk!;
      let full = chunk.lines.join('\n');
      const at = Math.floor(full.length / 2);
      for (let k = 0; k < 50; k++) {
        full = `${full.slice(0, at + k)}x${full.slice(at + k)}`;
        t = performance.now();
        corpus.update(id, full, true);
        (k === 0 ? firstEditMs : typingMs).push(performance.now() - t);
      }
    }
    const largest = Buffer.byteLength(text(big[0]!));

    return {
      chunks: count,
      megabytes: round(g.bytes / 1e6, 1),
      baselines: { rawReadMs: Math.round(rawReadMs), readAndDecodeMs: Math.round(readDecodeMs), promiseRead16Ms: Math.round(asyncReadMs), ripgrepMs: ripgrepMs === null ? null : Math.round(ripgrepMs) },
      analyse: { workers: workers?.size ?? 0, ms: Math.round(analyseMs), cpuMs: analyseCpuMs, ratioToRawRead: round(analyseMs / rawReadMs, 1), ratioToReadAndDecode: round(analyseMs / readDecodeMs, 1), ratioToPromiseRead16: round(analyseMs / asyncReadMs, 1), ratioToRipgrep: ripgrepMs ? round(analyseMs / ripgrepMs, 1) : null, peakRssMB, heapAfterMB, processMaxRssMB },
      findingsOfEveryChunk: { ms: Math.round(allFindingsMs), findings },
      search: { queries: QUERIES, p50Ms: pct(searchMs, 50), p95Ms: pct(searchMs, 95), intendedInTop10: round(found / QUERIES, 3), vocabulary: corpus.search.text.vocabularySize },
      related: { p50Ms: pct(relatedMs, 50), p95Ms: pct(relatedMs, 95) },
      nearDuplicates: { planted: g.pairs.length, atOrAboveThreshold: eligible, recall: eligible ? round(recalled / eligible, 3) : null, reportedBelowThreshold: reportedBelow, threshold },
      keystroke: { largestChunkBytes: largest, keystrokes: typingMs.length, p50Ms: pct(typingMs, 50), p95Ms: pct(typingMs, 95), firstEditOfAChunk: { p50Ms: pct(firstEditMs, 50), maxMs: Math.round(Math.max(...firstEditMs) * 100) / 100 } },
    };
  } finally {
    await rm(g.dir, { recursive: true, force: true });
  }
}
