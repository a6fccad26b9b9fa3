// The analysis worker: reads and prepares the files the corpus sends it (core/prepare.ts). No state but
// the entity recognizer and its numbering of search terms; an exception is answered as an error, and the corpus analyses that
// file itself.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './core/analysis-pool';
import { EntityRecognizer } from './core/entities/recognizer';
import { prepareBytes } from './core/prepare';
import { LocalTermTable } from './core/search/term-table';
import { LocalStrings } from './core/string-table';

const setup = workerData as WorkerSetup;
const recognizer = new EntityRecognizer(setup.entities);
/** This worker's numbering of search terms, sent to the main thread as they first appear. */
const terms = new LocalTermTable();
/** Its numbering of the records' strings, the same way. */
const strings = new LocalStrings();

parentPort?.on('message', (m: WorkerRequest) => {
  let bytes = m.bytes;
  if (bytes === undefined) {
    try {
      // A fresh copy, so its memory can move to the main thread (a small read may sit in Node's shared pool).
      bytes = new Uint8Array(readFileSync(m.path!));
    } catch (e) {
      parentPort!.postMessage({ n: m.n, unread: true, error: String(e) } satisfies WorkerReply);
      return;
    }
  }
  let reply: WorkerReply;
  // Bytes read here go back only when asked for (see AnalysisPool.prepareFile).
  try {
    reply = { n: m.n, prepared: prepareBytes(m.id, bytes, setup.options, recognizer, terms, strings), ...(m.bytes === undefined && m.keep ? { bytes } : {}) };
  } catch (e) {
    reply = { n: m.n, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply, movable(reply));
});

/**
 * The buffers of a reply's typed arrays, moved instead of copied: each is made for this reply
 * and owned whole by its array (nothing here keeps it). A copy costs an allocation and a
 * memcpy on the other side, and a reply holds half a dozen arrays.
 */
function movable(reply: WorkerReply): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView | undefined) => {
    if (a && a.byteLength > 0 && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  };
  add(reply.bytes);
  const p = reply.prepared;
  if (p) {
    add(p.findings);
    add(p.record?.data);
    const s = p.search;
    if (s) {
      add(s.bands);
      add(s.edges);
      if ('ids' in s.terms) {
        add(s.terms.ids);
        add(s.terms.counts);
      }
    }
  }
  return [...out];
}
