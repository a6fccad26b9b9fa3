// A real tokenizer's count (o200k_base, the encoding of current OpenAI models), loaded on first
// use only: its tables weigh megabytes, and only chunks over budget need it.
type Counter = (text: string) => number;
let counter: Counter | undefined;

/**
 * Texts are counted in pieces of at most this many characters. BPE merging is quadratic in the
 * length of one pre-token, so a 200 000-character line without a space would take tens of
 * seconds in one go.
 */
export const PIECE = 4096;

/**
 * Where to cut `text` into pieces. A cut just before a whitespace that follows a non-whitespace
 * character is exact: o200k's pre-tokenizer never joins the two sides into one pre-token. Only
 * a window with no such place (a run of 3 000+ characters without a space) is cut hard, and there
 * the count can differ from the whole text’s by a token or two per cut.
 */
export function pieces(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (text.length - start > PIECE) {
    let cut = -1;
    for (let p = start + PIECE; p > start + PIECE / 4; p--) {
      if (/\s/.test(text[p]!) && !/\s/.test(text[p - 1]!)) {
        cut = p;
        break;
      }
    }
    if (cut < 0) {
      cut = start + PIECE;
      // Never between the two halves of a surrogate pair.
      const c = text.charCodeAt(cut);
      if (c >= 0xdc00 && c <= 0xdfff) cut--;
    }
    out.push(text.slice(start, cut));
    start = cut;
  }
  out.push(text.slice(start));
  return out;
}

export function countO200k(text: string): number {
  if (!counter) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('gpt-tokenizer/encoding/o200k_base') as { countTokens: Counter };
    counter = mod.countTokens;
  }
  let n = 0;
  for (const p of pieces(text)) n += counter(p);
  return n;
}
