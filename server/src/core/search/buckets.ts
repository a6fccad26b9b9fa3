// Maps from a key to the chunk, or the few chunks, filed under it: most keys hold one chunk, so
// a lone id is kept as it is and only a shared key gets an array.

export type Buckets<K> = Map<K, string | string[]>;

/** Files `id` under `key`; a chunk is filed at most once under a key (callers remove it first). */
export function fileUnder<K>(map: Buckets<K>, key: K, id: string): void {
  const cur = map.get(key);
  if (cur === undefined) map.set(key, id);
  else if (typeof cur === 'string') map.set(key, [cur, id]);
  else cur.push(id);
}

export function unfile<K>(map: Buckets<K>, key: K, id: string): void {
  const cur = map.get(key);
  if (cur === id) map.delete(key);
  else if (Array.isArray(cur)) {
    // A key thousands of chunks share (a signature line, a copied article): no copy of the list.
    const i = cur.indexOf(id);
    if (i < 0) return;
    cur[i] = cur[cur.length - 1]!;
    cur.pop();
    if (cur.length === 1) map.set(key, cur[0]!);
  }
}

/** The chunks filed under a key. */
export function filedUnder(v: string | string[] | undefined): readonly string[] {
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}
