// Maps from a key to the chunk, or the chunks, filed under it: most keys hold one chunk, so a
// lone id is kept as it is, a shared key gets an array, and a key many chunks share (a footer
// line every scraped article ends with) a Set, so that taking one chunk out, as every keystroke
// in it does, costs no walk through thousands of ids.

export type Bucket = string | string[] | Set<string>;
export type Buckets<K> = Map<K, Bucket>;

/** Past this many ids an array becomes a Set. */
const ARRAY_MAX = 32;

/** Files `id` under `key`; a chunk is filed at most once under a key (callers remove it first). */
export function fileUnder<K>(map: Buckets<K>, key: K, id: string): void {
  const cur = map.get(key);
  if (cur === undefined) map.set(key, id);
  else if (typeof cur === 'string') map.set(key, [cur, id]);
  else if (Array.isArray(cur)) {
    if (cur.length < ARRAY_MAX) cur.push(id);
    else map.set(key, new Set([...cur, id]));
  } else cur.add(id);
}

export function unfile<K>(map: Buckets<K>, key: K, id: string): void {
  const cur = map.get(key);
  if (cur === id) map.delete(key);
  else if (Array.isArray(cur)) {
    const i = cur.indexOf(id);
    if (i < 0) return;
    cur[i] = cur[cur.length - 1]!;
    cur.pop();
    if (cur.length === 1) map.set(key, cur[0]!);
  } else if (cur instanceof Set) {
    cur.delete(id);
    if (cur.size === 0) map.delete(key);
  }
}

/** The chunks filed under a key. */
export function filedUnder(v: Bucket | undefined): Iterable<string> {
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}
