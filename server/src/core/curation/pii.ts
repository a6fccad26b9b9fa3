// Personal data in a chunk: phone numbers (libphonenumber-js, any French or international
// writing), e-mail addresses, and WhatsApp mentions (`@33612345678`). Each match carries a key
// that is the same for every writing of the same thing, so pseudonyms stay consistent.
import { findPhoneNumbersInText, parsePhoneNumberFromString, type NumberFound } from 'libphonenumber-js';
import type { Chunk, Message, Range } from '../model';
import { range } from '../parse';
import { parseDatedLine } from '../whatsapp';
import { own } from '../own';

export type PiiKind = 'TEL' | 'EMAIL' | 'MENTION';

export interface PiiMatch {
  readonly kind: PiiKind;
  readonly range: Range;
  readonly text: string;
  /** The same for every writing of one number or address: `+33612345678`, `a@b.fr`. */
  readonly key: string;
  /** The match is a message's sender (or a header participant). */
  readonly asSender: boolean;
  /** The table the pseudonym comes from: a mention whose digits are a phone number shares its TEL pseudonym. */
  readonly pseudonymKind: PiiKind;
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;
const MENTION = /(?<![\p{L}\p{N}@._-])@(\d{6,15})(?!\d)/gu;

/** The key of a mention: the phone number it is, when its digits are one. */
export function mentionKey(digits: string): { kind: PiiKind; key: string } {
  const p = parsePhoneNumberFromString(`+${digits}`);
  return p?.isValid() ? { kind: 'TEL', key: p.number } : { kind: 'MENTION', key: digits };
}

/** Seven digits or more with no letter between them (spaces, `+`, brackets, dots… are fine). */
const DIGIT_RUN = /\d(?:[^\p{L}\d]*\d){6}/gu;

/**
 * Whether `text` from `from` on holds a DIGIT_RUN, without slicing it: the search starts at
 * `from`, and the pattern looks at nothing before where it starts. `from` must not split a
 * surrogate pair.
 */
function digitRunFrom(text: string, from: number): boolean {
  DIGIT_RUN.lastIndex = from;
  return DIGIT_RUN.test(text);
}

/**
 * Whether libphonenumber can find anything in a line: seven digits or more (Niue, Tokelau:
 * +683 1234), and a French number without its country code has nine. libphonenumber costs about
 * 0.3 ms a line; most lines have no such run once the timestamp is set aside. (Austria has valid
 * six-digit numbers, +43 1000: alone on a line, one is not reported.)
 */
export function mayHoldPhone(text: string, from = 0): boolean {
  const rest = from > 0 ? text.slice(from) : text;
  // A WhatsApp line's date and time alone would pass: the test starts after them (at the sender).
  return digitRunFrom(text, from + (parseDatedLine(rest)?.bodyStart ?? 0));
}

/**
 * Every character libphonenumber's candidate pattern can take in: digits, its punctuation, the
 * leading `+` and brackets, and what its extension labels (`;ext=`, `ext.`, `x`, `#`, `int`,
 * `anexo`, `доб`, `,,`) are made of, in either case (its `i` flag also takes the old Cyrillic
 * `ᲁ` and `ᲂ` for `д` and `о`). Any other character (most letters, `€`, `%`, `@`…) ends a
 * candidate, so no number spans it.
 */
export const PHONE_CHAR = /^[\p{Nd}\p{M}+\uFF0B()[\]\uFF08\uFF09\uFF3B\uFF3D\-\u2010-\u2015\u2212\u30FC\uFF0D\uFF0F/\uFF0E. \u00A0\u00AD\u200B\u2060\u3000~\u2053\u223C\uFF5E;=,\t:#\uFF03aeinostx\u00F3AEINOSTX\u00D3\uFF45\uFF58\uFF54\uFF4E\uFF49\uFF25\uFF38\uFF34\uFF2E\uFF29\u0434\u043E\u0431\u0414\u041E\u0411\u1C81\u1C82]$/u;
const DIGIT = /^\p{Nd}$/u;

/**
 * No valid number anywhere has fewer than six digits with its country code (Austria: +43 1000),
 * so a stretch with fewer cannot hold one.
 */
const MIN_PHONE_DIGITS = 6;

const OUTSIDE = 1;
const INSIDE = 2;
const FIGURE = 3;
/** Per UTF-16 code unit (libphonenumber's patterns see code units): 0 until first seen. */
const charKinds = new Uint8Array(0x10000);

function charKind(c: number): number {
  let k = charKinds[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = DIGIT.test(ch) ? FIGURE : PHONE_CHAR.test(ch) ? INSIDE : OUTSIDE;
    charKinds[c] = k;
  }
  return k;
}

/**
 * The parts of `text` worth handing to libphonenumber, as [start, end) pairs: each stretch of
 * candidate characters with six digits or more, with the character either side (libphonenumber
 * looks at them); windows that touch are joined, so no number is found twice. A call costs
 * about 10 µs, plus 5 µs for every group of figures it tries, and a line of prose holds many.
 * Each stretch is asked about alone, even when only words lie between two: a window that spans
 * a message's words is met once and never cached, where a sender's number or a stretch of
 * figures comes back on line after line (`findInWindow`).
 */
export function phoneWindows(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let runStart = 0;
  let digits = 0;
  // The table read inline, `charKind` called only for a unit not yet seen.
  for (let i = 0; i <= n; i++) {
    let c = 0;
    if (i < n) {
      c = text.charCodeAt(i);
      let k = charKinds[c]!;
      if (k === 0) k = charKind(c);
      if (k === FIGURE) {
        digits++;
        continue;
      }
      // A colon follows only an extension label in a number, never a digit (`12:30`, `Sender:`).
      if (k === INSIDE && (c !== 0x3a || i === 0 || charKind(text.charCodeAt(i - 1)) !== FIGURE)) continue;
    }
    if (digits >= MIN_PHONE_DIGITS) {
      // libphonenumber reads `:mm` after a candidate as a time: then the window takes it too.
      const end = Math.min(n, c === 0x3a && /^[0-5]\d/.test(text.slice(i + 1, i + 3)) ? i + 3 : i + 1);
      const start = Math.max(0, runStart - 1);
      if (out.length > 0 && start <= out[out.length - 1]!) out[out.length - 1] = end;
      else out.push(start, end);
    }
    digits = 0;
    runStart = i + 1;
  }
  return out;
}

/** Recent answers for short windows: a sender's number comes back on line after line. */
const recent = new Map<string, NumberFound[]>();
const FOUND_MAX = 16_384;
const FOUND_MAX_LENGTH = 64;

function findInWindow(text: string): NumberFound[] {
  if (text.length > FOUND_MAX_LENGTH) return findPhoneNumbersInText(text, { defaultCountry: 'FR' });
  let r = recent.get(text);
  if (r === undefined) {
    r = findPhoneNumbersInText(text, { defaultCountry: 'FR' });
    if (recent.size >= FOUND_MAX) recent.clear();
    // A copy as the key: the window is a slice of its line, which would keep the chunk's text.
    recent.set(own(text), r);
  }
  return r;
}

/** What `findPhoneNumbersInText(text, { defaultCountry: 'FR' })` finds, asking only about the windows. */
export function findPhoneNumbers(text: string, windows = phoneWindows(text)): NumberFound[] {
  const out: NumberFound[] = [];
  for (let w = 0; w < windows.length; w += 2) {
    const start = windows[w]!;
    for (const p of findInWindow(text.slice(start, windows[w + 1]))) out.push({ startsAt: p.startsAt + start, endsAt: p.endsAt + start, number: p.number });
  }
  return out;
}

const cache = new WeakMap<Chunk, PiiMatch[]>();

/** Every match in a chunk, in order; computed once per chunk for the three rules. */
export function findPii(chunk: Chunk): PiiMatch[] {
  let found = cache.get(chunk);
  if (!found) cache.set(chunk, (found = scan(chunk)));
  return found;
}

interface LineScan {
  readonly out: PiiMatch[];
  readonly line: number;
  readonly text: string;
  readonly sender: Range | undefined;
  readonly asSender: boolean;
  readonly taken: [number, number][];
}

function isFree(s: LineScan, a: number, b: number): boolean {
  return s.taken.every(([x, y]) => b <= x || a >= y);
}

function push(s: LineScan, kind: PiiKind, a: number, b: number, key: string, pseudonymKind = kind): void {
  const asSender = s.asSender || (s.sender !== undefined && a >= s.sender.start.character && b <= s.sender.end.character);
  s.taken.push([a, b]);
  s.out.push({ kind, range: range(s.line, a, s.line, b), text: s.text.slice(a, b), key, asSender, pseudonymKind });
}

function scan(chunk: Chunk): PiiMatch[] {
  const out: PiiMatch[] = [];
  const participantsLine = chunk.header?.fields.find((f) => f.name === 'Participants')?.line;
  const ctx = { out, participantsLine };
  // The header's Participants, then the content.
  for (const f of chunk.header?.fields ?? []) if (f.name === 'Participants' && f.value) scanLine(ctx, chunk.lines[f.line]!, f.line, f.valueRange.start.character, undefined);
  // Messages and content lines are both in line order: a line's message is found by walking
  // the two together, not looked up in two maps made for the chunk.
  const messages = chunk.messages;
  let next = 0;
  for (const cl of chunk.contentLines) {
    while (next < messages.length && messages[next]!.line < cl.line) next++;
    if (cl.kind !== 'blank') scanLine(ctx, cl.text, cl.line, 0, next < messages.length && messages[next]!.line === cl.line ? messages[next] : undefined);
  }
  return out.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
}

/**
 * Where libphonenumber may start reading a dated line without changing what it finds: before a
 * `+` sender, the date and time are a candidate it rejects as a date (`22/01/2025, 18`) and
 * figures too short to be a number, none of which reaches the `+`.
 */
function phoneStart(text: string, m: Message | undefined): number {
  if (!m?.senderRange) return 0;
  const body = m.senderRange.start.character;
  const plus = text.charCodeAt(body) === 0x2b || text.charCodeAt(body) === 0xff0b;
  return plus && text.slice(m.dateRange.start.character, m.dateRange.end.character).includes('/') ? body - 1 : 0;
}

function scanLine(ctx: { out: PiiMatch[]; participantsLine: number | undefined }, text: string, line: number, from: number, m: Message | undefined): void {
  const hasAt = text.includes('@', from);
  // The parse already found where a dated line's sender or text starts.
  const bodyStart = m ? (m.senderRange ?? m.textRange).start.character : 0;
  const may = from > 0 ? mayHoldPhone(text, from) : digitRunFrom(text, bodyStart);
  if (!hasAt && !may) return;
  const s: LineScan = { out: ctx.out, line, text, sender: m?.senderRange, asSender: line === ctx.participantsLine, taken: [] };
  if (hasAt) {
    for (const m of text.matchAll(EMAIL)) if (m.index >= from) push(s, 'EMAIL', m.index, m.index + m[0].length, m[0].toLowerCase());
    for (const m of text.matchAll(MENTION)) {
      if (m.index < from || !isFree(s, m.index, m.index + m[0].length)) continue;
      const k = mentionKey(m[1]!);
      push(s, 'MENTION', m.index, m.index + m[0].length, k.key, k.kind);
    }
  }
  if (!may) return;
  const start = from > 0 ? from : phoneStart(text, m);
  for (const p of findPhoneNumbers(start > 0 ? text.slice(start) : text)) {
    const a = start + p.startsAt;
    const b = start + p.endsAt;
    if (!isFree(s, a, b) || p.number.ext) continue;
    // Digits glued to a word or a URL are an identifier, not a number someone wrote.
    if (/[\p{L}\p{N}/=_.-]/u.test(text[a - 1] ?? '') || /[\p{L}\p{N}/]/u.test(text[b] ?? '')) continue;
    push(s, 'TEL', a, b, p.number.number);
  }
}

/** What replaces a match: the placeholder, kept after `@` for a mention so the text still reads as one. */
export function replacementFor(m: Pick<PiiMatch, 'kind'>, placeholder: string): string {
  return m.kind === 'MENTION' ? `@${placeholder}` : placeholder;
}

/** `[{kind}_{n}]` → `[TEL_3]`; without a number, the redaction mark `[TEL]`. */
export function formatPlaceholder(format: string, kind: PiiKind, n?: number): string {
  const f = format.replace(/\{kind\}/g, kind);
  return n === undefined ? f.replace(/[_\-. ]?\{n\}/g, '') : f.replace(/\{n\}/g, String(n));
}
