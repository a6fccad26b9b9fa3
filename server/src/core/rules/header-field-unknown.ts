import { HEADER_FIELDS } from '../model';
import { isKnownField, suggestField } from '../header-values';
import { lineRange } from '../parse';
import type { Rule, RuleFinding } from './rule';
import { t } from '../l10n';

/** A field name the producer never writes, usually a misspelling; or a line that is not a field. */
export const headerFieldUnknown: Rule = {
  code: 'header-field-unknown',
  defaultSeverity: 'warning',
  summary: 'A header line names a field the producer never writes (often a misspelling), or is not a `Name: value` field.',
  check({ chunk }) {
    const h = chunk.header;
    if (!h) return [];
    const out: RuleFinding[] = [];
    for (const f of h.fields) {
      if (isKnownField(f.name)) continue;
      const s = suggestField(f.name);
      out.push({
        message: s
          ? t('Unknown header field "{0}". Did you mean "{1}"?', f.name, s)
          : t('Unknown header field "{0}"; the header holds {1}.', f.name, HEADER_FIELDS.join(', ')),
        range: f.nameRange,
        ...(s ? { fixes: [{ title: t('Rename to "{0}"', s), edits: [{ range: f.nameRange, newText: s }], isPreferred: true }] } : {}),
      });
    }
    for (const l of h.strayLines) {
      out.push({ message: t('This header line is not a field; expected "Name: value".'), range: lineRange(l, chunk.lines[l]!) });
    }
    return out;
  },
};
