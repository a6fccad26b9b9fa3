// Worker threads that prepare files (prepare.ts) while the main thread merges the results into
// the corpus. A worker that fails or dies only costs its files a fallback to the main thread.
import { Worker } from 'node:worker_threads';
import type { AnalysisOptions } from './analyze';
import type { EntityEntry } from './config';
import type { Prepared } from './prepare';

export interface PoolSettings {
  /** The worker entry (dist/analysis-worker.js, or its TypeScript source with `execArgv`). */
  readonly script: string;
  readonly size: number;
  readonly execArgv?: readonly string[];
  /** Scans of fewer files run on the main thread: starting workers would cost more (default 400). */
  readonly minFiles?: number;
}

/** What a worker is started with. */
export interface WorkerSetup {
  readonly options: AnalysisOptions;
  readonly entities: readonly EntityEntry[];
}

/**
 * A file to prepare: its bytes, or a local path the worker reads itself (off the main thread).
 * `keep`: send the bytes read back (a corpus that cannot read a file again keeps them).
 */
export type WorkerRequest = { readonly n: number; readonly id: string; readonly bytes?: Uint8Array; readonly path?: string; readonly keep?: boolean };
/** `bytes`: what the worker read from `path` (moved, not copied), when asked to `keep` them. `unread`: the read failed. */
export type WorkerReply = { readonly n: number; readonly prepared?: Prepared; readonly bytes?: Uint8Array; readonly error?: string; readonly unread?: boolean };

/**
 * Requests and replies cross in batches: a message costs its sender about 60 µs whatever it
 * holds (a reply of 16 files about 20 µs a file), about as much as its receiver, and a file's
 * whole analysis is about 500 µs. The pool sends the requests made in one turn of the event loop
 * as one message; a worker answers a batch in slices of at most `REPLY_BATCH` files or
 * `REPLY_WAIT_MS`, so the main thread merges while the worker goes on.
 */
export const REPLY_BATCH = 16;
export const REPLY_WAIT_MS = 8;

/** A file prepared by a worker, with the bytes it was prepared from if they were asked for. */
export interface PreparedFile {
  readonly bytes?: Uint8Array;
  readonly prepared: Prepared;
}

/** The worker could not read the file: the caller reads it itself (and reports it if it cannot). */
export class UnreadError extends Error {}

/** The worker died (or none is left): the caller does the work itself from now on. */
export class WorkerGoneError extends Error {}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, { resolve: (p: PreparedFile) => void; reject: (e: Error) => void }>;
  /**
   * Requests of this turn of the event loop, sent together after it (`setImmediate`: a
   * microtask would run between two callers' continuations, and send most requests alone).
   */
  outbox: WorkerRequest[];
  alive: boolean;
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private next = 0;
  private turn = 0;

  /**
   * `receive` sees each worker's results in the order that worker made them, as they arrive
   * (before any caller does): where per-worker numberings are mapped (search/term-table.ts).
   * A throw there stops that worker, as if it had died: its later results could not be taken
   * either (a numbering once broken stays broken), so its files go to the others or the caller.
   */
  constructor(settings: PoolSettings, setup: WorkerSetup, receive?: (worker: number, prepared: Prepared) => Prepared) {
    for (let i = 0; i < settings.size; i++) {
      const worker = new Worker(settings.script, { workerData: setup, execArgv: [...(settings.execArgv ?? [])] });
      const slot: Slot = { worker, pending: new Map(), outbox: [], alive: true };
      const take = (m: WorkerReply): boolean => {
        let prepared = m.prepared;
        if (prepared && receive) {
          try {
            prepared = receive(i, prepared);
          } catch (e) {
            fail(`analysis worker stopped, its result could not be taken: ${String(e)}`);
            void worker.terminate();
            return false;
          }
        }
        const p = slot.pending.get(m.n);
        if (!p) return true;
        slot.pending.delete(m.n);
        // One object a file, what `prepareFile` gives.
        if (prepared) p.resolve(m.bytes ? { bytes: m.bytes, prepared } : { prepared });
        else p.reject(m.unread ? new UnreadError(m.error) : new Error(m.error ?? 'worker gave no result'));
        return true;
      };
      worker.on('message', (batch: readonly WorkerReply[]) => {
        // In the order the worker made them: `receive` relies on it.
        for (const m of batch) if (!slot.alive || !take(m)) return;
      });
      const fail = (why: string) => {
        slot.alive = false;
        for (const p of slot.pending.values()) p.reject(new WorkerGoneError(why));
        slot.pending.clear();
      };
      worker.on('error', (e) => fail(`analysis worker failed: ${String(e)}`));
      worker.on('exit', (code) => fail(`analysis worker exited (${code})`));
      this.slots.push(slot);
    }
  }

  /** Whether any worker can still take work. */
  get alive(): boolean {
    return this.slots.some((s) => s.alive);
  }

  /** Prepares a file from its bytes in the least busy live worker; rejects if none is left. */
  async prepare(id: string, bytes: Uint8Array): Promise<Prepared> {
    // A copy of its own, moved to the worker: a Buffer may be a view into a larger pooled
    // ArrayBuffer, which a clone would copy whole (and `Buffer#slice` is a view, not a copy).
    return (await this.send({ n: this.next++, id, bytes: new Uint8Array(bytes) })).prepared;
  }

  /**
   * Prepares a file the worker reads from a local path; `UnreadError` if it cannot read it.
   * `keep`: the bytes come back too (moved, not copied); without it they stay in the worker,
   * where they are let go (100 000 buffers fewer through this thread at 100 000 chunks).
   */
  async prepareFile(id: string, path: string, keep = true): Promise<PreparedFile> {
    return this.send({ n: this.next++, id, path, ...(keep ? { keep } : {}) });
  }

  private send(request: WorkerRequest): Promise<PreparedFile> {
    const live = this.slots.filter((s) => s.alive);
    if (live.length === 0) return Promise.reject(new WorkerGoneError('no analysis worker left'));
    let slot = live[this.turn++ % live.length]!;
    for (const s of live) if (s.pending.size < slot.pending.size) slot = s;
    return new Promise<PreparedFile>((resolve, reject) => {
      slot.pending.set(request.n, { resolve, reject });
      if (slot.outbox.push(request) === 1) setImmediate(() => this.flush(slot));
    });
  }

  /** Sends a slot's requests of this turn as one message; the bytes given are moved, not copied (each is a copy made for it). */
  private flush(slot: Slot): void {
    const batch = slot.outbox;
    slot.outbox = [];
    if (!slot.alive) return;
    const moved: ArrayBuffer[] = [];
    for (const r of batch) if (r.bytes && r.bytes.buffer instanceof ArrayBuffer) moved.push(r.bytes.buffer);
    slot.worker.postMessage(batch, moved);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
