// The benchmarks start the analysis workers the server ships, dist/analysis-worker.js as
// esbuild bundles it (`npm run build` first; `npm run bench` does), as many as the server would
// start. The main thread's code runs from the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { scanWorkers } from '../server/src/node-workspace';

export function benchWorkers() {
  const bundled = resolve(__dirname, '..', 'dist', 'analysis-worker.js');
  if (!existsSync(bundled)) throw new Error(`${bundled} is missing: run \`npm run build\` first`);
  return scanWorkers(bundled);
}
