// The fast paths of entity extraction against the plain computation they replace: the first
// version of the extractor, kept here as the reference, on random texts built from the pieces
// names, words and gaps are made of. Any difference is a bug.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EntityRecognizer, extractEntities, parseChunk, type EntityMention, type MentionForm } from '../../server/src/core';
import type { Chunk } from '../../server/src/core/model';
import { contentSegments, type Segment } from '../../server/src/core/index-text';
import { COMMON_CAPITALISED } from '../../server/src/core/entities/common-words';
import { nextWordStart, wordEnd } from '../../server/src/core/entities/extract';
import { foldAdd, foldedHash, foldKey, foldMul, foldWord } from '../../server/src/core/entities/fold';
import { ALIAS, PREFIX } from '../../server/src/core/entities/recognizer';
import { HOSTILE_LINES } from '../fixtures/hostile-lines';
// The benchmarks' seeded generator (mulberry32): the same texts on every run.
import { random } from '../../bench/generate';

// The reference: the extractor as first written, a string, a fold and a look-up per word.
interface Token { text: string; start: number; end: number; form: MentionForm; initial: boolean; joined: boolean }
const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'presqu']);
const BOUNDARY = /[.!?…:;•"«“(\[|]|\s[-–—]\s/u;
const JOIN_GAP = /^[\s\u00a0\u202f]*-?[\s\u00a0\u202f]*$/;

function plainTokens(seg: Segment): Token[] {
  const out: Token[] = [];
  const { text } = seg;
  let prevEnd = seg.start;
  let elided = false;
  let first = true;
  let start = seg.start;
  for (;;) {
    start = nextWordStart(text, start);
    if (start >= text.length) break;
    const end = wordEnd(text, start);
    const word = text.slice(start, end);
    const gap = text.slice(prevEnd, start);
    const next = text.charCodeAt(end);
    if ((next === 0x27 || next === 0x2019) && word.length <= 7 && ELISIONS.has(word.toLowerCase()) && /\p{L}/u.test(text[end + 1] ?? '')) {
      first = first || BOUNDARY.test(gap);
      elided = true;
      prevEnd = end + 1;
      start = end;
      continue;
    }
    if (next === 0x23 && word === 'hashtag') {
      prevEnd = end;
      start = end;
      continue;
    }
    const before = text.charCodeAt(start - 1);
    const form: MentionForm = before === 0x23 ? 'hashtag' : before === 0x40 ? 'handle' : elided ? 'elided' : 'plain';
    out.push({ text: word, start, end, form, initial: !elided && (first || BOUNDARY.test(gap)), joined: !first && !elided && gap.length > 0 && JOIN_GAP.test(gap) });
    first = false;
    elided = false;
    prevEnd = end;
    start = end;
  }
  return out;
}

function isCapitalised(w: string): boolean {
  const c = w[0]!;
  if (w.length < 2 || c === c.toLowerCase() || !/\p{Lu}/u.test(c)) return false;
  if (w.length > 5 && w === w.toUpperCase()) return false;
  return !COMMON_CAPITALISED.has(foldKey(w));
}

function plainExtract(chunk: Chunk, recognizer: EntityRecognizer): EntityMention[] {
  const known: EntityMention[] = [];
  const candidates: { mention: EntityMention; initialSingle: boolean }[] = [];
  const midSentence = new Set<string>();
  for (const seg of contentSegments(chunk)) {
    const toks = plainTokens(seg);
    let i = 0;
    while (i < toks.length) {
      const t0 = toks[i]!;
      let matched = 0;
      let key = '';
      const hits: number[] = [];
      for (let n = 1; n <= recognizer.maxWords && i + n <= toks.length; n++) {
        const tok = toks[i + n - 1]!;
        if (n > 1 && (!tok.joined || t0.form === 'handle')) break;
        key = n === 1 ? foldKey(tok.text) : `${key} ${foldKey(tok.text)}`;
        const found = recognizer.lookup(key);
        if ((found & ALIAS) !== 0) hits.push(n);
        if ((found & PREFIX) === 0) break;
      }
      for (let h = hits.length - 1; h >= 0; h--) {
        const n = hits[h]!;
        const last = toks[i + n - 1]!;
        const surface = seg.text.slice(t0.start, last.end);
        const entity = recognizer.match(foldKey(surface), surface, t0.form === 'hashtag');
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
      if (t0.form !== 'handle' && isCapitalised(t0.text)) {
        let j = i + 1;
        while (j < toks.length && toks[j]!.joined && toks[j]!.form === 'plain' && isCapitalised(toks[j]!.text) && !recognizer.match(foldKey(toks[j]!.text), toks[j]!.text, false)) j++;
        const last = toks[j - 1]!;
        const surface = seg.text.slice(t0.start, last.end);
        const single = j - i === 1;
        const key = foldKey(surface);
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

// Names, their pieces in every case, common words, capitals, accents, scripts and gaps.
const PIECES = [
  'OpenAI', 'openai', 'OPENAI', 'Open', 'AI', 'ai', 'IA', 'Sam', 'Altman', 'altman', 'Donald', 'Trump', 'États', 'Etats', 'ETATS', 'Unis', 'unis', 'USA', 'US', 'us', 'U', 'S',
  'Corée', 'du', 'Sud', 'Tahnoun', 'bin', 'Zayed', 'al', 'Nahyan', 'Wall', 'Street', 'Journal', 'Stargate', 'Project', 'Projet', 'projet', 'loi', 'CHIPS', 'Act',
  'intelligence', 'artificielle', 'générale', 'Émirats', 'arabes', 'Maison', 'Blanche', 'Oracle', 'oracle', 'Meta', 'GPT', '4', '4o', 'Chat', 'Gate', 'io', 'Taïwan', 'Taiwan',
  'Zorglub', 'Rochane', 'Dupont', 'Le', 'La', 'les', 'Les', 'le', 'de', 'et', 'Cependant', 'NOUVEAU', 'ATTENTION', 'PDG', 'Président', 'President', 'Hashtag', 'hashtag',
  'Straße', 'Łódź', 'Œuvre', 'œuvre', 'Ærø', 'Ωmega', 'ΣΟΦΙΑ', 'Москва', '東京', 'İstanbul', 'ﬁn', 'e\u0301cole', 'E\u0301COLE', 'é', 'É', 'ß', 'µ', 'ª', 'Ÿ', '\u212a', 'x', 'Q', '12', '2025',
  ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', '  ', '\u00a0', '\u202f', '\t', '-', ' - ', ' – ', ' — ', '‐', ', ', '. ', '! ', '? ', '… ', ': ', '; ', '• ', '"', '« ', '“', '(', '[', '|',
  "'", '’', 'd’', "l'", 'qu’', 'jusqu’', '#', '@', 'hashtag#', '_', '.', '/', '\n', '\n', 'https://t.co/AbC ', 'www.OpenAI.com ', '\u200b', '😀', '\ud800',
];

function text(r: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += PIECES[Math.floor(r() * PIECES.length)]!;
  return s;
}

const project = new EntityRecognizer([
  { name: 'Straße AG', kind: 'organisation', aliases: ['Strasse'] },
  { name: 'Łódź', kind: 'place' },
  { name: 'Œuvre Co', kind: 'organisation', aliases: ['Ωmega', 'Москва Group'] },
  { name: 'Zorglub', kind: 'person', aliases: ['Rochane Dupont', 'É'] },
]);

describe('entity extraction fast paths equal the plain computation', () => {
  it('hashes a word by its code units as its folded form hashes, or folds it the plain way', () => {
    const r = random(17);
    const units = ['a', 'Z', '7', 'é', 'É', 'œ', 'Œ', 'æ', 'ß', 'ÿ', 'Ÿ', 'ı', 'İ', 'ĳ', 'ǆ', 'Ǆ', 'ḁ', 'ẞ', '\u0301', '\u0345', 'ª', 'µ', 'Σ', 'ς', 'я', 'ɐ'];
    for (let c = 0xc0; c < 0x250; c++) units.push(String.fromCharCode(c));
    for (let i = 0; i < 20_000; i++) {
      let w = '';
      for (let n = 1 + Math.floor(r() * 6); n > 0; n--) w += units[Math.floor(r() * units.length)]!;
      let h = 0;
      let plain = false;
      for (let k = 0; k < w.length && !plain; k++) {
        const c = w.charCodeAt(k);
        const mul = c < 0x80 ? 31 : foldMul(c);
        if (mul < 0) plain = true;
        else h = (Math.imul(h, mul) + (c < 0x80 ? String.fromCharCode(c).toLowerCase().charCodeAt(0) : foldAdd(c))) | 0;
      }
      if (!plain) assert.equal(h, foldedHash(foldWord(w)), JSON.stringify(w));
    }
  });

  it('finds the same mentions as the plain extractor on random texts', () => {
    const r = random(19);
    for (let i = 0; i < 4000; i++) {
      const chunk = parseChunk('x', text(r, 1 + Math.floor(r() * 80)));
      for (const recognizer of [new EntityRecognizer(), project]) assert.deepEqual(extractEntities(chunk, recognizer), plainExtract(chunk, recognizer), JSON.stringify(chunk.lines));
    }
  });

  it('finds the same mentions as the plain extractor on hostile lines', () => {
    const recognizer = new EntityRecognizer();
    for (const [name, line] of HOSTILE_LINES) {
      const chunk = parseChunk('x', line);
      assert.deepEqual(extractEntities(chunk, recognizer), plainExtract(chunk, recognizer), name);
    }
  });
});
