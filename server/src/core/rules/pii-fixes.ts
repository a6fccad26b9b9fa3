// The quick fix every personal-data finding carries: redaction of that span only. The
// pseudonymising fixes need the corpus's pseudonym table, so the server and the CLI add them.
import type { RuleContext, RuleFinding } from './rule';
import { findPii, formatPlaceholder, replacementFor, type PiiKind } from '../curation/pii';
import { t } from '../l10n';

export function piiFindings({ chunk, config }: RuleContext, kind: PiiKind, what: (asSender: boolean) => string): RuleFinding[] {
  return findPii(chunk).filter((m) => m.kind === kind).map((m) => {
    const mark = replacementFor(m, formatPlaceholder(config.placeholder, m.pseudonymKind));
    return {
      message: t('Personal data: {0}. Redact or pseudonymise it before the corpus is used for retrieval or training.', what(m.asSender)),
      range: m.range,
      fixes: [{ title: t('Redact as {0}', mark), edits: [{ range: m.range, newText: mark }], isPreferred: true }],
    };
  });
}
