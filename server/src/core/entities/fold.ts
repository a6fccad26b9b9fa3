// Accent and case folding shared by the entity and figure extractors: `États-Unis`,
// `etats unis` and `ETATS-UNIS` fold to the same key.

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

/** A stable entity id from a canonical name: `e:openai`, `e:etats unis`. */
export function entityId(name: string): string {
  return `e:${foldKey(name)}`;
}
