// An in-memory Workspace for the index tests: files are ids → text, editable between steps.
import type { Workspace } from '../../../server/src/core';

export class MemoryWorkspace implements Workspace {
  readonly files = new Map<string, string>();
  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.files.set(k, v);
  }
  async readFile(id: string): Promise<Uint8Array> {
    const t = this.files.get(id);
    if (t === undefined) throw new Error(`ENOENT ${id}`);
    return new TextEncoder().encode(t);
  }
  async listFiles(folder: string): Promise<string[]> {
    return [...this.files.keys()].filter((k) => k.startsWith(`${folder}/`)).sort();
  }
}
