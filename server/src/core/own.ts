// Strings kept in long-lived structures must not pin the text they were cut from. V8 keeps a
// substring of 13 characters or more as a view into its parent ("sliced string"), so one
// sender name kept from a chunk keeps that chunk's whole text alive: at 100 000 chunks, the
// whole corpus. A heap snapshot of a scanned corpus showed exactly that.

/** Below this length V8 copies a substring instead of slicing it. */
const SLICE_MIN = 13;

/**
 * Past this length a string is kept as it is: it weighs as much as the text it could pin, and
 * copying it for each of thousands of findings that share it would cost far more.
 */
const COPY_MAX = 2048;

/** A copy of `s` that shares nothing with the string it came from (short and very long ones aside). */
export function own(s: string): string {
  return s.length < SLICE_MIN || s.length > COPY_MAX ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * One shared, owned copy per distinct string: names, surfaces and senders repeat across
 * thousands of chunks. Bounded: past `limit` distinct strings it starts over (copies made before
 * stay valid, they are only no longer shared).
 */
export class Interner {
  private readonly table = new Map<string, string>();
  constructor(private readonly limit = 200_000) {}

  get(s: string): string {
    const hit = this.table.get(s);
    if (hit !== undefined) return hit;
    const copy = own(s);
    if (this.table.size >= this.limit) this.table.clear();
    this.table.set(copy, copy);
    return copy;
  }
}
