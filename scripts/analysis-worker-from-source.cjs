// The analysis worker from its TypeScript sources, for benchmarks and tests run through tsx
// (the server and the CLI start the bundled dist/analysis-worker.js).
require('tsx/cjs');
require('../server/src/analysis-worker.ts');
