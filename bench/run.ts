// `npm run bench`: the benchmarks, one JSON report. Not tests: nothing here fails a build.
//   npm run bench                     1 000 and 10 000 chunks
//   npm run bench -- 1000,10000,100000 [seed]
import { benchIndexBuild } from './index-build';
import { benchSearch } from './search';

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
  const seed = Number(process.argv[3] ?? 1);
  const report: Record<string, unknown> = { node: process.version, cpus: (await import('node:os')).cpus().length, seed };
  for (const n of sizes) {
    // Each size in a fresh heap would be fairer; in one process the later runs see a warm JIT.
    report[`search-${n}`] = await benchSearch(n, seed);
    if (n <= 10_000) report[`index-build-${n}`] = await benchIndexBuild(n, seed);
  }
  console.log(JSON.stringify(report, null, 2));
}

void main();
