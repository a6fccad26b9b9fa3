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

export function contentSegments(chunk: Chunk): Segment[] {
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

const SENTENCE_END = /[.!?…]+["»”)]*(?=\s|$)|\s[-–—]\s|[:;](?=\s)/g;

/** Sentence spans `[start, end)` of a line from `from` on: split after `.`, `!`, `?`, `…`, and at `:` `;` and dashes. */
export function sentenceSpans(text: string, from = 0): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (end > start) out.push([start, end]);
    start = end;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}
