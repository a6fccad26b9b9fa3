// The pseudonym table: which placeholder stands for which phone number, address or mention,
// kept in `.chunkreview/pseudonyms.json` at the corpus root (a file the user controls, never
// inside the chunks), so the same number becomes the same placeholder in every chunk.
import { parse } from 'jsonc-parser';
import { formatPlaceholder, type PiiKind } from './pii';

export const PSEUDONYMS_FILE = '.chunkreview/pseudonyms.json';

/** kind → key (e.g. `+33612345678`) → placeholder (e.g. `[TEL_1]`). */
export type PseudonymEntries = Record<PiiKind, Record<string, string>>;

export class Pseudonyms {
  private readonly entries: PseudonymEntries;
  private changed = false;

  constructor(entries?: Partial<PseudonymEntries>, private readonly format = '[{kind}_{n}]') {
    this.entries = { TEL: { ...entries?.TEL }, EMAIL: { ...entries?.EMAIL }, MENTION: { ...entries?.MENTION } };
  }

  /** Reads the file's text leniently: a broken or foreign file gives an empty table. */
  static parse(text: string | undefined, format?: string): Pseudonyms {
    const raw: unknown = text ? parse(text, [], { allowTrailingComma: true }) : undefined;
    const table = raw && typeof raw === 'object' ? (raw as { pseudonyms?: unknown }).pseudonyms : undefined;
    const entries: Partial<PseudonymEntries> = {};
    if (table && typeof table === 'object') {
      for (const kind of ['TEL', 'EMAIL', 'MENTION'] as const) {
        const m = (table as Record<string, unknown>)[kind];
        if (!m || typeof m !== 'object') continue;
        entries[kind] = Object.fromEntries(Object.entries(m as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
      }
    }
    return new Pseudonyms(entries, format);
  }

  /** The placeholder of a key, assigning the next free number of its kind the first time. */
  placeholder(kind: PiiKind, key: string): string {
    const known = this.entries[kind][key];
    if (known) return known;
    const used = new Set(Object.values(this.entries).flatMap((m) => Object.values(m)));
    let n = Object.keys(this.entries[kind]).length + 1;
    while (used.has(formatPlaceholder(this.format, kind, n))) n++;
    const p = formatPlaceholder(this.format, kind, n);
    this.entries[kind][key] = p;
    this.changed = true;
    return p;
  }

  /** Looks a placeholder up without assigning one. */
  peek(kind: PiiKind, key: string): string | undefined {
    return this.entries[kind][key];
  }

  get isChanged(): boolean {
    return this.changed;
  }

  /** The file's text: stable key order, two-space indent, final newline. */
  serialize(): string {
    const sorted = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));
    const body = {
      $comment: 'Chunk Review pseudonyms: each phone number, e-mail address or mention and the placeholder that replaces it in the corpus. Keep this file private.',
      version: 1,
      pseudonyms: { TEL: sorted(this.entries.TEL), EMAIL: sorted(this.entries.EMAIL), MENTION: sorted(this.entries.MENTION) },
    };
    return `${JSON.stringify(body, null, 2)}\n`;
  }
}
