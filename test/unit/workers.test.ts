// A scan in worker threads must build exactly the corpus a main-thread scan builds, and a
// worker that cannot start must cost nothing but speed.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Corpus, type CorpusOptions, type Workspace } from '../../server/src/core';
import { pathWorkspace } from '../../server/src/node-workspace';
import { generateCorpus, type GeneratedCorpus } from '../../bench/generate';

const WORKER = resolve(__dirname, '..', '..', 'scripts', 'analysis-worker-from-source.cjs');

/** Everything a client can ask of a corpus, in a comparable form. */
function observe(corpus: Corpus, ids: readonly string[]) {
  return {
    size: corpus.size,
    count: corpus.findingCount(),
    findings: ids.map((id) => corpus.findings(id)),
    chunks: ids.slice(0, 40).map((id) => corpus.get(id)?.analysis.chunk),
    index: corpus.index.snapshot(),
    search: ['stargate', 'openai milliards', 'sofbank', 'nadia'].map((q) => corpus.search.search(q, 10)),
    related: ids.slice(0, 40).map((id) => corpus.search.related(id, 5)),
    vocabulary: corpus.search.text.vocabularySize,
  };
}

describe('scanning in worker threads', () => {
  let g: GeneratedCorpus;
  before(() => {
    g = generateCorpus({ count: 240, seed: 3, lines: 14 });
  });
  after(() => rmSync(g.dir, { recursive: true, force: true }));

  const scan = async (options: Partial<CorpusOptions>, log?: (m: string) => void, workspace: Workspace = pathWorkspace) => {
    const corpus = new Corpus(workspace, { roots: [g.dir], tokenizerCountOnDisk: false, ...options });
    await corpus.scan(undefined, log);
    return corpus;
  };

  it('gives the corpus a main-thread scan gives: findings, chunks, index, search, related', async () => {
    const here = await scan({});
    const logs: string[] = [];
    const there = await scan({ workers: { script: WORKER, size: 2, minFiles: 1 } }, (m) => logs.push(m));
    assert.deepEqual(logs, []);
    assert.equal(there.scanWorkers, 2);
    assert.equal(here.scanWorkers, 0);
    assert.equal(here.size, g.files.length);
    assert.ok(here.findingCount() > 0);
    assert.deepEqual(observe(there, g.files), observe(here, g.files));
  });

  it('keeps the bytes the workers read where the workspace cannot read a file again', async () => {
    const here = await scan({});
    const { readFileNow: _, ...noReread } = pathWorkspace;
    const there = await scan({ workers: { script: WORKER, size: 2, minFiles: 1 } }, undefined, noReread);
    assert.equal(there.scanWorkers, 2);
    // Every chunk parses again from what was kept (`observe` reads 40 of them).
    for (const id of g.files) assert.ok(there.get(id)!.analysis.chunk, id);
    assert.deepEqual(observe(there, g.files), observe(here, g.files));
  });

  it('analyses on the main thread when no worker can start, saying so once', async () => {
    const here = await scan({});
    const logs: string[] = [];
    const broken = await scan({ workers: { script: resolve(__dirname, 'no-such-worker.js'), size: 2, minFiles: 1 } }, (m) => logs.push(m));
    assert.equal(logs.length, 1, logs.join('\n'));
    assert.match(logs[0]!, /main thread/);
    assert.equal(broken.scanWorkers, 0);
    assert.deepEqual(observe(broken, g.files), observe(here, g.files));
  });

  it('analyses a file a worker failed on here, and the worker goes on numbering in step', async () => {
    const here = await scan({});
    const logs: string[] = [];
    const throwing = resolve(__dirname, '..', 'fixtures', 'workers', 'throwing-analysis-worker.cjs');
    const there = await scan({ workers: { script: throwing, size: 2, minFiles: 1 } }, (m) => logs.push(m));
    // One file per worker analysed here; nothing else said (no worker stopped out of step).
    assert.equal(logs.length, 2, logs.join('\n'));
    for (const m of logs) assert.match(m, /on the main thread: Error: Error: planted failure/);
    assert.equal(there.scanWorkers, 2);
    assert.deepEqual(observe(there, g.files), observe(here, g.files));
  });

  it('stops a worker whose term numbers were lost, and loses no file', async () => {
    const here = await scan({});
    const logs: string[] = [];
    const lossy = resolve(__dirname, '..', 'fixtures', 'workers', 'lossy-analysis-worker.cjs');
    const there = await scan({ workers: { script: lossy, size: 2, minFiles: 1 } }, (m) => logs.push(m));
    // Both workers lose their third document's terms: each is stopped, said once for the scan.
    assert.equal(logs.length, 1, logs.join('\n'));
    assert.match(logs[0]!, /its result could not be taken: Error: (unknown term number|term numbers out of order)/);
    assert.deepEqual(observe(there, g.files), observe(here, g.files));
  });
});
