// Personal data in a chunk: phone numbers (libphonenumber-js, any French or international
// writing), e-mail addresses, and WhatsApp mentions (`@33612345678`). Each match carries a key
// that is the same for every writing of the same thing, so pseudonyms stay consistent.
import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Chunk, Range } from '../model';
import { range } from '../parse';
import { parseDatedLine } from '../whatsapp';

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

/** Lines worth scanning, with where to start: the content, and the header's Participants. */
function scannedLines(chunk: Chunk): { line: number; from: number }[] {
  const out: { line: number; from: number }[] = [];
  for (const f of chunk.header?.fields ?? []) if (f.name === 'Participants' && f.value) out.push({ line: f.line, from: f.valueRange.start.character });
  for (let l = chunk.contentStartLine; l < chunk.lines.length; l++) if (chunk.lines[l]!.trim() !== '') out.push({ line: l, from: 0 });
  return out;
}

/** The key of a mention: the phone number it is, when its digits are one. */
export function mentionKey(digits: string): { kind: PiiKind; key: string } {
  const p = parsePhoneNumberFromString(`+${digits}`);
  return p?.isValid() ? { kind: 'TEL', key: p.number } : { kind: 'MENTION', key: digits };
}

/** Seven digits or more with no letter between them (spaces, `+`, brackets, dots… are fine). */
const DIGIT_RUN = /\d(?:[^\p{L}\d]*\d){6}/u;

/**
 * Whether libphonenumber can find anything in a line: no valid number anywhere has fewer than
 * seven digits with its country code (Niue, Tokelau: +683 1234), and a French one without it has
 * nine. libphonenumber costs about 0.3 ms a line; most lines have no such run once the
 * timestamp is set aside.
 */
export function mayHoldPhone(text: string, from = 0): boolean {
  const rest = from > 0 ? text.slice(from) : text;
  // A WhatsApp line's date and time alone would pass: the test starts after them (at the sender).
  return DIGIT_RUN.test(rest.slice(parseDatedLine(rest)?.bodyStart ?? 0));
}

const cache = new WeakMap<Chunk, PiiMatch[]>();

/** Every match in a chunk, in order; computed once per chunk for the three rules. */
export function findPii(chunk: Chunk): PiiMatch[] {
  let found = cache.get(chunk);
  if (!found) cache.set(chunk, (found = scan(chunk)));
  return found;
}

function scan(chunk: Chunk): PiiMatch[] {
  const out: PiiMatch[] = [];
  const senderAt = new Map(chunk.messages.filter((m) => m.senderRange).map((m) => [m.line, m.senderRange!]));
  const participantsLine = chunk.header?.fields.find((f) => f.name === 'Participants')?.line;
  for (const { line, from } of scannedLines(chunk)) {
    const text = chunk.lines[line]!;
    const taken: [number, number][] = [];
    const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
    const push = (kind: PiiKind, a: number, b: number, key: string, pseudonymKind = kind) => {
      const sender = senderAt.get(line);
      const asSender = line === participantsLine || (sender !== undefined && a >= sender.start.character && b <= sender.end.character);
      taken.push([a, b]);
      out.push({ kind, range: range(line, a, line, b), text: text.slice(a, b), key, asSender, pseudonymKind });
    };
    if (text.includes('@', from)) {
      for (const m of text.matchAll(EMAIL)) if (m.index >= from) push('EMAIL', m.index, m.index + m[0].length, m[0].toLowerCase());
      for (const m of text.matchAll(MENTION)) {
        if (m.index < from || !free(m.index, m.index + m[0].length)) continue;
        const k = mentionKey(m[1]!);
        push('MENTION', m.index, m.index + m[0].length, k.key, k.kind);
      }
    }
    if (!mayHoldPhone(text, from)) continue;
    for (const p of findPhoneNumbersInText(text.slice(from), { defaultCountry: 'FR' })) {
      const a = from + p.startsAt;
      const b = from + p.endsAt;
      if (!free(a, b) || p.number.ext) continue;
      // Digits glued to a word or a URL are an identifier, not a number someone wrote.
      if (/[\p{L}\p{N}/=_.-]/u.test(text[a - 1] ?? '') || /[\p{L}\p{N}/]/u.test(text[b] ?? '')) continue;
      push('TEL', a, b, p.number.number);
    }
  }
  return out.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
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
