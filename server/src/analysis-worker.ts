// The analysis worker: prepares the files the corpus sends it (core/prepare.ts). No state but
// the entity recognizer; an exception is answered as an error, and the corpus analyses that
// file itself.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './core/analysis-pool';
import { EntityRecognizer } from './core/entities/recognizer';
import { prepareBytes } from './core/prepare';

const setup = workerData as WorkerSetup;
const recognizer = new EntityRecognizer(setup.entities);

parentPort?.on('message', (m: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { n: m.n, prepared: prepareBytes(m.id, m.bytes, setup.options, recognizer) };
  } catch (e) {
    reply = { n: m.n, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
