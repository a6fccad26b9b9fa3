// Small typed arrays kept for good, one per chunk (packed findings, overlap edges, index records), copied side
// by side into shared pages. An array cloned from a worker has an ArrayBuffer of its own: a
// heap object, memory outside the heap and its bookkeeping, which every full collection of a
// 100 000-chunk heap walks. A view into a page is one object; the page is freed with its last view.
// Pages are small (a few dozen chunks' worth): a chunk edited again and again leaves its latest
// copy in a later page each time, and such a page may be kept for that one view.

type Typed = Uint8Array | Int32Array | Float64Array;

export class Slab<A extends Typed> {
  private page: A;
  private used = 0;
  /** Every empty array kept: one. */
  private readonly none: A;

  /** `make(n)`: a new zeroed array of `n` elements; a page holds `pageLength` of them. */
  constructor(private readonly make: (length: number) => A, private readonly pageLength: number) {
    this.page = make(0);
    this.none = make(0);
  }

  /**
   * A copy of `a` as a view into a shared page. An array longer than a sixteenth of a page is
   * kept as it is, or copied alone if it is a view into a larger buffer (a worker's reply
   * shares one among its arrays: a view kept would keep all of it).
   */
  keep(a: A): A {
    const n = a.length;
    if (n === 0) return this.none;
    if (n > this.pageLength / 16) return a.byteLength === a.buffer.byteLength ? a : (a.slice() as A);
    if (this.used + n > this.page.length) {
      this.page = this.make(this.pageLength);
      this.used = 0;
    }
    const view = this.page.subarray(this.used, this.used + n) as A;
    view.set(a);
    this.used += n;
    return view;
  }
}
