// Runs a benchmark on the code as it ships: bundles the given bench/*.ts entry with esbuild, the
// way scripts/build.mjs bundles the server, into .bench/ (so the bundle finds dist/ beside it),
// then runs it with the given arguments. The analysis workers are dist/analysis-worker.js, so
// `npm run build` comes first (the npm scripts do it).
//   node scripts/bench.mjs bench/run.ts 1000,10000
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/bench.mjs bench/NAME.ts [args...]');
  process.exit(2);
}
const outfile = join('.bench', basename(entry).replace(/\.ts$/, '.js'));
await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, mainFields: ['module', 'main'], logLevel: 'warning' });
const node = ['--expose-gc', '--enable-source-maps', ...(process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean)];
const r = spawnSync(process.execPath, [...node, outfile, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
