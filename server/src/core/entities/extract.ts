// Finds entity mentions in a chunk: gazetteer names and their aliases (longest first), in
// the `hashtag#OpenAI`, `#OpenAI` and `@OpenAI` forms and after an elision (`d’OpenAI`,
// `l'IA`), then capitalised names the gazetteer does not know. A capitalised word that opens
// a sentence is a name only when it is no common word and the chunk also writes it
// capitalised elsewhere mid-sentence (`Altman fait face…` after `coûté à Altman`).
import type { Chunk } from '../model';
import { contentSegments, type Segment } from '../index-text';
import { foldKey, foldWord } from './fold';
import type { EntityKind } from './gazetteer';
import type { EntityRecognizer } from './recognizer';
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

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly form: MentionForm;
  /** Opens a sentence (or the line, or a quotation). */
  readonly initial: boolean;
  /** Only spaces or a hyphen between this token and the previous one. */
  readonly joined: boolean;
}

/** Letters and digits by explicit ranges (Latin with accents, Greek, Cyrillic, CJK…): several times faster than Unicode properties. */
const WORD = /[A-Za-z0-9\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u052f\u1e00-\u1fff\u3040-\u9fff\uac00-\ud7af][A-Za-z0-9\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0300-\u036f\u0370-\u03ff\u0400-\u052f\u1e00-\u1fff\u3040-\u9fff\uac00-\ud7af]*/g;
const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'presqu']);
const BOUNDARY = /[.!?…:;•"«“(\[|]|\s[-–—]\s/u;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const JOIN_GAP = /^[\s\u00a0\u202f]*-?[\s\u00a0\u202f]*$/;

function tokens(seg: Segment): Token[] {
  const out: Token[] = [];
  const { text } = seg;
  let prevEnd = seg.start;
  let elided = false;
  let first = true;
  WORD.lastIndex = seg.start;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const gap = start - prevEnd === 1 ? (text[prevEnd] === ' ' ? ' ' : text.slice(prevEnd, start)) : text.slice(prevEnd, start);
    // `d’OpenAI`: the elision is no token; the word after it keeps the elision as its form.
    const next = text.charCodeAt(end);
    if ((next === 0x27 || next === 0x2019) && m[0].length <= 7 && ELISIONS.has(m[0].toLowerCase()) && LETTER.test(text[end + 1] ?? '')) {
      first = first || BOUNDARY.test(gap);
      elided = true;
      prevEnd = end + 1;
      continue;
    }
    // `hashtag#X`: the `hashtag` prefix is a copy artifact, not a word of the text.
    if (m[0] === 'hashtag' && text[end] === '#') {
      prevEnd = end;
      continue;
    }
    const before = text[start - 1];
    const form: MentionForm = before === '#' ? 'hashtag' : before === '@' ? 'handle' : elided ? 'elided' : 'plain';
    const plainSpace = gap === ' ';
    const initial = !elided && (first || (!plainSpace && BOUNDARY.test(gap)));
    out.push({ text: m[0], start, end, form, initial, joined: !first && !elided && (plainSpace || (gap.length > 0 && JOIN_GAP.test(gap))) });
    first = false;
    elided = false;
    prevEnd = end;
  }
  return out;
}

function isCapitalised(w: string): boolean {
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
    const toks = tokens(seg);
    let i = 0;
    while (i < toks.length) {
      const t0 = toks[i]!;
      let matched = 0;
      // Longest alias first; the words of a multi-word name are joined by spaces or hyphens
      // only. Each word is folded once; a longer match is tried only while some alias starts so.
      let key = '';
      const hits: number[] = [];
      for (let n = 1; n <= recognizer.maxWords && i + n <= toks.length; n++) {
        const tok = toks[i + n - 1]!;
        if (n > 1 && (!tok.joined || t0.form === 'handle')) break;
        key = n === 1 ? foldWord(tok.text) : `${key} ${foldWord(tok.text)}`;
        if (recognizer.has(key)) hits.push(n);
        if (!recognizer.isPrefix(key)) break;
      }
      for (let h = hits.length - 1; h >= 0; h--) {
        const n = hits[h]!;
        const last = toks[i + n - 1]!;
        const surface = seg.text.slice(t0.start, last.end);
        // One word: its surface is the token, already folded (and cached) by foldWord.
        const entity = recognizer.match(n === 1 ? foldWord(surface) : foldKey(surface), surface, t0.form === 'hashtag');
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
        while (j < toks.length && toks[j]!.joined && toks[j]!.form === 'plain' && isCapitalised(toks[j]!.text) && !recognizer.match(foldWord(toks[j]!.text), toks[j]!.text, false)) j++;
        const last = toks[j - 1]!;
        const surface = seg.text.slice(t0.start, last.end);
        const single = j - i === 1;
        const key = single ? foldWord(surface) : foldKey(surface);
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
  const names = candidates.filter((c) => !c.initialSingle || midSentence.has(c.mention.entity.slice(2))).map((c) => c.mention);
  return [...known, ...names].sort((a, b) => a.line - b.line || a.start - b.start);
}
