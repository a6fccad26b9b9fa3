// The analysis worker: reads and prepares the files the corpus sends it (core/prepare.ts). No state but
// the entity recognizer and its numbering of search terms; an exception is answered as an error, and the corpus analyses that
// file itself.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { REPLY_BATCH, REPLY_WAIT_MS, type WorkerReply, type WorkerRequest, type WorkerSetup } from './core/analysis-pool';
import { EntityRecognizer } from './core/entities/recognizer';
import { inOneBuffer, prepareBytes } from './core/prepare';
import { LocalTermTable } from './core/search/term-table';
import { LocalStrings } from './core/string-table';

const setup = workerData as WorkerSetup;
const recognizer = new EntityRecognizer(setup.entities);
/** This worker's numbering of search terms, sent to the main thread as they first appear. */
const terms = new LocalTermTable();
/** Its numbering of the records' strings, the same way. */
const strings = new LocalStrings();

parentPort?.on('message', (batch: readonly WorkerRequest[]) => {
  // Answered in slices (analysis-pool.ts): the main thread merges one while this goes on.
  let replies: WorkerReply[] = [];
  let since = performance.now();
  const send = () => {
    // The results' typed arrays cross as one buffer (inOneBuffer).
    const results = replies.flatMap((r) => (r.prepared ? [r.prepared] : []));
    const shared = inOneBuffer(results);
    let k = 0;
    replies = replies.map((r) => (r.prepared ? { ...r, prepared: shared[k++]! } : r));
    const moved = new Set<ArrayBuffer>();
    for (const r of replies) movable(r, moved);
    parentPort!.postMessage(replies, [...moved]);
    replies = [];
    since = performance.now();
  };
  for (const m of batch) {
    replies.push(answer(m));
    if (replies.length >= REPLY_BATCH || performance.now() - since >= REPLY_WAIT_MS) send();
  }
  if (replies.length > 0) send();
});

function answer(m: WorkerRequest): WorkerReply {
  let bytes = m.bytes;
  if (bytes === undefined) {
    try {
      // A fresh copy, so its memory can move to the main thread (a small read may sit in Node's shared pool).
      bytes = new Uint8Array(readFileSync(m.path!));
    } catch (e) {
      return { n: m.n, unread: true, error: String(e) };
    }
  }
  // Bytes read here go back only when asked for (see AnalysisPool.prepareFile).
  try {
    return { n: m.n, prepared: prepareBytes(m.id, bytes, setup.options, recognizer, terms, strings), ...(m.bytes === undefined && m.keep ? { bytes } : {}) };
  } catch (e) {
    return { n: m.n, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/**
 * A large file's bytes are moved to the main thread instead of copied. Everything else is
 * copied: the results' arrays are in one buffer a batch (inOneBuffer), and copying it into the
 * message cost the main thread less than receiving it moved (measured: moving each array, 17
 * against 14 µs a file; moving the batch's buffer, 70–100 ms more main-thread time a 20 000-chunk scan).
 */
const MOVE_FROM = 64 * 1024;

function movable(reply: WorkerReply, out: Set<ArrayBuffer>): void {
  const b = reply.bytes;
  if (b && b.byteLength >= MOVE_FROM && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer) out.add(b.buffer);
}
