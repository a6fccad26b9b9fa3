// The shape every rule has: a stable code, a default severity, and a check over one chunk.
// Each rule's documentation lives in docs/rules/<code>.md (a test keeps the two in step).
import type { ProjectConfig } from '../config';
import type { Chunk, Finding, Severity } from '../model';
import type { HeaderValues } from '../header-values';
import type { ProducerHeader } from '../producer';

export interface RuleContext {
  readonly chunk: Chunk;
  /** What the header should say according to the producer's rules. */
  readonly derived: ProducerHeader;
  readonly values: HeaderValues;
  /** The corpus's `.chunkreview.json` (defaults when there is none). */
  readonly config: ProjectConfig;
  /** Whether a real tokenizer may be run (AnalysisOptions.tokenizerCount). */
  readonly tokenizerCount?: boolean;
}

/** A finding before the engine applies the code and the configured severity. */
export type RuleFinding = Omit<Finding, 'code' | 'severity'>;

export interface Rule {
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** One line, shown in rule lists (README, SARIF). */
  readonly summary: string;
  /** Fresh objects each call: the engine adds the code and the severity to them. */
  check(ctx: RuleContext): RuleFinding[];
}
