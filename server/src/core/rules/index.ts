// The registry of rules: the one list the engine, the CLI's SARIF output and the docs test read.
import { contentEmpty } from './content-empty';
import { headerFieldDuplicate } from './header-field-duplicate';
import { headerFieldMissing } from './header-field-missing';
import { headerFieldUnknown } from './header-field-unknown';
import { headerMarker } from './header-marker';
import { headerValueInvalid } from './header-value-invalid';
import { messagesMismatch } from './messages-mismatch';
import { participantsMismatch } from './participants-mismatch';
import { periodMismatch } from './period-mismatch';
import type { Rule } from './rule';
import { tokensMismatch } from './tokens-mismatch';
import { piiPhone } from './pii-phone';
import { piiEmail } from './pii-email';
import { piiMention } from './pii-mention';
import { boilerplate } from './boilerplate';
import { artifactHashtag } from './artifact-hashtag';
import { artifactEdited } from './artifact-edited';
import { artifactMedia } from './artifact-media';
import { mojibake } from './mojibake';
import { invisibleChar } from './invisible-char';
import { tokenBudget } from './token-budget';

export type { Rule, RuleContext, RuleFinding } from './rule';

/** Reported by the engine itself when a file cannot be read as text; it has no check. */
export const FILE_UNREADABLE = {
  code: 'file-unreadable',
  defaultSeverity: 'error',
  summary: 'The file is binary, not valid UTF-8, or too large to be a chunk; it was not analysed.',
} as const;

/** Findings about a chunk in its corpus, reported by the corpus search (core/search). */
export const CORPUS_RULES = [
  { code: 'overlap', defaultSeverity: 'information', summary: "The chunk's first lines repeat the previous chunk's last lines: the producer's designed overlap." },
  { code: 'duplicate', defaultSeverity: 'warning', summary: 'The chunk is an exact or near copy of another chunk (5-word shingles, Jaccard ≥ 0.8).' },
] as const;

export const RULES: readonly Rule[] = [
  headerMarker,
  headerFieldMissing,
  headerFieldUnknown,
  headerFieldDuplicate,
  headerValueInvalid,
  periodMismatch,
  participantsMismatch,
  tokensMismatch,
  messagesMismatch,
  contentEmpty,
  // Curation: personal data, web chrome, copy artifacts, size.
  piiPhone,
  piiEmail,
  piiMention,
  boilerplate,
  artifactHashtag,
  artifactEdited,
  artifactMedia,
  mojibake,
  invisibleChar,
  tokenBudget,
];

export interface RuleInfo {
  readonly code: string;
  readonly defaultSeverity: Rule['defaultSeverity'];
  readonly summary: string;
}

export function allRuleInfo(): RuleInfo[] {
  return [...RULES.map(({ code, defaultSeverity, summary }) => ({ code, defaultSeverity, summary })), ...CORPUS_RULES, FILE_UNREADABLE];
}
