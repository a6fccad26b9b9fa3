// Which language a sentence is written in, by a small vote of French and English stop words.
// Enough to choose between the long scale (French `billion` = 10¹²) and the short one.

export type Language = 'fr' | 'en';

const FR = new Set('le la les de des du un une et est en dans pour que qui sur avec par pas au aux ce cette ces il elle ils sont à été être son sa ses leur nous vous plus mais ou où donc selon entre milliards milliard millions emplois personnes euros'.split(' '));
const EN = new Set('the of and to in is for on with that this be will are was by an it its as at from over next new we our has have which their than billion trillion million jobs people into per year years'.split(' '));
const WORD = /[a-zà-ÿ]+/g;

function weight(w: string): number {
  // `billion`, `trillion`, `million` are in both languages: only the English list counts them
  // when the rest is silent, so they weigh less.
  if (FR.has(w)) return 1;
  if (EN.has(w)) return w.endsWith('illion') ? -0.5 : -1;
  return 0;
}

/** The plain computation: lower case, words of `[a-zà-ÿ]`, one weight each. The reference of `voteIn`. */
export function plainVote(text: string): number {
  let vote = 0;
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) vote += weight(m[0]);
  return vote;
}

// The same vote without a lower-cased copy, a regex or a string per word: Latin-1 letters are
// folded by a table and the stop words are walked as a trie. Figure extraction votes on every
// sentence that holds a figure, so this runs on most of the corpus text.
/** Lower-case letter index (0–57 for `a-z`, `à-ÿ`) of a code unit below 0x100, or -1. */
const LETTER = new Int8Array(256).fill(-1);
for (let c = 0; c < 256; c++) {
  const l = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  if (l >= 0x61 && l <= 0x7a) LETTER[c] = l - 0x61;
  else if (l >= 0xe0 && l <= 0xff) LETTER[c] = l - 0xe0 + 26;
}
/** The code units above 0xff that lower-case into `[a-zà-ÿ]` (İ, Ÿ, Kelvin, Ångström signs): the plain way decides. */
export const LOWERS_INTO_LATIN = [0x130, 0x178, 0x212a, 0x212b] as const;
const ALPHABET = 58;
// A state is a row of `NEXT`, numbered by its first entry, so a step is one load: its ALPHABET
// next states, then twice the weight of the word ending there (an integer; the weights are
// halves). 0 is the root; DEAD, past any stop word, leads to itself and weighs nothing, so the
// loop over a word's letters tests nothing but the word's end.
const ROW = ALPHABET + 1;
const ROOT = 0;
const DEAD = ROW;
const next: number[] = [];
function addState(): number {
  for (let i = 0; i < ALPHABET; i++) next.push(DEAD);
  next.push(0);
  return next.length - ROW;
}
addState();
addState();
for (const w of new Set([...FR, ...EN])) {
  let s = ROOT;
  for (const ch of w) {
    const l = LETTER[ch.charCodeAt(0)]!;
    let t = next[s + l]!;
    if (t === DEAD) next[s + l] = t = addState();
    s = t;
  }
  next[s + ALPHABET] = 2 * weight(w);
}
const NEXT = Int32Array.from(next);
/** `LETTER` over every code unit, and -2 for those of `LOWERS_INTO_LATIN`: one load, no range test. */
const UNIT = new Int8Array(0x10000).fill(-1);
UNIT.set(LETTER);
for (const c of LOWERS_INTO_LATIN) UNIT[c] = -2;

/** The vote of `text.slice(from, to)`: positive for French, negative for English, 0 when nothing decides. */
export function voteIn(text: string, from = 0, to = text.length): number {
  // Twice the vote.
  let vote = 0;
  let i = from;
  while (i < to) {
    let l = UNIT[text.charCodeAt(i)]!;
    if (l < 0) {
      if (l === -2) return plainVote(text.slice(from, to));
      i++;
      continue;
    }
    // A word: its letters walk the trie.
    let state = NEXT[ROOT + l]!;
    while (++i < to && (l = UNIT[text.charCodeAt(i)]!) >= 0) state = NEXT[state + l]!;
    vote += NEXT[state + ALPHABET]!;
  }
  return vote / 2;
}

/** The vote: positive for French, negative for English, 0 when nothing decides. */
export function languageVote(text: string): number {
  return voteIn(text);
}

/** The language of a sentence; `fallback` (the line's, then the chunk's) when the vote is a tie. */
export function detectLanguage(sentence: string, fallback: Language): Language {
  const v = languageVote(sentence);
  return v > 0 ? 'fr' : v < 0 ? 'en' : fallback;
}
