// The parts of a chunk the entity and figure extractors read, and its sentences. The header
// is not read, nor a message's date and sender (senders are participants, not entities), nor
// an article's ` date YYYY-MM` prefix. URLs are blanked so `hyperarme.com` is no name and
// `t.co/1234` no figure; positions stay those of the line.
import type { Chunk } from './model';

export interface Segment {
  readonly line: number;
  /** Character where the readable text starts on that line. */
  readonly start: number;
  /** The whole line, with URLs replaced by spaces of the same length. */
  readonly text: string;
}

const URL = /\b(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S+/gi;

export function blankUrls(text: string): string {
  return text.includes('http') || text.includes('www.') || text.includes('pic.twitter') ? text.replace(URL, (u) => ' '.repeat(u.length)) : text;
}

export function contentSegments(chunk: Chunk): readonly Segment[] {
  const out: Segment[] = [];
  const messageStart = new Map<number, number>();
  for (const m of chunk.messages) messageStart.set(m.line, m.textRange.start.character);
  for (const cl of chunk.contentLines) {
    if (cl.kind === 'blank') continue;
    let start = messageStart.get(cl.line) ?? (cl.kind === 'system' ? cl.text.length : 0);
    if (chunk.articleDate && chunk.articleDate.line === cl.line) start = Math.max(start, chunk.articleDate.range.end.character);
    if (start >= cl.text.length) continue;
    out.push({ line: cl.line, start, text: blankUrls(cl.text) });
  }
  return out;
}

/**
 * A sentence ends where `/[.!?…]+["»”)]*(?=\s|$)|\s[-–—]\s|[:;](?=\s)/` matches; `sentenceEnd`
 * finds it by hand (that pattern backtracks over a long run of stops: a minute on 200 000 dots),
 * and test/unit/figures-sentences.test.ts holds the two equal. What a code unit may be in it:
 * a stop (`.!?…`), a dash, a colon (`:;`), a space (`\s`).
 */
const STOP = 1;
const DASH = 2;
const COLON = 4;
const SPACE = 8;
/** The characters every alternative holds one of. */
const HALT_CHAR = /[.!?…\-–—:;]/g;
const SENTENCE_CHARS = (() => {
  const t = new Uint8Array(0x10000);
  for (const c of '.!?…') t[c.charCodeAt(0)] = STOP;
  for (const c of '-–—') t[c.charCodeAt(0)] = DASH;
  for (const c of ':;') t[c.charCodeAt(0)] = COLON;
  // JavaScript's `\s`.
  for (const [a, b] of [[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]]) t.fill(SPACE, a!, b! + 1);
  return t;
})();

/** Whether a code unit is one of JavaScript's `\s`. */
export function isSpace(c: number): boolean {
  return SENTENCE_CHARS[c] === SPACE;
}

/** Whether a code unit is an ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isCloser(c: number): boolean {
  return c === 0x22 || c === 0xbb || c === 0x201d || c === 0x29;
}

/**
 * The end of the first match of the sentence pattern at or after `from`, or -1.
 * Each alternative holds a stop, a dash or a colon, rare characters, so the scan stops at those
 * only, not at each space where ` - ` might start.
 */
export function sentenceEnd(text: string, from: number): number {
  const n = text.length;
  let i = from;
  for (;;) {
    // The next stop, dash or colon: the regex engine scans faster than a loop of charCodeAt (but
    // a run of them, `-----`, is read here, not by a call for each).
    let k = i < n ? SENTENCE_CHARS[text.charCodeAt(i)]! : 0;
    if (k === 0 || k === SPACE) {
      HALT_CHAR.lastIndex = i;
      if (!HALT_CHAR.test(text)) return -1;
      i = HALT_CHAR.lastIndex - 1;
      k = SENTENCE_CHARS[text.charCodeAt(i)]!;
    }
    if (k === STOP) {
      // `[.!?…]+["»”)]*(?=\s|$)`; where it fails, it fails from every stop of the run too.
      let j = i + 1;
      while (j < n && SENTENCE_CHARS[text.charCodeAt(j)] === STOP) j++;
      let e = j;
      while (e < n && isCloser(text.charCodeAt(e))) e++;
      if (e === n || SENTENCE_CHARS[text.charCodeAt(e)] === SPACE) return e;
      i = j;
    } else if (k === DASH) {
      // `\s[-–—]\s`, from the space before the dash, if the scan had not passed it.
      if (i - 1 >= from && i + 1 < n && SENTENCE_CHARS[text.charCodeAt(i - 1)] === SPACE && SENTENCE_CHARS[text.charCodeAt(i + 1)] === SPACE) return i + 2;
      i++;
    } else {
      // `[:;](?=\s)`
      if (i + 1 < n && SENTENCE_CHARS[text.charCodeAt(i + 1)] === SPACE) return i + 1;
      i++;
    }
  }
}

