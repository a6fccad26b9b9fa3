// Finds amounts and quantities written the French or the English way and normalises each to
// a value, a unit family and the reading of its scale word, with the reason for that reading:
// `500 milliards de $`, `$7 trillion`, `100MM$`, `5 000 et 7 000 milliards de dollars`,
// `100k jobs`, `~10GW`, `75 %`. A bare number is no figure: it needs a scale word or a unit,
// so dates, times, phone numbers and years stay out; so do hashtags (`#2025`).
import { contentSegments, isDigit, sentenceEnd, type Segment } from '../index-text';
import type { Chunk } from '../model';
import { voteIn, type Language } from './language';

export type UnitFamily = 'currency:USD' | 'currency:EUR' | 'currency:GBP' | 'power' | 'energy' | 'people' | 'percent' | 'number';

/**
 * Why a scale word got its multiplier. `long-scale`/`short-scale`: `billion`/`trillion` read by
 * the sentence's language; `english-form`: written `$7 trillion`, the English way, inside French
 * text; `mm-milliards`/`mm-millions`: `MM` in French or English text; `word`: unambiguous.
 */
export type ScaleReason = 'word' | 'long-scale' | 'short-scale' | 'english-form' | 'mm-milliards' | 'mm-millions';

export interface ScaleReading {
  /** The scale word as written: `milliards`, `MM`, `billion`, `k`. */
  readonly word: string;
  readonly multiplier: number;
  readonly reason: ScaleReason;
  /** The other reading of an ambiguous word. */
  readonly alternative?: number;
}

export interface FigureMention {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** As written, e.g. `500 milliards de $`. */
  readonly surface: string;
  readonly value: number;
  readonly family: UnitFamily;
  /** The unit as the card shows it: `$`, `€`, `W`, `Wh`, `%`, `emplois`, `jobs`, or empty. */
  readonly unit: string;
  readonly scale?: ScaleReading;
  /** Language of the sentence, which reads `billion` and `MM`. */
  readonly language: Language;
  /** The first number of a range that takes its scale and unit from the second (`5 000 et 7 000 milliards`). */
  readonly inRange?: boolean;
  /** Written `~10GW`, `environ`, `près de`, `plus de`… */
  readonly approximate?: boolean;
}

const SP = '[ \\u00a0\\u202f\\u2009]';
const NUMBER = `(?:\\d{1,3}(?:${SP}\\d{3})+(?:,\\d+)?(?!\\d)|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d,])|\\d+(?:[.,]\\d+)?)`;
/** A number, with what may come before it: an approximation mark and a currency sign. */
const FIGURE_START = new RegExp(`(?<![\\p{L}\\p{N}#@/:+_.,\\-])(~|≈)?(US\\$|\\$|€|£)?(${NUMBER})`, 'gu');
const SCALE = /^(?:[ \u00a0\u202f\u2009]?)(milliards?|millions?|milliers?|mille|billions?|trillions?|thousands?|Mds?|Mrds?|MM|bn|Bn)(?![\p{L}\p{N}])|^(k|K|M|B|T)(?![\p{L}\p{N}])/u;
const UNIT = /^(?:[ \u00a0\u202f\u2009]?)(?:(?:de|d['’])[ \u00a0\u202f\u2009]?)?(US\$|\$|€|£|dollars?|euros?|USD|EUR|livres sterling|emplois|jobs|personnes|people|postes|salariés|employés|employees|workers|%|pour ?cent|percent|[kMGT]Wh|[kMGT]W|Wh|W)(?![\p{L}\p{N}])/u;
const RANGE_JOIN = /^[ \u00a0\u202f\u2009]?(?:et|à|a|-|–|to|and)[ \u00a0\u202f\u2009]?/u;
const APPROX_BEFORE = /(?:environ|près de|plus de|moins de|jusqu['’]à|about|around|nearly|almost|over|more than|up to)\s*$/iu;

const WORDS: Record<string, number> = { mille: 1e3, millier: 1e3, milliers: 1e3, thousand: 1e3, thousands: 1e3, k: 1e3, K: 1e3, million: 1e6, millions: 1e6, M: 1e6, milliard: 1e9, milliards: 1e9, Md: 1e9, Mds: 1e9, Mrd: 1e9, Mrds: 1e9, bn: 1e9, Bn: 1e9, B: 1e9, T: 1e12 };
const WATT_PREFIX: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

function unitOf(word: string): { family: UnitFamily; unit: string; multiplier?: number } {
  if (word === '$' || word === 'US$' || /^dollars?$/.test(word) || word === 'USD') return { family: 'currency:USD', unit: '$' };
  if (word === '€' || /^euros?$/.test(word) || word === 'EUR') return { family: 'currency:EUR', unit: '€' };
  if (word === '£' || word === 'livres sterling') return { family: 'currency:GBP', unit: '£' };
  if (word === '%' || /^(pour ?cent|percent)$/.test(word)) return { family: 'percent', unit: '%' };
  const watt = /^([kMGT]?)(Wh|W)$/.exec(word);
  if (watt) return { family: watt[2] === 'Wh' ? 'energy' : 'power', unit: watt[2]!, multiplier: WATT_PREFIX[watt[1]!]! };
  return { family: 'people', unit: word };
}

/** `5 000`, `1,5`, `1,000` (English thousands), `1.5` → a number; the language decides `1,000`. */
export function parseNumber(s: string, englishForm: boolean): number {
  // Most numbers are digits alone (`500`) or with a point (`1.5`): nothing to remove or read.
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    plain = isDigit(c) || c === 0x2e;
  }
  if (plain) return Number(s);
  const compact = s.replace(/[ \u00a0\u202f\u2009]/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact) && englishForm) return Number(compact.replace(/,/g, ''));
  return Number(compact.replace(',', '.'));
}

function readScale(word: string, language: Language, dollarFirst: boolean): ScaleReading {
  const w = word.toLowerCase();
  if (word === 'MM') {
    return language === 'fr' ? { word, multiplier: 1e9, reason: 'mm-milliards', alternative: 1e6 } : { word, multiplier: 1e6, reason: 'mm-millions', alternative: 1e9 };
  }
  if (w.startsWith('billion') || w.startsWith('trillion')) {
    const short = w.startsWith('billion') ? 1e9 : 1e12;
    const long = w.startsWith('billion') ? 1e12 : 1e18;
    if (dollarFirst && language === 'fr') return { word, multiplier: short, reason: 'english-form', alternative: long };
    return language === 'fr' ? { word, multiplier: long, reason: 'long-scale', alternative: short } : { word, multiplier: short, reason: 'short-scale', alternative: long };
  }
  return { word, multiplier: WORDS[word] ?? WORDS[w] ?? 1, reason: 'word' };
}

interface Parsed {
  readonly start: number;
  readonly numberEnd: number;
  readonly end: number;
  readonly number: string;
  readonly currencyBefore: string | undefined;
  /** Written `~` or `≈`; `approximate` also reads the words before (`environ`), but only for a figure kept. */
  readonly marked: boolean;
  readonly scaleWord: string | undefined;
  readonly unitWord: string | undefined;
}

// Sticky twins of the patterns above, run in place on the line: no slice per candidate. The
// slices of the first version (12, 24, 6 characters) never cut a match or its look-ahead.
const FIGURE_AT = new RegExp(FIGURE_START.source, 'uy');
const SCALE_AT = new RegExp(SCALE.source.replace(/\^/g, ''), 'uy');
const UNIT_AT = new RegExp(UNIT.source.replace(/^\^/, ''), 'uy');
const RANGE_JOIN_AT = new RegExp(RANGE_JOIN.source.replace(/^\^/, ''), 'uy');

const DIGIT = /[0-9]/g;

/** Whether a figure may start with this code unit before its digits: `~`, `≈`, `U` (of `US$`), `$`, `€`, `£`. */
function opensFigure(c: number): boolean {
  return c === 0x7e || c === 0x2248 || c === 0x55 || c === 0x24 || c === 0x20ac || c === 0xa3;
}

/**
 * The first match of FIGURE_START at or after `from`, found by jumping from digit to digit:
 * a figure starts at most 4 code units (`~US$`) before its first digit, so only those few
 * places are tried, and a long run of text without digits costs one quick scan, not one
 * regex step per character with its look-behind.
 */
function figureFrom(text: string, from: number): RegExpExecArray | null {
  const n = text.length;
  while (from < n) {
    // The next digit: a few characters by hand (digits come in crowds: `@33 @33`), then a
    // regex, several times faster than charCodeAt over a long stretch of a sliced line.
    let d = from;
    const near = Math.min(n, from + 8);
    while (d < near && !isDigit(text.charCodeAt(d))) d++;
    if (d === near) {
      if (d === n) return null;
      DIGIT.lastIndex = d;
      if (!DIGIT.test(text)) return null;
      d = DIGIT.lastIndex - 1;
    }
    for (let p = Math.max(from, d - 4); p <= d; p++) {
      if (p < d ? !opensFigure(text.charCodeAt(p)) : gluedBefore(text.charCodeAt(d - 1))) continue;
      FIGURE_AT.lastIndex = p;
      const m = FIGURE_AT.exec(text);
      if (m) return m;
    }
    // No figure starts inside a run of digits (the look-behind refuses a digit before it).
    from = d + 1;
    while (from < n && isDigit(text.charCodeAt(from))) from++;
  }
  return null;
}

/** An ASCII character FIGURE_START's look-behind refuses before a number (`@33`, `a5`, `1/2`); others are left to the regex. */
function gluedBefore(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isDigit(c) || c === 0x23 || c === 0x40 || c === 0x2f || c === 0x3a || c === 0x2b || c === 0x5f || c === 0x2e || c === 0x2c || c === 0x2d;
}

/** The number at `m` and the scale word and unit after it. */
function parseAt(text: string, m: RegExpExecArray): Parsed {
  const numberEnd = m.index + m[0].length;
  let end = numberEnd;
  let scaleWord: string | undefined;
  let unitWord: string | undefined;
  SCALE_AT.lastIndex = end;
  const s = SCALE_AT.exec(text);
  if (s) {
    scaleWord = s[1] ?? s[2];
    end += s[0].length;
  }
  UNIT_AT.lastIndex = end;
  const u = UNIT_AT.exec(text);
  if (u) {
    unitWord = u[1];
    end += u[0].length;
  }
  // A one-letter scale (`5M`, `100k`) sticks to its number; `T` only after a currency sign.
  if (s && (s[2] === 'T' || s[2] === 'B') && !m[2] && !u) {
    scaleWord = undefined;
    end = numberEnd;
  }
  return { start: m.index, numberEnd, end, number: m[3]!, currencyBefore: m[2] || undefined, marked: m[1] !== undefined, scaleWord: scaleWord || undefined, unitWord: unitWord || undefined };
}

const UNITS = new Map<string, ReturnType<typeof unitOf>>();
function unitOfCached(word: string): ReturnType<typeof unitOf> {
  let u = UNITS.get(word);
  if (u === undefined) UNITS.set(word, (u = unitOf(word)));
  return u;
}

function toMention(line: number, text: string, p: Parsed, language: Language, shared?: Parsed): FigureMention | undefined {
  const scaleWord = p.scaleWord ?? shared?.scaleWord;
  const unitWord = p.unitWord ?? p.currencyBefore ?? shared?.unitWord ?? shared?.currencyBefore;
  if (!scaleWord && !unitWord) return undefined;
  const dollarFirst = (p.currencyBefore ?? shared?.currencyBefore) !== undefined;
  const englishNumber = dollarFirst || language === 'en';
  const n = parseNumber(p.number, englishNumber);
  if (!Number.isFinite(n)) return undefined;
  const scale = scaleWord ? readScale(scaleWord, language, dollarFirst) : undefined;
  const u = unitWord ? unitOfCached(unitWord) : { family: 'number' as const, unit: '' };
  const value = n * (scale?.multiplier ?? 1) * (u.multiplier ?? 1);
  // Built key by key, in the order of the first version (records and tests compare them whole).
  const f: { -readonly [K in keyof FigureMention]: FigureMention[K] } = { line, start: p.start, end: p.end, surface: text.slice(p.start, p.end), value, family: u.family, unit: u.unit } as FigureMention;
  if (scale) f.scale = scale;
  f.language = language;
  if (shared) f.inRange = true;
  if (p.marked || APPROX_BEFORE.test(text.slice(Math.max(0, p.start - 14), p.start))) f.approximate = true;
  return f;
}

/**
 * The language votes of one chunk, each counted once and only when needed: a sentence's, a
 * line's, and the chunk's, the sum of its lines' (so a line voted on for the chunk is not
 * voted on again for itself, nor the other way round).
 */
class Votes {
  private readonly lines: (number | undefined)[] = [];
  private chunk: Language | undefined;
  // The line being read: the ends of the `found` sentences found so far (sentence `j` spans
  // from `ends[j - 1]`, or the line's start, to `ends[j]`), their languages, and the last one asked.
  private seg = -1;
  private readonly ends: number[] = [];
  private readonly langs: (Language | undefined)[] = [];
  private found = 0;
  private si = 0;

  constructor(private readonly segments: readonly Segment[]) {}

  private lineVote(k: number): number {
    let v = this.lines[k];
    if (v === undefined) {
      const s = this.segments[k]!;
      this.lines[k] = v = voteIn(s.text, s.start);
    }
    return v;
  }

  private ofChunk(): Language {
    if (this.chunk === undefined) {
      let vote = 0;
      for (let k = 0; k < this.segments.length; k++) vote += this.lineVote(k);
      this.chunk = vote < 0 ? 'en' : 'fr';
    }
    return this.chunk;
  }

  private ofLine(k: number): Language {
    const v = this.lineVote(k);
    return v > 0 ? 'fr' : v < 0 ? 'en' : this.ofChunk();
  }

  /** The language at character `i` of segment `k`: its sentence's, then its line's, then the chunk's. */
  at(k: number, i: number): Language {
    const { text, start } = this.segments[k]!;
    if (k !== this.seg) {
      this.seg = k;
      this.found = 0;
      this.si = 0;
    }
    if (i < start || i >= text.length) return this.ofLine(k);
    // Figures come in reading order, so the sentence is found by walking forward, the line's
    // sentences are found only as far as its last figure, and each is voted on once (a
    // 200 000-character sentence of figures stays linear).
    const ends = this.ends;
    if (this.si > 0 && i < ends[this.si - 1]!) this.si = 0;
    for (;;) {
      if (this.si === this.found) {
        const end = sentenceEnd(text, this.found > 0 ? ends[this.found - 1]! : start);
        ends[this.found] = end < 0 ? text.length : end;
        this.langs[this.found++] = undefined;
      }
      if (i < ends[this.si]!) break;
      this.si++;
    }
    let lang = this.langs[this.si];
    if (lang === undefined) {
      const v = voteIn(text, this.si > 0 ? ends[this.si - 1]! : start, ends[this.si]!);
      lang = v > 0 ? 'fr' : v < 0 ? 'en' : this.ofLine(k);
      this.langs[this.si] = lang;
    }
    return lang;
  }
}

/**
 * Every figure of a chunk, in reading order. `segments`: the chunk's `contentSegments`, when
 * the caller has them already (buildRecord).
 */
export function extractFigures(chunk: Chunk, segments: readonly Segment[] = contentSegments(chunk)): FigureMention[] {
  const out: FigureMention[] = [];
  // The sentence's language decides; a tie falls back to the line's, then the chunk's (French
  // by default: the corpus is French). A number with neither scale nor unit needs none.
  const votes = new Votes(segments);
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k]!;
    const { text } = seg;
    let from = seg.start;
    for (let m = figureFrom(text, from); m; m = figureFrom(text, from)) {
      const p = parseAt(text, m);
      if (!p.scaleWord && !p.unitWord && !p.currencyBefore) {
        from = p.numberEnd;
        // `5 000 et 7 000 milliards de dollars`: the first number shares the second's scale and unit.
        RANGE_JOIN_AT.lastIndex = p.numberEnd;
        const join = RANGE_JOIN_AT.exec(text);
        if (join) {
          FIGURE_AT.lastIndex = p.numberEnd + join[0].length;
          const m2 = FIGURE_AT.exec(text);
          if (m2) {
            const p2 = parseAt(text, m2);
            if (p2.scaleWord !== undefined || p2.unitWord !== undefined) {
              const language = votes.at(k, p.start);
              const second = toMention(seg.line, text, p2, language);
              if (second) {
                const first = toMention(seg.line, text, p, language, p2);
                if (first) out.push(first);
                out.push(second);
              }
            }
            from = p2.end;
          }
        }
        continue;
      }
      const f = toMention(seg.line, text, p, votes.at(k, p.start));
      if (f) out.push(f);
      from = p.end;
    }
  }
  return out;
}

/** Whether two figures quote the same quantity: same unit family (or one without unit), within 1 %. */
export function sameQuantity(a: Pick<FigureMention, 'value' | 'family'>, b: Pick<FigureMention, 'value' | 'family'>): boolean {
  if (a.family !== b.family && a.family !== 'number' && b.family !== 'number') return false;
  const m = Math.max(Math.abs(a.value), Math.abs(b.value));
  return m === 0 || Math.abs(a.value - b.value) / m <= 0.01;
}

/** The bucket of a value on a 1 % logarithmic grid: same-quantity figures fall in the same or a neighbouring bucket. */
export function valueBucket(value: number): number {
  return value <= 0 ? 0 : Math.round(Math.log(value) / Math.log(1.01));
}

/** The fast paths and the plain patterns they stand for, for the tests that hold them equal. */
export const figurePatterns = { FIGURE_START, SCALE, UNIT, RANGE_JOIN, SCALE_AT, UNIT_AT, RANGE_JOIN_AT, figureFrom } as const;
