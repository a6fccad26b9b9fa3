// Reading a corpus the way the server does: sixteen files in flight, results in file order.
import { readFile } from 'node:fs/promises';

export async function readAll(files: readonly string[]): Promise<Buffer[]> {
  const out: Buffer[] = new Array(files.length);
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < files.length) {
      const i = next++;
      out[i] = await readFile(files[i]!);
    }
  }));
  return out;
}

/** The same reads, each file let go once `visit` has seen it: a baseline that holds no corpus in memory. */
export async function readEach(files: readonly string[], visit: (bytes: Buffer) => void = () => {}): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < files.length) visit(await readFile(files[next++]!));
  }));
}
