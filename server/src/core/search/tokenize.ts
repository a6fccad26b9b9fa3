// Search terms: accents and case folded, French elisions and the LinkedIn `hashtag#` artifact
// removed, so `États-Unis`, `etats unis` and `Etats-Unis` meet, and `d’OpenAI` is `openai`.

const STOP = new Set((
  'a au aux avec ce ces cet cette dans de des du elle en est et il ils je la le les leur lui ma mais me mes mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sont sur ta te tes toi ton tu un une vos votre vous y ete etre fait plus tout tres ' +
  'the of and to in is it that for on with as was are be this by an or from at which but not have has had were their its they we you he she his her them will would can could there been more'
).split(' '));

import { own } from '../own';
import { avalanche, FNV_OFFSET, FNV_PRIME, hashString } from './hash';

const ELISION = /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]/;

const ASCII_WORD = /^[a-z0-9]+$/;
const COMBINING = /[\u0300-\u036f]/g;
const LIGATURE = /[œæ]/;
/** Surface forms repeat a lot in a corpus: folding each once saves most of the tokenizing time. */
const folded = new Map<string, string>();
const FOLD_CACHE_LIMIT = 200_000;

/** Folds one word: lower case, no accents, no elision, no `hashtag#`. */
export function foldTerm(word: string): string {
  const cached = folded.get(word);
  if (cached !== undefined) return cached;
  let w = word.toLowerCase();
  if (!ASCII_WORD.test(w)) {
    if (w.startsWith('hashtag#')) w = w.slice(8);
    w = w.replace(ELISION, '');
    w = w.normalize('NFD').replace(COMBINING, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
  }
  if (folded.size >= FOLD_CACHE_LIMIT) folded.clear();
  // Kept as index terms and cache keys: copies, so no chunk text stays pinned behind them.
  w = own(w);
  folded.set(own(word), w);
  return w;
}

/**
 * Words are what this expression matches over folded text, with explicit letter ranges instead
 * of Unicode properties (several times faster): Latin with accents, Greek, Cyrillic, Armenian,
 * Hebrew, Arabic, Indic, CJK and Hangul; punctuation, symbols, arrows and emoji are not letters.
 * `cutWords` does what it does by a table of its classes (`CLASS`).
 *   [a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f\u0370-\u1fff\u2c00-\u2dff\u3040-\ud7ff\uf900-\ufaff]+(?:['’][a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f\u0370-\u1fff]+)*
 */

/** The search terms of a text, in order (stop words and one-letter words dropped). */
export function terms(text: string, keepStopWords = false): string[] {
  const words = allWords(text);
  return keepStopWords ? words : withoutStopWords(words);
}

/**
 * Words are cut to this length: nothing in a language is longer, and a 200 000-character run of
 * one letter must not become a 200 000-character term in every structure downstream.
 */
export const MAX_WORD = 64;

/**
 * Every folded word of a text, stop words kept: tokenize once, then derive the rest. The text is
 * folded whole (lower case, accents off: one native pass each) before it is cut into words,
 * which is what `foldTerm` does word by word; per word only the rare cases remain (œ, æ,
 * elisions). Accents typed as separate combining marks (e + U+0301) now fold like precomposed
 * ones instead of cutting the word.
 */
export function allWords(text: string): string[] {
  const folded = foldText(text);
  const n = cutWords(folded);
  const { starts, ends } = cut;
  const out = new Array<string>(n);
  for (let k = 0; k < n; k++) out[k] = starts[k]! >= 0 ? folded.slice(starts[k], ends[k]) : cut.strings[ends[k]!]!;
  return out;
}

/** Lower case, accents off: the text `cutWords` cuts. */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(COMBINING, '');
}

// The expression's character classes by UTF-16 code unit, so cutting reads one table entry a
// character instead of running the expression and building a string per word.
const WORD = 1;
/** May follow an apostrophe inside a word (the expression's narrower second class). */
const AFTER_APOSTROPHE = 2;
const APOSTROPHE = 4;
const DIGIT = 8;
const LIGATURE_CHAR = 16;
const CLASS = new Uint8Array(0x10000);
{
  const mark = (from: number, to: number, bits: number) => {
    for (let c = from; c <= to; c++) CLASS[c]! |= bits;
  };
  for (const [from, to] of [[0x61, 0x7a], [0x30, 0x39], [0xb5, 0xb5], [0xdf, 0xf6], [0xf8, 0x24f], [0x370, 0x1fff]] as const) mark(from, to, WORD | AFTER_APOSTROPHE);
  for (const [from, to] of [[0x2c00, 0x2dff], [0x3040, 0xd7ff], [0xf900, 0xfaff]] as const) mark(from, to, WORD);
  mark(0x30, 0x39, DIGIT);
  mark(0x27, 0x27, APOSTROPHE);
  mark(0x2019, 0x2019, APOSTROPHE);
  mark(0x153, 0x153, LIGATURE_CHAR);
  mark(0xe6, 0xe6, LIGATURE_CHAR);
}

/** The class bits `CLASS` gives a code unit (the tests check it against the expression). */
export function charClass(c: number): number {
  return CLASS[c]!;
}

/**
 * What `cutWords` found, reused from one text to the next. Per word: where it starts and ends
 * in the text cut, and its `hashString`. A word that took more than cutting (an apostrophe,
 * a ligature, a MAX_WORD cut) is a string of `strings`: its start is -1 and its end its place there.
 * `chars` holds the folded code units of the words, at their places in the text cut.
 */
export const cut = { starts: new Int32Array(64), ends: new Int32Array(64), hashes: new Uint32Array(64), strings: [] as string[], chars: new Uint16Array(256) };

/** The folded word of `cut.chars` from `start` to `end`: a string of its own, no slice of a text. */
export function cutWord(start: number, end: number): string {
  // `apply` reads the typed array as it is (a spread of it goes through its iterator).
  return String.fromCharCode.apply(null, cut.chars.subarray(start, end) as unknown as number[]);
}

const HASHTAG = hashString('hashtag');

/**
 * Cuts folded text (`foldText`) into `allWords`'s words, into `cut`; gives how many. One pass
 * over the characters, each word hashed as it is read, so a caller that looks words up by hash
 * needs no string for a word it has met before.
 */
export function cutWords(folded: string): number {
  return cutText(folded, false);
}

/**
 * `cutWords(foldText(text))`, folding the characters as they are read (`FOLDED_UNITS`) instead of
 * the whole text first: no folded copy of the text is made. A text with a character that does
 * not fold to one code unit whatever its neighbours (a combining accent, Σ, Hangul…) is folded
 * whole first, as before.
 */
export function foldAndCutWords(text: string): number {
  const n = cutText(text, true);
  return n >= 0 ? n : cutText(foldText(text), false);
}

/** The cutting of `cutWords`, over folded text or, with `fold`, over text it folds; -1 when it cannot fold a character. */
function cutText(text: string, fold: boolean): number {
  const len = text.length;
  let n = 0;
  let { starts, ends, hashes, chars } = cut;
  if (chars.length < len) chars = cut.chars = new Uint16Array(Math.max(len, 2 * chars.length));
  const strings = cut.strings;
  strings.length = 0;
  // What each code unit is read as: itself, or folded, with its class (see UNITS).
  const units = fold ? FOLDED_UNITS : UNITS;
  let i = 0;
  while (i < len) {
    let u = unitAt(units, text, i);
    if (u < 0) return -1;
    let c = u & 0xffff;
    let k = u >>> 16;
    if ((k & WORD) === 0) {
      i++;
      continue;
    }
    // The expression by hand: a run of word characters, then apostrophes each followed by a run.
    const start = i;
    let h = FNV_OFFSET;
    let flags = 0;
    let run = WORD;
    for (;;) {
      do {
        h = Math.imul(h ^ c, FNV_PRIME);
        flags |= k;
        chars[i++] = c;
        if (i === len) break;
        u = unitAt(units, text, i);
        if (u < 0) return -1;
        c = u & 0xffff;
        k = u >>> 16;
      } while ((k & run) !== 0);
      if (i + 1 < len && (k & APOSTROPHE) !== 0) {
        const next = unitAt(units, text, i + 1);
        if (next < 0) return -1;
        if (((next >>> 16) & AFTER_APOSTROPHE) !== 0) {
          h = Math.imul(h ^ c, FNV_PRIME);
          flags |= k;
          chars[i++] = c;
          c = next & 0xffff;
          k = next >>> 16;
          run = AFTER_APOSTROPHE;
          continue;
        }
      }
      break;
    }
    if ((flags & (APOSTROPHE | LIGATURE_CHAR)) !== 0 || i - start > MAX_WORD) {
      // The rare words: as strings, the way words were done one by one.
      const first = strings.length;
      finishWord(cutWord(start, Math.min(i, start + MAX_WORD)), strings);
      for (let s = first; s < strings.length; s++) {
        if (n === starts.length) ({ starts, ends, hashes } = growCut());
        starts[n] = -1;
        ends[n] = s;
        hashes[n++] = hashString(strings[s]!);
      }
      continue;
    }
    if (i - start < 2 && (flags & DIGIT) === 0) continue;
    h = avalanche(h);
    // `hashtag#OpenAI`: the expression stops at '#', so the prefix shows up as its own word; skip it.
    if (h === HASHTAG && i - start === 7 && cutWord(start, i) === 'hashtag') continue;
    if (n === starts.length) ({ starts, ends, hashes } = growCut());
    starts[n] = start;
    ends[n] = i;
    hashes[n++] = h;
  }
  return n;
}

/**
 * Per UTF-16 code unit, what cutting reads, one number: the unit (low 16 bits) and its `CLASS`
 * (above them). UNITS, for folded text, has every unit as itself; FOLDED_UNITS has what
 * `foldText` makes of a unit when that is one code unit whatever its neighbours, NOT_ONE when
 * it is not, and is filled as units are met (UNKNOWN: not yet). One table read a character.
 */
const UNKNOWN = -2;
const NOT_ONE = -1;
const UNITS = Int32Array.from({ length: 0x10000 }, (_, c) => c | (CLASS[c]! << 16));
const FOLDED_UNITS = new Int32Array(0x10000).fill(UNKNOWN);

/** What cutting reads at `i` of `text`, by `units` (UNITS or FOLDED_UNITS), or NOT_ONE. */
function unitAt(units: Int32Array, text: string, i: number): number {
  const c = text.charCodeAt(i);
  const u = units[c]!;
  if (u !== UNKNOWN) return u;
  const f = computeFolded(c);
  return (units[c] = f < 0 ? NOT_ONE : f | (CLASS[f]! << 16));
}

function computeFolded(c: number): number {
  const ch = String.fromCharCode(c);
  if (c >= 0xd800 && c < 0xdc00) {
    // A high surrogate: one for one when every character it starts folds to itself (emoji do).
    for (let low = 0xdc00; low < 0xe000; low++) {
      const pair = ch + String.fromCharCode(low);
      if (foldText(pair) !== pair) return NOT_ONE;
    }
    return c;
  }
  // A low surrogate stays as it is, paired or not (its pair was checked by its high one).
  if (c >= 0xdc00 && c < 0xe000) return c;
  const f = foldText(ch);
  if (f.length !== 1) return NOT_ONE;
  // Lower case that depends on what comes before (Σ at the end of a word is ς).
  if (('a' + ch).toLowerCase() !== 'a' + ch.toLowerCase()) return NOT_ONE;
  // A combining mark kept by folding: NFD may reorder it with the marks around it.
  if (('\u0345' + ch).normalize('NFD') !== '\u0345' + ch.normalize('NFD')) return NOT_ONE;
  return f.charCodeAt(0);
}

/**
 * Every path of `cutText` taken once, before the scan makes it hot: the optimiser then compiles
 * it with feedback for all of them. A path first taken after that (the first text longer than
 * `cut.chars`, the first word with an apostrophe...) threw the optimised code away ("insufficient
 * type feedback"), and the code compiled again was up to a third slower, one run in a few.
 * Only `cut`'s buffers (grown a little) and the folding table's entries change.
 */
function primeCutText(): void {
  // An apostrophe inside a word and after one, a ligature, a word past MAX_WORD, `hashtag#`,
  // words too short to keep.
  const words = ["l'\u00e9tat", 'c\u0153ur', 'aujourd\u2019hui', "x'", 'hashtag#ia', 'a', '7', 'mot', 'x'.repeat(MAX_WORD + 1)];
  const some = words.join(' ');
  // V8 keeps feedback for a function only from its ninth call or so on: a dozen calls first.
  for (let k = 0; k < 12; k++) {
    cutText(some, true);
    cutText(foldText(some), false);
    // A character that does not fold one for one (Σ): the cut gives up.
    cutText('un mot \u03a3', true);
  }
  // Then a text that grows every buffer of `cut` (which starts small for this).
  const many: string[] = [];
  for (let k = 0, length = 0; length <= cut.chars.length || k <= 2 * cut.starts.length; k++) {
    many.push(words[k % words.length]!);
    length += many[k]!.length + 1;
  }
  for (let k = 0; k < 2; k++) cutText(many.join(' '), true);
  cut.strings.length = 0;
}

function growCut(): typeof cut {
  const starts = new Int32Array(cut.starts.length * 2);
  starts.set(cut.starts);
  const ends = new Int32Array(starts.length);
  ends.set(cut.ends);
  const hashes = new Uint32Array(starts.length);
  hashes.set(cut.hashes);
  cut.starts = starts;
  cut.ends = ends;
  cut.hashes = hashes;
  return cut;
}

primeCutText();

/** One matched word (cut to MAX_WORD) to its words: elision off, ligatures spelt out, parts at apostrophes. */
function finishWord(f: string, out: string[]): void {
  const elided = f.includes("'") || f.includes('’');
  if (elided) f = f.replace(ELISION, '');
  if (LIGATURE.test(f)) f = f.replace(/œ/g, 'oe').replace(/æ/g, 'ae');
  if (f === 'hashtag') return;
  if (elided && (f.includes("'") || f.includes('’'))) {
    for (const part of f.split(/['’]/)) if (part.length >= 2 || /\d/.test(part)) out.push(part);
  } else if (f.length >= 2 || /\d/.test(f)) out.push(f);
}

/** The stop words, folded as `allWords` gives them. */
export const STOP_WORDS: readonly string[] = [...STOP];

export function withoutStopWords(words: readonly string[]): string[] {
  return words.filter((w) => !STOP.has(w));
}

/** Whether search drops this folded word (`withoutStopWords`). */
export function isStopWord(word: string): boolean {
  return STOP.has(word);
}
