// Finds entity mentions in a chunk: gazetteer names and their aliases (longest first), in
// the `hashtag#OpenAI`, `#OpenAI` and `@OpenAI` forms and after an elision (`d’OpenAI`,
// `l'IA`), then capitalised names the gazetteer does not know. A capitalised word that opens
// a sentence is a name only when it is no common word and the chunk also writes it
// capitalised elsewhere mid-sentence (`Altman fait face…` after `coûté à Altman`).
import type { Chunk } from '../model';
import { contentSegments, type Segment } from '../index-text';
import { foldWord } from './fold';
import type { EntityKind } from './gazetteer';
import { ALIAS, PREFIX, type EntityRecognizer } from './recognizer';
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

/** Mutable, and reused from chunk to chunk (`TOKENS`): no object per word of the corpus. */
interface Token {
  text: string;
  start: number;
  end: number;
  form: MentionForm;
  /** Opens a sentence (or the line, or a quotation). */
  initial: boolean;
  /** Only spaces or a hyphen between this token and the previous one. */
  joined: boolean;
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
const JOIN_GAP = /^[\s\u00a0\u202f]*-?[\s\u00a0\u202f]*$/;

/** The tokens of the segment being read; `tokens` fills it, and nothing keeps a token past its segment. */
const TOKENS: Token[] = [];

/** Fills `TOKENS` with a segment's words; gives their count. */
function tokens(seg: Segment): number {
  let count = 0;
  const { text } = seg;
  const length = text.length;
  let prevEnd = seg.start;
  let elided = false;
  let first = true;
  let start = seg.start;
  for (;;) {
    start = nextWordStart(text, start);
    if (start >= length) break;
    const end = wordEnd(text, start);
    const word = text.slice(start, end);
    // Most gaps are one space: no slice, no test.
    const plainSpace = start - prevEnd === 1 && text.charCodeAt(prevEnd) === 0x20;
    const gap = plainSpace ? ' ' : text.slice(prevEnd, start);
    // `d’OpenAI`: the elision is no token; the word after it keeps the elision as its form.
    const next = text.charCodeAt(end);
    if ((next === 0x27 || next === 0x2019) && word.length <= 7 && ELISIONS.has(word.toLowerCase()) && LETTER.test(text[end + 1] ?? '')) {
      first = first || BOUNDARY.test(gap);
      elided = true;
      prevEnd = end + 1;
      start = end;
      continue;
    }
    // `hashtag#X`: the `hashtag` prefix is a copy artifact, not a word of the text.
    if (next === 0x23 && word === 'hashtag') {
      prevEnd = end;
      start = end;
      continue;
    }
    const before = text.charCodeAt(start - 1);
    const form: MentionForm = before === 0x23 ? 'hashtag' : before === 0x40 ? 'handle' : elided ? 'elided' : 'plain';
    const initial = !elided && (first || (!plainSpace && BOUNDARY.test(gap)));
    const joined = !first && !elided && (plainSpace || (gap.length > 0 && JOIN_GAP.test(gap)));
    const t = TOKENS[count];
    if (t) {
      t.text = word;
      t.start = start;
      t.end = end;
      t.form = form;
      t.initial = initial;
      t.joined = joined;
    } else TOKENS.push({ text: word, start, end, form, initial, joined });
    count++;
    first = false;
    elided = false;
    prevEnd = end;
    start = end;
  }
  return count;
}

function isCapitalised(w: string): boolean {
  const code = w.charCodeAt(0);
  // Lower-case ASCII letters and digits, most words: no capital.
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return false;
  const c = w[0]!;
  if (w.length < 2 || c === c.toLowerCase() || !UPPER.test(c)) return false;
  // Shouted words (`NOUVEAU`, `ATTENTION`) are no names; short acronyms may be.
  if (w.length > 5 && w === w.toUpperCase()) return false;
  return !COMMON_CAPITALISED.has(foldWord(w));
}

/** Every entity mention of a chunk, in reading order. */
export function extractEntities(chunk: Chunk, recognizer: EntityRecognizer): EntityMention[] {
  const known: EntityMention[] = [];
  const candidates: { mention: EntityMention; initialSingle: boolean }[] = [];
  const midSentence = new Set<string>();
  for (const seg of contentSegments(chunk)) {
    const length = tokens(seg);
    const toks = TOKENS;
    let i = 0;
    while (i < length) {
      const t0 = toks[i]!;
      let matched = 0;
      // Longest alias first; the words of a multi-word name are joined by spaces or hyphens
      // only. Each word is folded once; a longer match is tried only while some alias starts so.
      let key = '';
      const hits: number[] = [];
      for (let n = 1; n <= recognizer.maxWords && i + n <= length; n++) {
        const tok = toks[i + n - 1]!;
        if (n > 1 && (!tok.joined || t0.form === 'handle')) break;
        key = n === 1 ? foldWord(tok.text) : `${key} ${foldWord(tok.text)}`;
        const found = recognizer.lookup(key);
        if ((found & ALIAS) !== 0) hits.push(n);
        if ((found & PREFIX) === 0) break;
      }
      for (let h = hits.length - 1; h >= 0; h--) {
        const n = hits[h]!;
        const last = toks[i + n - 1]!;
        const surface = seg.text.slice(t0.start, last.end);
        // foldWord is foldKey with a cache: a one-word surface is folded already, and names of
        // several words repeat too.
        const entity = recognizer.match(foldWord(surface), surface, t0.form === 'hashtag');
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
      if (t0.form !== 'handle' && isCapitalised(t0.text)) {
        let j = i + 1;
        while (j < length && toks[j]!.joined && toks[j]!.form === 'plain' && isCapitalised(toks[j]!.text) && !recognizer.match(foldWord(toks[j]!.text), toks[j]!.text, false)) j++;
        const last = toks[j - 1]!;
        const surface = seg.text.slice(t0.start, last.end);
        const single = j - i === 1;
        const key = foldWord(surface);
        if (!/^\d/.test(key)) {
          if (!t0.initial && single) midSentence.add(key);
          candidates.push({ mention: { entity: `n:${key}`, line: seg.line, start: t0.start, end: last.end, surface, form: t0.form }, initialSingle: t0.initial && single && t0.form === 'plain' });
        }
        i = j;
        continue;
      }
      i++;
    }
  }
  // A hostile 200 000-character line leaves no tens of thousands of tokens behind.
  if (TOKENS.length > 4096) TOKENS.length = 4096;
  const names = candidates.filter((c) => !c.initialSingle || midSentence.has(c.mention.entity.slice(2))).map((c) => c.mention);
  return [...known, ...names].sort((a, b) => a.line - b.line || a.start - b.start);
}
