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
const DEAD = -1;
const next: number[] = [];
const score: number[] = [];
function addState(): number {
  for (let i = 0; i < ALPHABET; i++) next.push(DEAD);
  score.push(0);
  return score.length - 1;
}
addState();
for (const w of new Set([...FR, ...EN])) {
  let s = 0;
  for (const ch of w) {
    const l = LETTER[ch.charCodeAt(0)]!;
    let t = next[s * ALPHABET + l]!;
    if (t === DEAD) next[s * ALPHABET + l] = t = addState();
    s = t;
  }
  score[s] = weight(w);
}
const NEXT = Int32Array.from(next);
const SCORE = Float64Array.from(score);

/** The vote of `text.slice(from, to)`: positive for French, negative for English, 0 when nothing decides. */
export function voteIn(text: string, from = 0, to = text.length): number {
  let vote = 0;
  let state = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const l = c < 0x100 ? LETTER[c]! : c === 0x130 || c === 0x178 || c === 0x212a || c === 0x212b ? -2 : -1;
    if (l >= 0) {
      if (!inWord) {
        inWord = true;
        state = 0;
      }
      if (state !== DEAD) state = NEXT[state * ALPHABET + l]!;
    } else {
      if (l === -2) return plainVote(text.slice(from, to));
      if (inWord && state !== DEAD) vote += SCORE[state]!;
      inWord = false;
    }
  }
  if (inWord && state !== DEAD) vote += SCORE[state]!;
  return vote;
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
