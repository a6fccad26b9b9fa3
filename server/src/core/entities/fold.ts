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
