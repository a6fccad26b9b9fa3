// The alias table: every name of every known entity, folded, pointing at its canonical entry.
// Built once per corpus from the shipped gazetteer and the project's `entities` entries, which
// add new entities or correct shipped ones (same name or a shared alias: the project wins).
import type { EntityEntry } from '../config';
import { entityId, filterSlot, foldedHash, foldKey } from './fold';
import { GAZETTEER, type EntityKind, type GazetteerEntry } from './gazetteer';

export interface KnownEntity {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases: readonly string[];
  /** Whether the entry comes from `.chunkreview.json`. */
  readonly fromProject: boolean;
}

interface AliasRule {
  readonly entity: KnownEntity;
  /** Written in capitals (`IA`, `USA`): only a capitalised surface counts. */
  readonly acronym: boolean;
  /** Written with a capital: a lower-case surface is a common word (`oracle`, `meta`). */
  readonly capitalised: boolean;
}

// Made once: the bundler turns a `\p{…}` literal into a `new RegExp` at each call.
const UPPER_START = /^\p{Lu}/u;
const NOT_LETTER = /[^\p{L}]/gu;

/** Whether a code unit of the BMP is a capital letter (`\p{Lu}`): 0 not known yet, 1 yes, 2 no. */
const UPPER = new Uint8Array(0x10000);

/** `UPPER_START.test(s)`, the pattern run once per first code unit, not once per mention. */
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  // Empty, or a surrogate (a code point past the BMP): the pattern decides.
  if (!(c < 0xd800 || c > 0xdfff)) return UPPER_START.test(s);
  let k = UPPER[c]!;
  if (k === 0) UPPER[c] = k = UPPER_START.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** Bits of `EntityRecognizer.lookup`. */
export const ALIAS = 1;
export const PREFIX = 2;

/** Bits of `EntityRecognizer.words`: a one-word key (an alias or the start of one), a later word of a key. */
export const FIRST_WORD = 1;
export const LATER_WORD = 2;

export class EntityRecognizer {
  private readonly byKey = new Map<string, AliasRule>();
  private readonly byId = new Map<string, KnownEntity>();
  /**
   * Every folded alias and proper prefix (in words) of one, as `ALIAS | PREFIX` bits: the
   * extractor asks once per word whether it names something or may start a longer name.
   */
  private readonly keys = new Map<string, number>();
  /** The longest alias, in words: how far the extractor looks ahead. */
  readonly maxWords: number;
  /**
   * The words of the keys by the `filterSlot` of their `foldedHash`, as `FIRST_WORD | LATER_WORD`
   * bits: a word whose slot holds neither is part of no name, and needs no look-up.
   */
  readonly words = new Uint8Array(0x10000);

  constructor(projectEntries: readonly EntityEntry[] = [], gazetteer: readonly GazetteerEntry[] = GAZETTEER) {
    const merged: { name: string; kind: EntityKind; aliases: string[]; fromProject: boolean }[] = gazetteer.map((g) => ({ name: g.name, kind: g.kind, aliases: [...(g.aliases ?? [])], fromProject: false }));
    for (const p of projectEntries) {
      const names = new Set([p.name, ...(p.aliases ?? [])].map(foldKey));
      const hit = merged.find((m) => [m.name, ...m.aliases].some((n) => names.has(foldKey(n))));
      if (hit) {
        const aliases = [hit.name, ...hit.aliases, ...(p.aliases ?? [])].filter((a) => foldKey(a) !== foldKey(p.name));
        Object.assign(hit, { name: p.name, kind: p.kind, aliases: [...new Set(aliases)], fromProject: true });
      } else merged.push({ name: p.name, kind: p.kind, aliases: [...(p.aliases ?? [])], fromProject: true });
    }
    let maxWords = 1;
    for (const m of merged) {
      const entity: KnownEntity = { id: entityId(m.name), name: m.name, kind: m.kind, aliases: m.aliases, fromProject: m.fromProject };
      this.byId.set(entity.id, entity);
      for (const alias of [m.name, ...m.aliases]) {
        const key = foldKey(alias);
        if (!key) continue;
        // A project entry's names win over a shipped alias of another entity.
        if (this.byKey.has(key) && !m.fromProject) continue;
        const letters = alias.replace(/[^\p{L}]/gu, '');
        this.byKey.set(key, {
          entity,
          acronym: letters.length <= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
          capitalised: /^\p{Lu}/u.test(alias),
        });
        this.keys.set(key, (this.keys.get(key) ?? 0) | ALIAS);
        const words = key.split(' ');
        for (let n = 1; n < words.length; n++) {
          const prefix = words.slice(0, n).join(' ');
          this.keys.set(prefix, (this.keys.get(prefix) ?? 0) | PREFIX);
        }
        maxWords = Math.max(maxWords, words.length);
      }
    }
    this.maxWords = maxWords;
    for (const key of this.keys.keys()) {
      const words = key.split(' ');
      if (words.length === 1) this.words[filterSlot(foldedHash(key))] |= FIRST_WORD;
      for (let n = 1; n < words.length; n++) this.words[filterSlot(foldedHash(words[n]!))] |= LATER_WORD;
    }
  }

  /** The entity a folded word sequence names, if its surface is written the way the alias demands. */
  match(key: string, surface: string, hashtag: boolean): KnownEntity | undefined {
    const rule = this.byKey.get(key);
    if (!rule) return undefined;
    if (rule.acronym) {
      const letters = surface.replace(NOT_LETTER, '');
      if (letters !== letters.toUpperCase()) return undefined;
    } else if (rule.capitalised && !hashtag && !startsUpper(surface)) return undefined;
    return rule.entity;
  }

  /**
   * Whether folded words name an entity (`ALIAS`, before the case rules) and whether some alias
   * starts with them and goes on (`PREFIX`), as bits; 0 for neither.
   */
  lookup(key: string): number {
    return this.keys.get(key) ?? 0;
  }

  get(id: string): KnownEntity | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<KnownEntity> {
    return this.byId.values();
  }
}
