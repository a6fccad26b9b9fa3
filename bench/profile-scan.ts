// Profiling aid (not a benchmark): one corpus scan of N generated chunks, on the bundled code.
//   npm run bench:scan -- 10000 [workers [count]]   (BENCH_NODE_OPTIONS=--cpu-prof for a profile)
import { rm } from 'node:fs/promises';
import { Corpus } from '../server/src/core';
import { pathWorkspace } from '../server/src/node-workspace';
import { generateCorpus } from './generate';
import { benchWorkers } from './workers';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10_000);
  const g = generateCorpus({ count, seed: 1, lines: 22 });
  try {
    const t = performance.now();
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const pool = process.argv[3] === 'workers' ? benchWorkers() : undefined;
    // An optional worker count after `workers`, to compare pool sizes.
    // BENCH_WORKER_OPTIONS: node options for the workers (`--cpu-prof` for their profiles).
    const execArgv = (process.env.BENCH_WORKER_OPTIONS ?? '').split(' ').filter(Boolean);
    const workers = pool && { ...pool, ...(process.argv[4] ? { size: Number(process.argv[4]) } : {}), execArgv };
    const corpus = new Corpus(pathWorkspace, { roots: [g.dir], tokenizerCountOnDisk: false, ...(workers ? { workers } : {}) });
    await corpus.scan();
    corpus.search.text.fileAllTypos();
    const ms = Math.round(performance.now() - t);
    const cpu = process.cpuUsage(cpu0);
    // The main thread's busy time (the merge), apart from the whole process's CPU time.
    const mainMs = Math.round(performance.eventLoopUtilization(elu0).active);
    (globalThis as { gc?: () => void }).gc?.();
    console.log(JSON.stringify({ chunks: corpus.size, ms, mainMs, userMs: Math.round(cpu.user / 1000), systemMs: Math.round(cpu.system / 1000), rssMB: Math.round(process.resourceUsage().maxRSS / 1024), heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) }));
  } finally {
    await rm(g.dir, { recursive: true, force: true });
  }
}
void main();
