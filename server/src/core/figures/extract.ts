// Finds amounts and quantities written the French or the English way and normalises each to
// a value, a unit family and the reading of its scale word, with the reason for that reading:
// `500 milliards de $`, `$7 trillion`, `100MM$`, `5 000 et 7 000 milliards de dollars`,
// `100k jobs`, `~10GW`, `75 %`. A bare number is no figure: it needs a scale word or a unit,
// so dates, times, phone numbers and years stay out; so do hashtags (`#2025`).
import { contentSegments, sentenceSpans } from '../index-text';
import type { Chunk } from '../model';
import { languageVote, type Language } from './language';

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
  readonly currencyBefore?: string;
  readonly approx: boolean;
  readonly scaleWord?: string;
  readonly unitWord?: string;
}

/** The number at `m` and the scale word and unit after it. */
function parseAt(text: string, m: RegExpExecArray): Parsed {
  const numberEnd = m.index + m[0].length;
  let end = numberEnd;
  let scaleWord: string | undefined;
  let unitWord: string | undefined;
  const s = SCALE.exec(text.slice(end, end + 12));
  if (s) {
    scaleWord = s[1] ?? s[2];
    end += s[0].length;
  }
  const u = UNIT.exec(text.slice(end, end + 24));
  if (u) {
    unitWord = u[1];
    end += u[0].length;
  }
  // A one-letter scale (`5M`, `100k`) sticks to its number; `T` only after a currency sign.
  if (s && (s[2] === 'T' || s[2] === 'B') && !m[2] && !u) {
    scaleWord = undefined;
    end = numberEnd;
  }
  return {
    start: m.index,
    numberEnd,
    end,
    number: m[3]!,
    ...(m[2] ? { currencyBefore: m[2] } : {}),
    approx: m[1] !== undefined || APPROX_BEFORE.test(text.slice(Math.max(0, m.index - 14), m.index)),
    ...(scaleWord ? { scaleWord } : {}),
    ...(unitWord ? { unitWord } : {}),
  };
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
  const u = unitWord ? unitOf(unitWord) : { family: 'number' as const, unit: '' };
  const value = n * (scale?.multiplier ?? 1) * (u.multiplier ?? 1);
  return {
    line,
    start: p.start,
    end: p.end,
    surface: text.slice(p.start, p.end),
    value,
    family: u.family,
    unit: u.unit,
    ...(scale ? { scale } : {}),
    language,
    ...(shared ? { inRange: true } : {}),
    ...(p.approx ? { approximate: true } : {}),
  };
}

/** Every figure of a chunk, in reading order. */
export function extractFigures(chunk: Chunk): FigureMention[] {
  const out: FigureMention[] = [];
  const segments = contentSegments(chunk);
  // The sentence's language decides; a tie falls back to the line's, then the chunk's (French
  // by default: the corpus is French). Each vote is counted only when needed.
  let chunkLanguage: Language | undefined;
  const ofChunk = (): Language => {
    if (chunkLanguage === undefined) {
      let vote = 0;
      for (const s of segments) vote += languageVote(s.text.slice(s.start));
      chunkLanguage = vote < 0 ? 'en' : 'fr';
    }
    return chunkLanguage;
  };
  for (const seg of segments) {
    const { text } = seg;
    if (!/\d/.test(text)) continue;
    let lineLanguage: Language | undefined;
    const ofLine = (): Language => {
      if (lineLanguage === undefined) {
        const v = languageVote(text.slice(seg.start));
        lineLanguage = v > 0 ? 'fr' : v < 0 ? 'en' : ofChunk();
      }
      return lineLanguage;
    };
    // Figures come in reading order, so the sentence is found by walking forward, and each
    // sentence is voted on once (a 200 000-character sentence of figures stays linear).
    let spans: [number, number][] | undefined;
    let si = 0;
    const votes = new Map<number, Language>();
    const languageAt = (i: number): Language => {
      spans ??= sentenceSpans(text, seg.start);
      if (si > 0 && i < spans[si]![0]) si = 0;
      while (si < spans.length && i >= spans[si]![1]) si++;
      const span = spans[si];
      if (!span || i < span[0]) return ofLine();
      let lang = votes.get(si);
      if (lang === undefined) {
        const v = languageVote(text.slice(span[0], span[1]));
        lang = v > 0 ? 'fr' : v < 0 ? 'en' : ofLine();
        votes.set(si, lang);
      }
      return lang;
    };
    FIGURE_START.lastIndex = seg.start;
    for (let m = FIGURE_START.exec(text); m; m = FIGURE_START.exec(text)) {
      const p = parseAt(text, m);
      const language = languageAt(p.start);
      if (!p.scaleWord && !p.unitWord && !p.currencyBefore) {
        // `5 000 et 7 000 milliards de dollars`: the first number shares the second's scale and unit.
        const join = RANGE_JOIN.exec(text.slice(p.numberEnd, p.numberEnd + 6));
        if (join) {
          FIGURE_START.lastIndex = p.numberEnd + join[0].length;
          const m2 = FIGURE_START.exec(text);
          if (m2 && m2.index === p.numberEnd + join[0].length) {
            const p2 = parseAt(text, m2);
            const second = toMention(seg.line, text, p2, language);
            if (second && (p2.scaleWord !== undefined || p2.unitWord !== undefined)) {
              const first = toMention(seg.line, text, p, language, p2);
              if (first) out.push(first);
              out.push(second);
            }
            FIGURE_START.lastIndex = p2.end;
            continue;
          }
          FIGURE_START.lastIndex = p.numberEnd;
        }
        continue;
      }
      const f = toMention(seg.line, text, p, language);
      if (f) out.push(f);
      FIGURE_START.lastIndex = Math.max(p.end, FIGURE_START.lastIndex);
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
