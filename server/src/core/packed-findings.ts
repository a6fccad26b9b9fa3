// A file's findings kept as bytes instead of objects: none of it on the JS heap, and a worker
// hands them over without a structured clone.
//
// The bytes are a small binary form written by hand: numbers as LEB128 varints, strings as
// UTF-8, each distinct string of a file written once and referred to after; past 2 KB it is
// deflated. On generated chunks: 15 to 20 µs a chunk and 1 009 bytes, where JSON deflated past
// 512 bytes took 66 µs, 712 bytes, and 65 µs to read back (the binary form: 6 to 11 µs).
// Findings may share one edit list ("rewrite all" of 25 000 matches): it is written once and
// shared again when read, never repeated per finding.
//
// Anything the binary form cannot hold exactly (a number that is not a small non-negative
// integer: no rule makes one) falls back to JSON, deflated when long, so nothing is lost.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Finding, Fix, Range, RelatedLocation, Severity, TextEdit } from './model';
import { FewKeys } from './few-keys';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** First byte of the binary form, and of it deflated; deflated JSON starts with 0x01, plain JSON with `[`. */
const BINARY = 0x02;
const BINARY_DEFLATED = 0x03;
const DEFLATED = 0x01;
/**
 * Deflating costs about 20 µs a call whatever the size: the binary form is deflated past 2 KB
 * (a twentieth of the generated chunks, 1 009 bytes a chunk on average, 18 µs), where past
 * 512 bytes (half of them) made 575 bytes at 45 µs. Memory has the room; the scan has not.
 */
const DEFLATE_FROM = 2048;
/** The JSON fallback is rare and verbose: deflated past 512 bytes. */
const JSON_DEFLATE_FROM = 512;
/** A small window and hash: findings are a few kilobytes, and zlib sets its state up per call. */
const DEFLATE = { level: 1, windowBits: 12, memLevel: 4 } as const;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

class CannotPack extends Error {}

/** The index of a severity in SEVERITIES, compared in place: `indexOf` is a call a finding. */
function severityNumber(s: Severity): number {
  switch (s) {
    case 'error': return 0;
    case 'warning': return 1;
    case 'information': return 2;
    case 'hint': return 3;
    default: throw new CannotPack();
  }
}

/** A growing byte buffer, reused from call to call (packing runs one file at a time). */
class Writer {
  buf = new Uint8Array(1 << 14);
  at = 0;
  private strings = new FewKeys<string>();
  private lists = new FewKeys<readonly TextEdit[]>();

  reset(): void {
    this.at = 0;
    this.strings.reset();
    this.lists.reset();
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    grown.set(this.buf.subarray(0, this.at));
    this.buf = grown;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.at++] = b;
  }

  uint(n: number): void {
    if (!(n >= 0 && n <= 0xffffffff && Number.isInteger(n))) throw new CannotPack();
    this.room(5);
    while (n >= 0x80) {
      this.buf[this.at++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.at++] = n;
  }

  /**
   * For a value met before in this file, 1 + its number (true: nothing more to write); else
   * numbers it and writes 0, for the caller to write the value itself after.
   */
  private met<K>(table: FewKeys<K>, key: K): boolean {
    const seen = table.number(key);
    this.uint(seen + 1);
    return seen >= 0;
  }

  /** A string: its number if met before in this file, else 0 and its UTF-8 bytes. */
  str(s: string): void {
    if (typeof s !== 'string') throw new CannotPack();
    if (this.met(this.strings, s)) return;
    // Most strings are ASCII: a loop beats encodeInto's call for short ones.
    if (s.length < 64) {
      this.room(s.length + 1);
      const start = this.at;
      let ascii = true;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) {
          ascii = false;
          break;
        }
        this.buf[start + 1 + i] = c;
      }
      if (ascii) {
        this.buf[start] = s.length;
        this.at = start + 1 + s.length;
        return;
      }
    }
    // Length first: at most 3 bytes of UTF-8 per UTF-16 unit.
    this.room(s.length * 3 + 5);
    const lengthAt = this.at;
    const { written } = encoder.encodeInto(s, this.buf.subarray(lengthAt + 5));
    this.uint(written);
    this.buf.copyWithin(this.at, lengthAt + 5, lengthAt + 5 + written);
    this.at += written;
  }

  range(r: Range): void {
    this.uint(r.start.line);
    this.uint(r.start.character);
    this.uint(r.end.line);
    this.uint(r.end.character);
  }

  /** An edit list: its number if met before in this file, else 0 and the list. */
  edits(list: readonly TextEdit[]): void {
    if (this.met(this.lists, list)) return;
    this.uint(list.length);
    for (let i = 0; i < list.length; i++) {
      this.range(list[i]!.range);
      this.str(list[i]!.newText);
    }
  }
}

const writer = new Writer();

export function packFindings(findings: readonly Finding[]): Uint8Array {
  if (findings.length === 0) return EMPTY;
  const w = writer;
  w.reset();
  try {
    w.byte(BINARY);
    w.uint(findings.length);
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      const severity = severityNumber(f.severity);
      w.str(f.code);
      w.byte(severity | (f.fixes ? 4 : 0) | (f.related ? 8 : 0));
      w.str(f.message);
      w.range(f.range);
      if (f.fixes) {
        w.uint(f.fixes.length);
        for (const fix of f.fixes) {
          w.str(fix.title);
          w.byte(fix.isPreferred === undefined ? 0 : fix.isPreferred ? 1 : 2);
          w.edits(fix.edits);
        }
      }
      if (f.related) {
        w.uint(f.related.length);
        for (const r of f.related) {
          w.str(r.uri);
          w.range(r.range);
          w.str(r.message);
        }
      }
    }
  } catch (e) {
    if (!(e instanceof CannotPack)) throw e;
    return packJson(findings);
  }
  // A copy of its own size: the caller may move its buffer to another thread.
  const out = w.at < DEFLATE_FROM ? w.buf.slice(0, w.at) : deflated(BINARY_DEFLATED, w.buf.subarray(1, w.at));
  // A hostile file's megabytes of findings are not kept for the next one.
  if (w.buf.length > 1 << 20) w.buf = new Uint8Array(1 << 14);
  return out;
}

class Reader {
  private readonly strings: string[] = [];
  private readonly lists: TextEdit[][] = [];
  constructor(private readonly buf: Uint8Array, public at: number) {}

  byte(): number {
    if (this.at >= this.buf.length) throw new Error('packed findings end early');
    return this.buf[this.at++]!;
  }

  uint(): number {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
    }
  }

  str(): string {
    const tag = this.uint();
    if (tag > 0) {
      const s = this.strings[tag - 1];
      if (s === undefined) throw new Error('packed findings refer to a string not yet read');
      return s;
    }
    const length = this.uint();
    if (this.at + length > this.buf.length) throw new Error('packed findings end early');
    const s = decoder.decode(this.buf.subarray(this.at, this.at + length));
    this.at += length;
    this.strings.push(s);
    return s;
  }

  range(): Range {
    const sl = this.uint();
    const sc = this.uint();
    const el = this.uint();
    const ec = this.uint();
    return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
  }

  edits(): TextEdit[] {
    const tag = this.uint();
    if (tag > 0) {
      const list = this.lists[tag - 1];
      if (list === undefined) throw new Error('packed findings refer to an edit list not yet read');
      return list;
    }
    const list: TextEdit[] = [];
    // Numbered before its edits are read, as the writer numbered it.
    this.lists.push(list);
    for (let n = this.uint(); n > 0; n--) {
      const range = this.range();
      list.push({ range, newText: this.str() });
    }
    return list;
  }
}

function deflated(marker: number, bytes: Uint8Array): Uint8Array {
  const d = deflateRawSync(bytes, DEFLATE);
  const out = new Uint8Array(d.length + 1);
  out[0] = marker;
  out.set(d, 1);
  return out;
}

export function unpackFindings(bytes: Uint8Array): Finding[] {
  if (bytes.length === 0) return [];
  if (bytes[0] === BINARY_DEFLATED) return unpackBinary(inflateRawSync(bytes.subarray(1)), 0);
  if (bytes[0] === BINARY) return unpackBinary(bytes, 1);
  return unpackJson(bytes);
}

/** The binary form from `start` on (after its marker, which a deflated copy does not hold). */
function unpackBinary(bytes: Uint8Array, start: number): Finding[] {
  const r = new Reader(bytes, start);
  const out: Finding[] = [];
  for (let n = r.uint(); n > 0; n--) {
    const code = r.str();
    const flags = r.byte();
    const severity = SEVERITIES[flags & 3]!;
    const message = r.str();
    const range = r.range();
    let fixes: Fix[] | undefined;
    let related: RelatedLocation[] | undefined;
    if (flags & 4) {
      fixes = [];
      for (let k = r.uint(); k > 0; k--) {
        const title = r.str();
        const preferred = r.byte();
        const edits = r.edits();
        fixes.push(preferred === 0 ? { title, edits } : { title, edits, isPreferred: preferred === 1 });
      }
    }
    if (flags & 8) {
      related = [];
      for (let k = r.uint(); k > 0; k--) {
        const uri = r.str();
        const range = r.range();
        related.push({ uri, range, message: r.str() });
      }
    }
    out.push({ code, severity, message, range, ...(fixes ? { fixes } : {}), ...(related ? { related } : {}) });
  }
  return out;
}

/** Whether packed findings are in the binary form, deflated or not (the JSON form is the fallback). */
export function isBinaryPack(bytes: Uint8Array): boolean {
  return bytes.length > 0 && (bytes[0] === BINARY || bytes[0] === BINARY_DEFLATED);
}

// The fallback: JSON, each shared edit list written once as `{ $edits: n }` after its first
// appearance, deflated when long.

function packJson(findings: readonly Finding[]): Uint8Array {
  const json = encoder.encode(JSON.stringify(withSharedEdits(findings)));
  return json.length < JSON_DEFLATE_FROM ? json : deflated(DEFLATED, json);
}

/** The JSON text of findings packed as JSON (the fallback form). */
export function packedText(bytes: Uint8Array): string {
  if (bytes.length === 0) return '[]';
  if (isBinaryPack(bytes)) throw new Error('these findings are packed in the binary form');
  return decoder.decode(bytes[0] === DEFLATED ? inflateRawSync(bytes.subarray(1)) : bytes);
}

function unpackJson(bytes: Uint8Array): Finding[] {
  const lists: unknown[] = [];
  // The reviver sees values in document order, so a list is met before any reference to it.
  return JSON.parse(packedText(bytes), (key, value: unknown) => {
    if (key !== 'edits') return value;
    if (Array.isArray(value)) {
      lists.push(value);
      return value;
    }
    return lists[(value as { $edits: number }).$edits];
  }) as Finding[];
}

/**
 * The findings with every edit list after its first appearance (in document order) written as
 * `{ $edits: n }`, n counting lists in order of first appearance; copies only where that
 * happens. JSON.stringify with a replacer gives the same text, at a call per value.
 */
function withSharedEdits(findings: readonly Finding[]): readonly unknown[] {
  const seen = new Map<readonly TextEdit[], number>();
  let out: unknown[] | undefined;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (!f.fixes) continue;
    let fixes: unknown[] | undefined;
    for (let j = 0; j < f.fixes.length; j++) {
      const fix = f.fixes[j]!;
      const at = seen.get(fix.edits);
      if (at === undefined) {
        seen.set(fix.edits, seen.size);
        continue;
      }
      fixes ??= [...f.fixes];
      fixes[j] = { ...fix, edits: { $edits: at } };
    }
    if (fixes) (out ??= [...findings])[i] = { ...f, fixes };
  }
  return out ?? findings;
}

/** The fallback form, for tests: what findings the binary form cannot hold become. */
export const packFindingsAsJson = packJson;

const EMPTY = new Uint8Array(0);
