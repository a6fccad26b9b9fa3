// Growing a typed array kept for good (postings' term records, LSH tables, per-chunk numbers).

/** `a` copied into a new array of at least `length`, twice its length if that is more. */
export function grown(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const g = new Int32Array(Math.max(length, a.length * 2));
  g.set(a);
  return g;
}
