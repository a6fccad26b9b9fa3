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

export type WorkerRequest = { readonly n: number; readonly id: string; readonly bytes: Uint8Array };
export type WorkerReply = { readonly n: number; readonly prepared?: Prepared; readonly error?: string };

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, { resolve: (p: Prepared) => void; reject: (e: Error) => void }>;
  alive: boolean;
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private next = 0;
  private turn = 0;

  constructor(settings: PoolSettings, setup: WorkerSetup) {
    for (let i = 0; i < settings.size; i++) {
      const worker = new Worker(settings.script, { workerData: setup, execArgv: [...(settings.execArgv ?? [])] });
      const slot: Slot = { worker, pending: new Map(), alive: true };
      worker.on('message', (m: WorkerReply) => {
        const p = slot.pending.get(m.n);
        if (!p) return;
        slot.pending.delete(m.n);
        if (m.prepared) p.resolve(m.prepared);
        else p.reject(new Error(m.error ?? 'worker gave no result'));
      });
      const fail = (why: string) => {
        slot.alive = false;
        for (const p of slot.pending.values()) p.reject(new Error(why));
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

  /** Prepares one file in the least busy live worker; rejects if none is left. */
  prepare(id: string, bytes: Uint8Array): Promise<Prepared> {
    const live = this.slots.filter((s) => s.alive);
    if (live.length === 0) return Promise.reject(new Error('no analysis worker left'));
    let slot = live[this.turn++ % live.length]!;
    for (const s of live) if (s.pending.size < slot.pending.size) slot = s;
    const n = this.next++;
    return new Promise<Prepared>((resolve, reject) => {
      slot.pending.set(n, { resolve, reject });
      // A copy: a Buffer may be a view into a larger pooled ArrayBuffer, which a clone would copy whole.
      slot.worker.postMessage({ n, id, bytes: bytes.slice() } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
