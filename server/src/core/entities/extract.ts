// Finds entity mentions in a chunk: gazetteer names and their aliases (longest first), in
// the `hashtag#OpenAI`, `#OpenAI` and `@OpenAI` forms and after an elision (`d’OpenAI`,
// `l'IA`), then capitalised names the gazetteer does not know. A capitalised word that opens
// a sentence is a name only when it is no common word and the chunk also writes it
// capitalised elsewhere mid-sentence (`Altman fait face…` after `coûté à Altman`).
import type { Chunk } from '../model';
import { contentSegments, isDigit, isSpace, type Segment } from '../index-text';
import { filterSlot, foldAdd, foldMul, foldWord } from './fold';
import type { EntityKind } from './gazetteer';
import { ALIAS, FIRST_WORD, LATER_WORD, PREFIX, type EntityRecognizer } from './recognizer';
import { COMMON_CAPITALISED } from './common-words';

export type MentionForm = 'plain' | 'hashtag' | 'handle' | 'elided';

export interface EntityMention {
  /** `e:…` for a known entity, `n:…` for a capitalised name found by the heuristics. */
  readonly entity: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The name as written, without its `#`, `@` or elision. */
  readonly surface: string;
  readonly form: MentionForm;
}

/** Kind of an entity found only by the heuristics. */
export type MentionKind = EntityKind | 'name';

/**
 * A word that may matter: one the recognizer may know, or a capitalised one. Mutable, and
 * reused from chunk to chunk (`TOKENS`): no object per word of the corpus.
 */
interface Token {
  /** The word, cut from the line only when needed (`wordOf`). */
  text: string;
  /** `foldWord(text)`, once needed (`foldedOf`). */
  folded: string;
  start: number;
  end: number;
  form: MentionForm;
  /** Opens a sentence (or the line, or a quotation). */
  initial: boolean;
  /** Follows the previous token, with only spaces or a hyphen between them (no word either). */
  joined: boolean;
  /** The recognizer may know the folded word alone: it is a `FIRST_WORD`, or folds the plain way. */
  first: boolean;
  /** Starts with a capital letter (`isCapitalised`'s first test). */
  cap: boolean;
}

/**
 * Letters and digits by explicit ranges (Latin with accents, Greek, Cyrillic, CJK…), as a table
 * over the BMP: a word starts with a `START` character and goes on with `START` characters
 * and combining accents (U+0300–U+036F). Several times faster than Unicode properties, and
 * than a regular expression's matches: no match object per word.
 */
const START = 1;
const GOES_ON = 2;
const WORD_CHARS = (() => {
  const t = new Uint8Array(0x10000);
  const ranges: [number, number][] = [[0x41, 0x5a], [0x61, 0x7a], [0x30, 0x39], [0xaa, 0xaa], [0xb5, 0xb5], [0xba, 0xba], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x24f], [0x370, 0x3ff], [0x400, 0x52f], [0x1e00, 0x1fff], [0x3040, 0x9fff], [0xac00, 0xd7af]];
  for (const [a, b] of ranges) t.fill(START | GOES_ON, a, b + 1);
  t.fill(GOES_ON, 0x300, 0x370);
  return t;
})();

/** Where the next word starts at or after `from` (`text.length` if none). */
export function nextWordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && (WORD_CHARS[text.charCodeAt(i)]! & START) === 0) i++;
  return i;
}

/** Where the word starting at `start` ends. */
export function wordEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && (WORD_CHARS[text.charCodeAt(i)]! & GOES_ON) !== 0) i++;
  return i;
}

const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'presqu']);
const BOUNDARY = /[.!?…:;•"«“(\[|]|\s[-–—]\s/u;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
/** Whether `BOUNDARY` matches `text.slice(from, to)`, a gap between words, without the slice in most cases. */
function boundaryIn(text: string, from: number, to: number): boolean {
  let dash = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b || c === 0x22 || c === 0x28 || c === 0x5b || c === 0x7c : c === 0x2026 || c === 0x2022 || c === 0xab || c === 0x201c) return true;
    if (c === 0x2d || c === 0x2013 || c === 0x2014) dash = true;
  }
  // ` - ` and its kin: rare, left to the pattern.
  return dash && BOUNDARY.test(text.slice(from, to));
}

/** Whether `/^[\s\u00a0\u202f]*-?[\s\u00a0\u202f]*$/` matches `text.slice(from, to)`: spaces, at most one hyphen. */
function joinGapIn(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (i < to && text.charCodeAt(i) === 0x2d) i++;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i === to;
}

/** Whether a code unit is a capital letter, as `isCapitalised` tests a word's first one: 0 not known yet, 1 yes, 2 no. */
const CAPITAL = new Uint8Array(0x10000);

function capital(code: number): boolean {
  let k = CAPITAL[code]!;
  if (k === 0) {
    const c = String.fromCharCode(code);
    CAPITAL[code] = k = c !== c.toLowerCase() && UPPER.test(c) ? 1 : 2;
  }
  return k === 1;
}

/** The tokens of the segment being read; `tokens` fills it, and nothing keeps a token past its segment. */
const TOKENS: Token[] = [];

/**
 * Fills `TOKENS` with a segment's words that may matter; gives their count. The others, most
 * words, are read (they end sentences, break runs of names) but kept nowhere: a word the
 * recognizer does not know and that has no capital starts nothing, and stops any name it follows
 * (see `extractEntities`), as a word in between does.
 */
function tokens(seg: Segment, words: Uint8Array): number {
  let count = 0;
  const { text } = seg;
  const length = text.length;
  let prevEnd = seg.start;
  let elided = false;
  let first = true;
  // Whether the previous word is the last token.
  let follows = false;
  let start = seg.start;
  // The code unit at `start` and the one before it: the next word's start (`nextWordStart`),
  // its end (`wordEnd`), and the hash of its folded characters on the way (see fold.ts) read
  // each code unit once, the ones around a word included.
  let c = start < length ? text.charCodeAt(start) : 0;
  let before = start > 0 ? text.charCodeAt(start - 1) : -1;
  for (;;) {
    while (start < length && (WORD_CHARS[c]! & START) === 0) {
      before = c;
      if (++start < length) c = text.charCodeAt(start);
    }
    if (start >= length) break;
    const cap = capital(c);
    let end = start;
    let h = 0;
    let plain = false;
    do {
      // Below 0x80, only ASCII letters and digits are word characters.
      if (c < 0x80) h = (Math.imul(h, 31) + (c <= 0x5a && c >= 0x41 ? c + 32 : c)) | 0;
      else if (!plain) {
        const mul = foldMul(c);
        if (mul < 0) plain = true;
        else h = (Math.imul(h, mul) + foldAdd(c)) | 0;
      }
      if (++end >= length) break;
      c = text.charCodeAt(end);
    } while ((WORD_CHARS[c]! & GOES_ON) !== 0);
    const next = end < length ? c : NaN;
    // Most gaps are one space: no test.
    const plainSpace = start - prevEnd === 1 && before === 0x20;
    // `d’OpenAI`: the elision is no token; the word after it keeps the elision as its form.
    if ((next === 0x27 || next === 0x2019) && end - start <= 7 && ELISIONS.has(text.slice(start, end).toLowerCase()) && LETTER.test(text[end + 1] ?? '')) {
      first = first || (!plainSpace && boundaryIn(text, prevEnd, start));
      elided = true;
      prevEnd = end + 1;
      start = end;
      continue;
    }
    // `hashtag#X`: the `hashtag` prefix is a copy artifact, not a word of the text.
    if (next === 0x23 && end - start === 7 && text.startsWith('hashtag', start)) {
      prevEnd = end;
      start = end;
      continue;
    }
    const known = plain ? FIRST_WORD | LATER_WORD : words[filterSlot(h)]!;
    if (known !== 0 || cap) {
      const form: MentionForm = before === 0x23 ? 'hashtag' : before === 0x40 ? 'handle' : elided ? 'elided' : 'plain';
      const initial = !elided && (first || (!plainSpace && boundaryIn(text, prevEnd, start)));
      const joined = follows && !first && !elided && (plainSpace || (start > prevEnd && joinGapIn(text, prevEnd, start)));
      const t = TOKENS[count];
      if (t) {
        t.text = '';
        t.folded = '';
        t.start = start;
        t.end = end;
        t.form = form;
        t.initial = initial;
        t.joined = joined;
        t.first = (known & FIRST_WORD) !== 0;
        t.cap = cap;
      } else TOKENS.push({ text: '', folded: '', start, end, form, initial, joined, first: (known & FIRST_WORD) !== 0, cap });
      count++;
      follows = true;
    } else follows = false;
    first = false;
    elided = false;
    prevEnd = end;
    start = end;
  }
  return count;
}

/** A token's word, cut once. */
function wordOf(text: string, t: Token): string {
  return t.text === '' ? (t.text = text.slice(t.start, t.end)) : t.text;
}

/** A token's folded word, folded once. */
function foldedOf(text: string, t: Token): string {
  return t.folded === '' ? (t.folded = foldWord(wordOf(text, t))) : t.folded;
}

function isCapitalised(text: string, t: Token): boolean {
  // Lower-case letters and digits, most words: no capital, and no string.
  if (!t.cap || t.end - t.start < 2) return false;
  const w = wordOf(text, t);
  // Shouted words (`NOUVEAU`, `ATTENTION`) are no names; short acronyms may be.
  if (w.length > 5 && w === w.toUpperCase()) return false;
  return !COMMON_CAPITALISED.has(foldedOf(text, t));
}

/** Where the longest aliases found at a token end, in words: reused, like `TOKENS`. */
const HITS: number[] = [];

/**
 * Every entity mention of a chunk, in reading order. `segments`: the chunk's
 * `contentSegments`, when the caller has them already (buildRecord).
 */
export function extractEntities(chunk: Chunk, recognizer: EntityRecognizer, segments: readonly Segment[] = contentSegments(chunk)): EntityMention[] {
  const known: EntityMention[] = [];
  const candidates: { mention: EntityMention; key: string; initialSingle: boolean }[] = [];
  const midSentence = new Set<string>();
  for (const seg of segments) {
    const length = tokens(seg, recognizer.words);
    const toks = TOKENS;
    const { text } = seg;
    let i = 0;
    while (i < length) {
      const t0 = toks[i]!;
      let matched = 0;
      // Longest alias first; the words of a multi-word name are joined by spaces or hyphens
      // only. Each word is folded once; a longer match is tried only while some alias starts so.
      let key = '';
      let hits = 0;
      for (let n = 1; t0.first && n <= recognizer.maxWords && i + n <= length; n++) {
        const tok = toks[i + n - 1]!;
        if (n > 1 && (!tok.joined || t0.form === 'handle')) break;
        key = n === 1 ? foldedOf(text, tok) : `${key} ${foldedOf(text, tok)}`;
        const found = recognizer.lookup(key);
        if ((found & ALIAS) !== 0) HITS[hits++] = n;
        if ((found & PREFIX) === 0) break;
      }
      for (let h = hits - 1; h >= 0; h--) {
        const n = HITS[h]!;
        const last = toks[i + n - 1]!;
        // A one-word surface is cut and folded already; foldWord caches names of several words, which repeat.
        const surface = n === 1 ? wordOf(text, t0) : text.slice(t0.start, last.end);
        const entity = recognizer.match(n === 1 ? foldedOf(text, t0) : foldWord(surface), surface, t0.form === 'hashtag');
        if (entity) {
          known.push({ entity: entity.id, line: seg.line, start: t0.start, end: last.end, surface, form: t0.form });
          matched = n;
          break;
        }
      }
      if (matched > 0) {
        i += matched;
        continue;
      }
      // A run of capitalised words the gazetteer does not know: a name, perhaps.
      if (t0.form !== 'handle' && isCapitalised(text, t0)) {
        let j = i + 1;
        for (; j < length; j++) {
          const t = toks[j]!;
          if (!t.joined || t.form !== 'plain' || !isCapitalised(text, t) || (t.first && recognizer.match(foldedOf(text, t), t.text, false))) break;
        }
        const last = toks[j - 1]!;
        const single = j - i === 1;
        // One word: cut already, by isCapitalised.
        const surface = single ? wordOf(text, t0) : text.slice(t0.start, last.end);
        const key = single ? foldedOf(text, t0) : foldWord(surface);
        // Not a number (`2025`, `3M`): a key that starts with a digit names nothing.
        if (!isDigit(key.charCodeAt(0))) {
          if (!t0.initial && single) midSentence.add(key);
          candidates.push({ mention: { entity: `n:${key}`, line: seg.line, start: t0.start, end: last.end, surface, form: t0.form }, key, initialSingle: t0.initial && single && t0.form === 'plain' });
        }
        i = j;
        continue;
      }
      i++;
    }
  }
  // A hostile 200 000-character line leaves no tens of thousands of tokens behind.
  if (TOKENS.length > 4096) TOKENS.length = 4096;
  const names = candidates.filter((c) => !c.initialSingle || midSentence.has(c.key)).map((c) => c.mention);
  return inReadingOrder(known, names);
}

/** Two lists of mentions in reading order as one: merged, as both are in that order already (and no two start at the same place). */
function inReadingOrder(a: EntityMention[], b: EntityMention[]): EntityMention[] {
  if (b.length === 0) return a;
  const out: EntityMention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (y.line < x.line || (y.line === x.line && y.start < x.start)) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
    }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
