// Finds web chrome in a chunk: lines a pattern names (data/boilerplate.ts, per language, plus the
// corpus's own patterns), language menus, runs of very short lines and one- or two-word bullet
// lists, the short lines glued to those, and embedded-tweet residue inside a line. Real prose is
// safe by construction: line patterns match whole short lines, phrases are specific sentences,
// and a long line is never pulled into a block.
import { LANGUAGE_NAMES, LANGUAGES, TWEET_MONTHS, type BoilerplateKind } from '../data/boilerplate';
import type { Chunk, Range } from '../model';
import { range } from '../parse';

export interface BoilerplateBlock {
  readonly first: number;
  readonly last: number;
  /** The lines of the block that are chrome (blank lines between them are not listed). */
  readonly lines: readonly number[];
  readonly kinds: readonly BoilerplateKind[];
}

export interface TweetResidue {
  readonly range: Range;
  readonly text: string;
}

const BULLET = /^(?:[•·▪►◦‣*]|-(?=\s)|–(?=\s))\s*/;
const LANGUAGE_SET = new Set([...LANGUAGE_NAMES, 'بالعربية'].map((n) => n.toLowerCase()));
const MONTHS = TWEET_MONTHS.join('|');
// No pattern starts with an unbounded `\s*`: tried at every offset of a long run of spaces, that
// is quadratic (minutes on a 200 000-space line). The spaces before a residue are taken after.
const ATTRIBUTION = new RegExp(`[—–]\\s{0,3}[^()—–\\n]{1,60}?\\s{0,3}\\(@\\w{1,15}\\)\\s{1,3}(?:${MONTHS})\\s{1,3}\\d{1,2},?\\s{1,3}\\d{4}\\s*$`, 'iu');
const PIC = /\bpic\.twitter\.com\/\w+/gi;
const SHORT_LINK = /\bhttps?:\/\/t\.co\/\w+/gi;
/** A signature's dash: one test, where `includes` scans a line of accented text twice (and slowly). */
const DASH = /[—–]/;

/** `start` moved back over the whitespace before it. */
function withSpacesBefore(line: string, start: number): number {
  while (start > 0 && /\s/.test(line[start - 1]!)) start--;
  return start;
}

export function stripBullet(line: string): { text: string; bullet: boolean } {
  const t = line.trim();
  const m = BULLET.exec(t);
  return m ? { text: t.slice(m[0].length).trim(), bullet: true } : { text: t, bullet: false };
}

/** What `findBoilerplate` keeps for a line it never reads (not a continuation line). */
const NOT_READ = { text: '', bullet: false } as const;

const words = (s: string) => (s.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
/** A language's name, maybe with a note in brackets (`Deutsch (Deutschland)`); never a long line. */
const isLanguageName = (s: string) => s.length <= 60 && LANGUAGE_SET.has(s.replace(/\s*\([^)]*\)\s*$/, '').trim().toLowerCase());
/** A line too short to be prose: a button, a menu entry, a label. */
const isTiny = (s: string) => s.length <= 30 && words(s) <= 3 && !/[.!?;]$/.test(s);

function compileCustom(patterns: readonly string[]): RegExp[] {
  const out: RegExp[] = [];
  for (const p of patterns) {
    try {
      out.push(new RegExp(`^(?:${p})$`, 'iu'));
    } catch {
      // A broken pattern in the config is skipped, never fatal.
    }
  }
  return out;
}

/**
 * One test for a whole list of patterns (one alternation per set of flags): matches when one of
 * them does. Most lines match none, and one scan costs less than forty.
 */
export function anyOf(patterns: readonly RegExp[]): (text: string) => boolean {
  const byFlags = new Map<string, string[]>();
  for (const p of patterns) byFlags.set(p.flags, [...(byFlags.get(p.flags) ?? []), `(?:${p.source})`]);
  const all = [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
  return (text) => all.some((r) => r.test(text));
}

/**
 * Whether `text` holds one of `cues` (lower-case ASCII letters and spaces), in any case: a
 * necessary condition for a pattern whose every match holds its cue. One pass of a table read
 * a character, where V8 tries a long alternation of phrases at nearly every offset. A cue that
 * is not three letters or spaces or more turns the test off (it answers true).
 */
export function anyCue(cues: readonly string[]): (text: string) => boolean {
  if (cues.some((c) => !/^[a-z ]{3,}$/.test(c))) return () => true;
  // Letters 1–26 in either case, the space 27, anything else 0; an `iu` pattern also reads the
  // Kelvin sign as k and the long s as s.
  const beyondAscii = (c: number) => (c === 0x212a ? 11 : c === 0x17f ? 19 : 0);
  const code = (c: number) => (c >= 0x61 && c <= 0x7a ? c - 0x60 : c >= 0x41 && c <= 0x5a ? c - 0x40 : c === 0x20 ? 27 : beyondAscii(c));
  const ascii = Uint8Array.from({ length: 128 }, (_, c) => code(c));
  /** `code(c)`, by the table for ASCII. */
  const read = (c: number) => (c < 128 ? ascii[c]! : beyondAscii(c));
  // A cue's first three characters, five bits each, number the list of the cues starting so
  // (16 bits: as many lists as there are such starts, 2^15, never wrap to 0, "no list").
  const start = new Uint16Array(1 << 15);
  const lists: string[][] = [[]];
  for (const cue of cues) {
    const h = (code(cue.charCodeAt(0)) << 10) | (code(cue.charCodeAt(1)) << 5) | code(cue.charCodeAt(2));
    if (start[h] === 0) start[h] = lists.push([]) - 1;
    lists[start[h]!]!.push(cue);
  }
  const at = (text: string, from: number, cue: string) => {
    if (from + cue.length > text.length) return false;
    for (let k = 3; k < cue.length; k++) {
      if (read(text.charCodeAt(from + k)) !== code(cue.charCodeAt(k))) return false;
    }
    return true;
  };
  return (text) => {
    let h = 0;
    for (let i = 0; i < text.length; i++) {
      h = ((h << 5) | read(text.charCodeAt(i))) & 0x7fff;
      const list = start[h]!;
      if (list !== 0) for (const cue of lists[list]!) if (at(text, i - 2, cue)) return true;
    }
    return false;
  };
}

const PHRASES = LANGUAGES.flatMap((l) => l.phrases);
const anyLinePattern = anyOf(LANGUAGES.flatMap((l) => l.lines.map((p) => p.pattern)));
const anyPhrase = anyOf(PHRASES.map((p) => p.pattern));
const anyPhraseCue = anyCue(PHRASES.map((p) => p.cue));

/** The kind of chrome a single line is by its own text, if any. */
export function classifyLine(line: string, custom: readonly RegExp[] = []): BoilerplateKind | undefined {
  return classifyText(stripBullet(line).text, custom);
}

/** classifyLine, for a line already trimmed and stripped of its bullet. */
function classifyText(text: string, custom: readonly RegExp[]): BoilerplateKind | undefined {
  if (text === '') return undefined;
  if (custom.some((r) => r.test(text))) return 'custom';
  if (anyLinePattern(text)) {
    for (const lang of LANGUAGES) {
      for (const p of lang.lines) if (p.pattern.test(text)) return p.kind;
    }
  }
  if (anyPhraseCue(text) && anyPhrase(text)) {
    for (const lang of LANGUAGES) {
      for (const p of lang.phrases) if (p.pattern.test(text)) return p.kind;
    }
  }
  if (/^[—–]/.test(text) && ATTRIBUTION.test(text) && ATTRIBUTION.exec(text)!.index === 0) return 'tweet';
  return undefined;
}

export function findBoilerplate(chunk: Chunk, customPatterns: readonly string[] = []): BoilerplateBlock[] {
  const custom = compileCustom(customPatterns);
  const n = chunk.lines.length;
  const eligible: boolean[] = new Array(n).fill(false);
  for (const cl of chunk.contentLines) eligible[cl.line] = cl.kind === 'continuation';
  // Only eligible lines are read (every use of `text` is behind `eligible`).
  const text = chunk.lines.map((l, i) => (eligible[i] ? stripBullet(l) : NOT_READ));
  const kind: (BoilerplateKind | undefined)[] = text.map((t, i) => (eligible[i] ? classifyText(t.text, custom) : undefined));
  const nonBlank = (i: number) => eligible[i] === true && text[i]!.text !== '';

  // Runs of consecutive non-blank lines, for the structural signals.
  const runs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (!nonBlank(i)) continue;
    let j = i;
    while (j + 1 < n && nonBlank(j + 1)) j++;
    runs.push([i, j]);
    i = j;
  }
  const markRun = (a: number, b: number, test: (i: number) => boolean, min: number, k: BoilerplateKind) => {
    for (let i = a; i <= b; i++) {
      if (!test(i)) continue;
      let j = i;
      while (j + 1 <= b && test(j + 1)) j++;
      if (j - i + 1 >= min) for (let x = i; x <= j; x++) kind[x] ??= k;
      i = j;
    }
  };
  for (const [a, b] of runs) {
    markRun(a, b, (i) => isLanguageName(text[i]!.text), 3, 'language-menu');
    if (chunk.kind === 'article') {
      markRun(a, b, (i) => isTiny(text[i]!.text) && words(text[i]!.text) <= 2, 5, 'structure');
      markRun(a, b, (i) => text[i]!.bullet && words(text[i]!.text) <= 2 && text[i]!.text.length <= 30, 3, 'structure');
    }
  }
  // Lines glued to chrome: a tiny line next to it, or a short one between two pieces of it.
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (kind[i] || !nonBlank(i)) continue;
      const above = i > 0 && nonBlank(i - 1) ? kind[i - 1] : undefined;
      const below = i + 1 < n && nonBlank(i + 1) ? kind[i + 1] : undefined;
      const t = text[i]!.text;
      const sandwiched = above && below && t.length <= 80 && words(t) <= 12 && !/[.!?;:]$/.test(t);
      if ((above || below) && (isTiny(t) || sandwiched)) {
        kind[i] = above ?? below;
        changed = true;
      }
    }
  }
  // Blocks: chrome lines, with the blank lines between them.
  const blocks: BoilerplateBlock[] = [];
  for (let i = 0; i < n; i++) {
    if (!kind[i]) continue;
    const lines = [i];
    let last = i;
    for (let j = i + 1; j < n; j++) {
      if (kind[j]) {
        lines.push(j);
        last = j;
      } else if (j < chunk.contentStartLine || chunk.lines[j]!.trim() !== '') break;
    }
    blocks.push({ first: i, last, lines, kinds: [...new Set(lines.map((l) => kind[l]!))] });
    i = last;
  }
  return blocks;
}

/** `pic.twitter.com/…`, `https://t.co/…` and `— Name (@handle) Month D, YYYY` inside a line of text. */
export function findTweetResidue(chunk: Chunk, skipLines: ReadonlySet<number>): TweetResidue[] {
  const out: TweetResidue[] = [];
  for (const cl of chunk.contentLines) {
    if (cl.kind !== 'continuation' || skipLines.has(cl.line)) continue;
    const line = cl.text;
    // Both links hold a `/`, a signature a dash: most lines hold neither.
    const slash = line.includes('/');
    const dash = DASH.test(line);
    if (!slash && !dash) continue;
    const spans: [number, number][] = [];
    if (slash) for (const re of [PIC, SHORT_LINK]) for (const m of line.matchAll(re)) spans.push([withSpacesBefore(line, m.index), m.index + m[0].length]);
    const a = dash ? ATTRIBUTION.exec(line) : null;
    if (a && a.index > 0) spans.push([withSpacesBefore(line, a.index), line.length]);
    spans.sort((x, y) => x[0] - y[0]);
    // Touching spans (only spaces between) make one residue.
    const merged: [number, number][] = [];
    for (const s of spans) {
      const prev = merged[merged.length - 1];
      if (prev && line.slice(prev[1], s[0]).trim() === '') prev[1] = Math.max(prev[1], s[1]);
      else merged.push([...s]);
    }
    for (const [x, y] of merged) out.push({ range: range(cl.line, x, cl.line, y), text: line.slice(x, y) });
  }
  return out;
}
