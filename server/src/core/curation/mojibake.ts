// Double-encoded UTF-8 (`Ã©` for `é`, `â€™` for `’`): UTF-8 bytes read back as Windows-1252 or
// Latin-1. A candidate is repaired only when its bytes decode as strict UTF-8 into non-ASCII
// text, so French words that merely hold `Ã` or `Â` are left alone.

/** Windows-1252's characters for the bytes 0x80–0x9F (Latin-1 maps them to C1 controls). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const BYTE = new Map<string, number>();
for (let b = 0; b < 256; b++) BYTE.set(String.fromCharCode(b), b);
for (let i = 0; i < 32; i++) BYTE.set(CP1252[i]!, 0x80 + i);

const CONT = `[\\u0080-\\u00BF${CP1252.replace(/[\u0080-\u009F]/g, '')}]`;
/** A lead byte (Â–ô) followed by one to three continuation bytes, repeated. */
export const MOJIBAKE = new RegExp(`(?:[\\u00C2-\\u00F4]${CONT}{1,3})+`, 'gu');

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text the candidate meant, or undefined when it is not double-encoded UTF-8. */
export function repairMojibake(s: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of s) {
    const b = BYTE.get(ch);
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  try {
    const fixed = decoder.decode(new Uint8Array(bytes));
    return fixed !== s && /[^\u0000-\u007F]/.test(fixed) && !/[\u0080-\u009F\uFFFD]/.test(fixed) ? fixed : undefined;
  } catch {
    return undefined;
  }
}

export interface MojibakeSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly repaired: string;
}

/** A lead byte's character then a continuation byte's: what every candidate starts with. */
const MAYBE = new RegExp(`[\\u00C2-\\u00F4]${CONT}`);

export function findMojibake(line: string): MojibakeSpan[] {
  const out: MojibakeSpan[] = [];
  // The Unicode pattern costs on every line; most lines hold no such pair.
  if (!MAYBE.test(line)) return out;
  for (const m of line.matchAll(MOJIBAKE)) {
    const repaired = repairMojibake(m[0]);
    if (repaired !== undefined) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], repaired });
  }
  return out;
}
