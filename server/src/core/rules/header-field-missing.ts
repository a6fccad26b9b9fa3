import { HEADER_FIELDS, type HeaderFieldName } from '../model';
import { isKnownField, suggestField } from '../header-values';
import { formatPeriod } from '../producer';
import { lineRange, range } from '../parse';
import type { Rule, RuleFinding } from './rule';
import { t } from '../l10n';

/** A field the producer always writes is absent from the header. */
export const headerFieldMissing: Rule = {
  code: 'header-field-missing',
  defaultSeverity: 'error',
  summary: 'One of Période, Participants, Topics, Tokens, Messages is absent from the header.',
  check({ chunk, values, derived }) {
    const h = chunk.header;
    if (!h) return [];
    // A misspelled field (e.g. `Periode`) is reported once, as header-field-unknown with its fix.
    const misspelled = new Set(h.fields.filter((f) => !isKnownField(f.name)).map((f) => suggestField(f.name)).filter((x) => x !== undefined));
    const missing = HEADER_FIELDS.filter((f) => !values.fields.has(f) && !misspelled.has(f));
    if (missing.length === 0) return [];
    const computed: Record<HeaderFieldName, string> = {
      Période: formatPeriod(derived.period),
      Participants: derived.participants.join(', '),
      Topics: '',
      Tokens: String(derived.tokens),
      Messages: String(derived.messages),
    };
    // Insert after the last field line (or after the start marker).
    const after = h.fields.length > 0 ? h.fields[h.fields.length - 1]!.line : 0;
    const at = range(after, chunk.lines[after]!.length, after, chunk.lines[after]!.length);
    const out: RuleFinding[] = [];
    for (const name of missing) {
      out.push({
        message: name === 'Topics' ? t('The header has no {0} field.', name) : t('The header has no {0} field (the content gives {0}: {1}).', name, computed[name] || t('(empty)')),
        range: lineRange(0, chunk.lines[0]!),
        fixes: [{ title: t('Add "{0}: {1}"', name, computed[name]), edits: [{ range: at, newText: `${chunk.eol}${name}: ${computed[name]}` }], isPreferred: true }],
      });
    }
    return out;
  },
};
