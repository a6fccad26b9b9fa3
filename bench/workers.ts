// The benchmarks run the server's code from its TypeScript sources: the analysis workers too,
// as many as the server would start.
import { resolve } from 'node:path';
import { scanWorkers } from '../server/src/node-workspace';

export function benchWorkers() {
  return scanWorkers(resolve(__dirname, '..', 'scripts', 'analysis-worker-from-source.cjs'));
}
