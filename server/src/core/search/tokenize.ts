// Search terms: accents and case folded, French elisions and the LinkedIn `hashtag#` artifact
// removed, so `États-Unis`, `etats unis` and `Etats-Unis` meet, and `d’OpenAI` is `openai`.

const STOP = new Set((
  'a au aux avec ce ces cet cette dans de des du elle en est et il ils je la le les leur lui ma mais me mes mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sont sur ta te tes toi ton tu un une vos votre vous y ete etre fait plus tout tres ' +
  'the of and to in is it that for on with as was are be this by an or from at which but not have has had were their its they we you he she his her them will would can could there been more'
).split(' '));

import { own } from '../own';

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
 * The same words over lower-cased text, with explicit letter ranges instead of Unicode
 * properties (several times faster): Latin with accents, Greek, Cyrillic, Armenian, Hebrew,
 * Arabic, Indic, CJK and Hangul; punctuation, symbols, arrows and emoji are not letters.
 */
const FAST_WORD = /[a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f\u0370-\u1fff\u2c00-\u2dff\u3040-\ud7ff\uf900-\ufaff]+(?:['’][a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f\u0370-\u1fff]+)*/g;

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
  const out: string[] = [];
  const folded = text.toLowerCase().normalize('NFD').replace(COMBINING, '');
  const ligatures = LIGATURE.test(folded);
  // `match` with a global expression gives the matched strings alone: no match object per word
  // (a fifth of what preparing a chunk allocated).
  const matches = folded.match(FAST_WORD);
  if (matches === null) return out;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    let f = m.length > MAX_WORD ? m.slice(0, MAX_WORD) : m;
    const elided = f.includes("'") || f.includes('’');
    if (elided) f = f.replace(ELISION, '');
    if (ligatures && LIGATURE.test(f)) f = f.replace(/œ/g, 'oe').replace(/æ/g, 'ae');
    // `hashtag#OpenAI`: the regex stops at '#', so the prefix shows up as its own word; skip it.
    if (f === 'hashtag') continue;
    if (elided && (f.includes("'") || f.includes('’'))) {
      for (const part of f.split(/['’]/)) if (part.length >= 2 || /\d/.test(part)) out.push(part);
    } else if (f.length >= 2 || /\d/.test(f)) out.push(f);
  }
  return out;
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

/** Words for shingling (near-duplicate detection): every word, folded, stop words kept. */
export function shingleWords(text: string): string[] {
  return allWords(text);
}
