// Accent and case folding shared by the entity and figure extractors: `États-Unis`,
// `etats unis` and `ETATS-UNIS` fold to the same key.

import { own } from '../own';

/** Lower case, accents stripped, `œ`/`æ` spelled out, hyphens and apostrophes as spaces. */
export function foldKey(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[-‐‑–'’._]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

/** foldKey of one word, cached: words repeat a lot across a corpus. */
export function foldWord(w: string): string {
  // Most words are ASCII letters and digits, which fold to lower case alone: no look-up (the
  // hash of a fresh token costs as much as this loop), no copy.
  let upper = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) continue;
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (c < 0x30 || c > 0x39) return foldCached(w);
  }
  return upper ? w.toLowerCase() : w;
}

function foldCached(w: string): string {
  let f = cache.get(w);
  if (f === undefined) {
    // Copies, so the cache pins no chunk text (see own.ts).
    f = own(foldKey(w));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(own(w), f);
  }
  return f;
}

/** A stable entity id from a canonical name: `e:openai`, `e:etats unis`. */
export function entityId(name: string): string {
  return `e:${foldKey(name)}`;
}

// The hash of a folded word, computed from its characters as they are read, so the extractor
// can tell most words name nothing without a string, a fold or a map look-up per word.

/** The hash of a folded key, code unit by code unit; `foldMul` and `foldAdd` give the same from the unfolded word. */
export function foldedHash(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

/** Where a hash falls in a table of hashes (`EntityRecognizer.words`). */
export function filterSlot(h: number): number {
  return (h ^ (h >>> 16)) & 0xffff;
}

/**
 * What one code unit below `FOLD_TABLE_END` adds to a folded word's hash, as a multiplier and an
 * addend (`é` is `e`: ×31 +101; `œ` is `oe`: ×961, +31·111+101; a combining accent adds
 * nothing: ×1 +0). A multiplier of -1: the unit does not fold to ASCII letters and digits on its
 * own (Greek, whose final sigma depends on its place, `ß`, `ª`…), and its word is folded the
 * plain way. 0: not computed yet.
 */
const FOLD_TABLE_END = 0x2000;
const FOLD_MUL = new Int32Array(FOLD_TABLE_END);
const FOLD_ADD = new Int32Array(FOLD_TABLE_END);

function computeFold(c: number): number {
  let mul = -1;
  let add = 0;
  // Greek (and Greek Extended) is left to the plain way: the lower case of Σ depends on its neighbours.
  const greek = (c >= 0x370 && c < 0x400) || c >= 0x1f00;
  const f = greek ? '' : foldKey(String.fromCharCode(c));
  // Only combining accents may fold to nothing.
  if (!greek && /^[a-z0-9]{0,2}$/.test(f) && (f !== '' || (c >= 0x300 && c < 0x370))) {
    mul = 1;
    for (let i = 0; i < f.length; i++) {
      mul = Math.imul(mul, 31);
      add = (Math.imul(add, 31) + f.charCodeAt(i)) | 0;
    }
  }
  FOLD_ADD[c] = add;
  return (FOLD_MUL[c] = mul);
}

/** The multiplier of code unit `c` (not an ASCII one) in a folded word's hash, or -1 when its word folds the plain way. */
export function foldMul(c: number): number {
  if (c >= FOLD_TABLE_END) return -1;
  const mul = FOLD_MUL[c]!;
  return mul === 0 ? computeFold(c) : mul;
}

/** The addend of code unit `c`, once `foldMul(c)` said it has one. */
export function foldAdd(c: number): number {
  return FOLD_ADD[c]!;
}
