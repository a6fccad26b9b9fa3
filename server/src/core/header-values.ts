// Reads the header's field values into typed values, once, for every header rule.
import { HEADER_FIELDS, type Chunk, type ChunkDate, type HeaderField, type HeaderFieldName } from './model';
import { foldName } from './parse';
import { compareDates, parseHeaderDate } from './whatsapp';
import { t } from './l10n';

export type ValueProblem = { readonly field: HeaderField; readonly message: string; readonly fix?: string };

export interface HeaderValues {
  /** The first occurrence of each known field (by its exact name). */
  readonly fields: ReadonlyMap<HeaderFieldName, HeaderField>;
  /** undefined: missing or unreadable; null: `null → null`. */
  readonly period?: { readonly start: ChunkDate; readonly end: ChunkDate } | null;
  readonly participants?: readonly string[];
  readonly tokens?: number;
  readonly messages?: number;
  readonly problems: readonly ValueProblem[];
}

// No `\s*` around it (the pieces are trimmed): that made a long run of spaces quadratic.
const ARROW = /→|->|=>|-->|—>|–>|>|=|-|—|–|\bto\b|(?<!\S)à(?!\S)/;
const COUNT = /^\d+$/;

export function isKnownField(name: string): name is HeaderFieldName {
  return (HEADER_FIELDS as readonly string[]).includes(name);
}

/** The known field a misspelled name most likely means (case, accents, one or two typos). */
export function suggestField(name: string): HeaderFieldName | undefined {
  const f = foldName(name);
  let best: HeaderFieldName | undefined;
  let bestDistance = Infinity;
  for (const known of HEADER_FIELDS) {
    const d = levenshtein(f, foldName(known));
    if (d < bestDistance) {
      bestDistance = d;
      best = known;
    }
  }
  const limit = f.length <= 5 ? 1 : 2;
  return bestDistance <= limit ? best : undefined;
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

export function readHeaderValues(chunk: Chunk): HeaderValues {
  const fields = new Map<HeaderFieldName, HeaderField>();
  for (const f of chunk.header?.fields ?? []) {
    if (isKnownField(f.name) && !fields.has(f.name)) fields.set(f.name, f);
  }
  const problems: ValueProblem[] = [];
  const out: { -readonly [K in keyof HeaderValues]: HeaderValues[K] } = { fields, problems };

  const p = fields.get('Période');
  if (p) {
    const r = readPeriod(p.value);
    if ('problem' in r) problems.push({ field: p, message: r.problem, ...(r.fix ? { fix: r.fix } : {}) });
    else out.period = r.period;
  }
  const parts = fields.get('Participants');
  if (parts) out.participants = splitList(parts.value);
  for (const name of ['Tokens', 'Messages'] as const) {
    const f = fields.get(name);
    if (!f) continue;
    const v = f.value;
    if (COUNT.test(v)) out[name === 'Tokens' ? 'tokens' : 'messages'] = Number(v);
    else if (v === '') problems.push({ field: f, message: t('{0} is empty; it should be a count (a whole number ≥ 0).', name) });
    else if (/^-\s*\d+$/.test(v)) problems.push({ field: f, message: t('{0} is negative ({1}); a count is a whole number ≥ 0.', name, v) });
    else problems.push({ field: f, message: t('{0} is not a number: "{1}"; it should be a whole number ≥ 0.', name, v) });
  }
  return out;
}

export function splitList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

type PeriodRead =
  | { period: { start: ChunkDate; end: ChunkDate } | null }
  | { problem: string; fix?: string };

function readPeriod(value: string): PeriodRead {
  if (value === '') return { problem: t('Période is empty; expected `dd/mm/yyyy → dd/mm/yyyy` or `null → null`.') };
  const parts = value.split('→');
  if (parts.length !== 2) {
    const m = ARROW.exec(value);
    const pieces = m ? [value.slice(0, m.index), value.slice(m.index + m[0].length)] : [];
    const fixed = pieces.length === 2 && pieces.every((x) => x.trim() === 'null' || parseHeaderDate(x.trim()))
      ? `${pieces[0]!.trim()} → ${pieces[1]!.trim()}`
      : undefined;
    // No arrow at all: a value being typed, or something else entirely.
    if (!m) return { problem: t('Période is incomplete or unreadable: "{0}"; expected `dd/mm/yyyy → dd/mm/yyyy` or `null → null`.', value) };
    return {
      problem: t('Période has a broken arrow: "{0}"; expected `dd/mm/yyyy → dd/mm/yyyy` or `null → null`.', value),
      ...(fixed ? { fix: fixed } : {}),
    };
  }
  const [a, b] = parts.map((x) => x.trim()) as [string, string];
  if (a === 'null' && b === 'null') return { period: null };
  if (a === 'null' || b === 'null') return { problem: t('Période has only one end ("{0}"); both dates or `null → null`.', value) };
  const start = parseHeaderDate(a);
  const end = parseHeaderDate(b);
  for (const [s, d] of [[a, start], [b, end]] as const) {
    if (!d) {
      // Written dd/mm/yyyy yet not a calendar date: impossible; anything else (22/1/2025): unreadable.
      return /^\d{2}\/\d{2}\/\d{4}$/.test(s)
        ? { problem: t('Période has an impossible date: {0}.', s) }
        : { problem: t('Période has an unreadable date "{0}"; expected dd/mm/yyyy.', s) };
    }
  }
  if (compareDates(start!, end!) > 0) return { problem: t('Période ends ({0}) before it starts ({1}).', b, a) };
  return { period: { start: start!, end: end! } };
}
