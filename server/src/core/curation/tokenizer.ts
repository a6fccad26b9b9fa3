// A real tokenizer's count (o200k_base, the encoding of current OpenAI models), loaded on first
// use only: its tables weigh megabytes, and only chunks over budget need it.
import { own } from '../own';

type Counter = (text: string) => number;
let counter: Counter | undefined;

/**
 * No piece is longer than this. BPE merging is quadratic in the length of one pre-token, so a
 * 200 000-character line without a space would take tens of seconds in one go.
 */
export const PIECE = 4096;
/** Pieces are cut where the content says (below), about every this many characters. */
const MIN_PIECE = 48;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x85 || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x205f;

/**
 * Cuts `text` into pieces whose counts add up to the whole text's count. A cut is made only
 * just before a space or a tab that follows a non-space: o200k's pre-tokenizer never joins the
 * two sides of such a place into one pre-token (a newline is not such a place: `.\n` is one).
 * Where to cut among those places is decided by a hash of the piece so far (content-defined,
 * as in deduplicating backup tools), so an edit changes only the pieces around it and the
 * others are found in the cache: a keystroke recounts about a hundred characters, not the
 * chunk. Only a run of 4 096 characters without such a place is cut where it stands; there the
 * count can differ from the whole text's by a token or two.
 */
export function pieces(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (i - start >= MIN_PIECE && (c === 32 || c === 9) && !isSpace(text.charCodeAt(i - 1)) && (h & 7) === 0) {
      out.push(text.slice(start, i));
      start = i;
      h = 0;
    } else if (i - start >= PIECE) {
      // Never between the two halves of a surrogate pair.
      const cut = c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
      out.push(text.slice(start, cut));
      start = cut;
      h = 0;
    }
    h = (Math.imul(h, 31) + c) | 0;
    h ^= h >>> 13;
  }
  out.push(text.slice(start));
  return out;
}

const counts = new Map<string, number>();
const CACHE_LIMIT = 50_000;

/**
 * Loads the tokenizer's tables (about half a second). The server calls it once its start-up
 * scan is done, so the first chunk a user opens does not wait for it.
 */
export function loadTokenizer(): Counter {
  if (!counter) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('gpt-tokenizer/encoding/o200k_base') as { countTokens: Counter };
    counter = mod.countTokens;
  }
  return counter;
}

export function countO200k(text: string): number {
  const counter = loadTokenizer();
  let n = 0;
  for (const p of pieces(text)) {
    let c = counts.get(p);
    if (c === undefined) {
      c = counter(p);
      if (counts.size >= CACHE_LIMIT) counts.clear();
      // A copy as the key: a piece is a slice of its text, which would stay alive with it.
      counts.set(own(p), c);
    }
    n += c;
  }
  return n;
}
