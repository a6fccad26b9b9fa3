// Search terms: accents and case folded, French elisions and the LinkedIn `hashtag#` artifact
// removed, so `États-Unis`, `etats unis` and `Etats-Unis` meet, and `d’OpenAI` is `openai`.

const STOP = new Set((
  'a au aux avec ce ces cet cette dans de des du elle en est et il ils je la le les leur lui ma mais me mes mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sont sur ta te tes toi ton tu un une vos votre vous y ete etre fait plus tout tres ' +
  'the of and to in is it that for on with as was are be this by an or from at which but not have has had were their its they we you he she his her them will would can could there been more'
).split(' '));

const ELISION = /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]/;

/** Folds one word: lower case, no accents, no elision, no `hashtag#`. */
export function foldTerm(word: string): string {
  let w = word.toLowerCase();
  if (w.startsWith('hashtag#')) w = w.slice(8);
  w = w.replace(ELISION, '');
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** The search terms of a text, in order (stop words and one-letter words dropped). */
export function terms(text: string, keepStopWords = false): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    // `hashtag#OpenAI`: the regex stops at '#', so the prefix shows up as its own word; skip it.
    const folded = foldTerm(m[0]);
    if (folded === 'hashtag') continue;
    for (const part of folded.split(/['’]/)) {
      if (part.length < 2 && !/\d/.test(part)) continue;
      if (!keepStopWords && STOP.has(part)) continue;
      out.push(part);
    }
  }
  return out;
}

/** Words for shingling (near-duplicate detection): every word, folded, stop words kept. */
export function shingleWords(text: string): string[] {
  return terms(text, true);
}
