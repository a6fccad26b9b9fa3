// The project configuration a corpus carries in `.chunkreview.json` at its root. It wins over
// editor settings for that corpus. Parsed leniently (JSON with comments): a broken file yields
// the defaults plus a list of problems to show, never an exception.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Severity } from './model';

export const CONFIG_FILE = '.chunkreview.json';

export type EntityKind = 'person' | 'organisation' | 'place' | 'product';

export interface EntityEntry {
  /** The canonical name shown in hovers. */
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases?: readonly string[];
}

export interface IgnoreEntry {
  /** Glob relative to the corpus root, or an exact relative path. */
  readonly file?: string;
  readonly code: string;
  /** Fingerprint of the flagged text (see fingerprint()), to ignore one finding wherever it moves. */
  readonly fingerprint?: string;
}

export interface ProjectConfig {
  readonly severity: Readonly<Record<string, Severity | 'off'>>;
  /** Globs (relative to the corpus root) of files that are never analysed. */
  readonly ignoreFiles: readonly string[];
  readonly ignore: readonly IgnoreEntry[];
  /** Token budget of one chunk (the producer's is 500). */
  readonly tokenBudget: number;
  /** Placeholder for pseudonymised personal data; `{kind}` (TEL, EMAIL, MENTION) and `{n}`. */
  readonly placeholder: string;
  /** Extra boilerplate patterns (regular expression sources, case-insensitive, whole line). */
  readonly boilerplate: readonly string[];
  readonly entities: readonly EntityEntry[];
}

export const DEFAULT_CONFIG: ProjectConfig = {
  severity: {},
  ignoreFiles: [],
  ignore: [],
  tokenBudget: 500,
  placeholder: '[{kind}_{n}]',
  boilerplate: [],
  entities: [],
};

export interface ConfigProblem {
  readonly message: string;
  readonly offset: number;
}

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);
const KINDS = new Set(['person', 'organisation', 'place', 'product']);

export function parseProjectConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true });
  const problems: ConfigProblem[] = errors.map((e) => ({ message: `${CONFIG_FILE}: ${printParseErrorCode(e.error)}`, offset: e.offset }));
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { config: DEFAULT_CONFIG, problems };
  const r = raw as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const severity: Record<string, Severity | 'off'> = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [k, v] of Object.entries(r.severity as Record<string, unknown>)) {
      if (typeof v === 'string' && LEVELS.has(v)) severity[k] = v as Severity | 'off';
      else problems.push({ message: `${CONFIG_FILE}: severity of "${k}" must be one of ${[...LEVELS].join(', ')}`, offset: 0 });
    }
  }
  const ignore: IgnoreEntry[] = [];
  for (const e of Array.isArray(r.ignore) ? r.ignore : []) {
    if (e && typeof e === 'object' && typeof (e as IgnoreEntry).code === 'string') {
      const x = e as IgnoreEntry;
      ignore.push({ code: x.code, ...(typeof x.file === 'string' ? { file: x.file } : {}), ...(typeof x.fingerprint === 'string' ? { fingerprint: x.fingerprint } : {}) });
    }
  }
  const entities: EntityEntry[] = [];
  for (const e of Array.isArray(r.entities) ? r.entities : []) {
    const x = e as Partial<EntityEntry>;
    if (x && typeof x.name === 'string' && typeof x.kind === 'string' && KINDS.has(x.kind)) {
      entities.push({ name: x.name, kind: x.kind, aliases: strings(x.aliases) });
    } else problems.push({ message: `${CONFIG_FILE}: an entity needs a "name" and a "kind" (${[...KINDS].join(', ')})`, offset: 0 });
  }
  return {
    config: {
      severity,
      ignoreFiles: strings(r.ignoreFiles),
      ignore,
      tokenBudget: typeof r.tokenBudget === 'number' && r.tokenBudget > 0 ? r.tokenBudget : DEFAULT_CONFIG.tokenBudget,
      placeholder: typeof r.placeholder === 'string' && r.placeholder.includes('{n}') ? r.placeholder : DEFAULT_CONFIG.placeholder,
      boilerplate: strings(r.boilerplate),
      entities,
    },
    problems,
  };
}
