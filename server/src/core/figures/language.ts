// Which language a sentence is written in, by a small vote of French and English stop words.
// Enough to choose between the long scale (French `billion` = 10¹²) and the short one.

export type Language = 'fr' | 'en';

const FR = new Set('le la les de des du un une et est en dans pour que qui sur avec par pas au aux ce cette ces il elle ils sont à été être son sa ses leur nous vous plus mais ou où donc selon entre milliards milliard millions emplois personnes euros'.split(' '));
const EN = new Set('the of and to in is for on with that this be will are was by an it its as at from over next new we our has have which their than billion trillion million jobs people into per year years'.split(' '));
const WORD = /[a-zà-ÿ]+/g;

/** The vote: positive for French, negative for English, 0 when nothing decides. */
export function languageVote(text: string): number {
  let vote = 0;
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    const w = m[0];
    // `billion`, `trillion`, `million` are in both languages: only the English list counts them
    // when the rest is silent, so they weigh less.
    if (FR.has(w)) vote += 1;
    else if (EN.has(w)) vote -= w.endsWith('illion') ? 0.5 : 1;
  }
  return vote;
}

/** The language of a sentence; `fallback` (the line's, then the chunk's) when the vote is a tie. */
export function detectLanguage(sentence: string, fallback: Language): Language {
  const v = languageVote(sentence);
  return v > 0 ? 'fr' : v < 0 ? 'en' : fallback;
}
