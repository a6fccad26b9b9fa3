// The quick fix every personal-data finding carries: redaction of that span only. The
// pseudonymising fixes need the corpus's pseudonym table, so the server and the CLI add them.
import type { RuleContext, RuleFinding } from './rule';
import { findPii, formatPlaceholder, replacementFor, type PiiKind } from '../curation/pii';
import { t } from '../l10n';

export function piiFindings({ chunk, config }: RuleContext, kind: PiiKind, what: (asSender: boolean) => string): RuleFinding[] {
  const matches = findPii(chunk).filter((m) => m.kind === kind);
  if (matches.length === 0) return [];
  // A chunk's matches share two messages and a mark or two: each is made once, not per match
  // (and packFindings then meets the same string again, not an equal one).
  const message = once((asSender: boolean) => t('Personal data: {0}. Redact or pseudonymise it before the corpus is used for retrieval or training.', what(asSender)));
  const mark = once((pseudonymKind: PiiKind) => replacementFor({ kind }, formatPlaceholder(config.placeholder, pseudonymKind)));
  const title = once((mark: string) => t('Redact as {0}', mark));
  return matches.map((m) => {
    const newText = mark(m.pseudonymKind);
    return {
      message: message(m.asSender),
      range: m.range,
      fixes: [{ title: title(newText), edits: [{ range: m.range, newText }], isPreferred: true }],
    };
  });
}

/** `f`, computed once per distinct argument. */
function once<K, V>(f: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, f(key));
    return made.get(key)!;
  };
}
