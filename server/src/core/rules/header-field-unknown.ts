import { HEADER_FIELDS } from '../model';
import { isKnownField, suggestField } from '../header-values';
import { lineRange } from '../parse';
import type { Rule, RuleFinding } from './rule';

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
          ? `Unknown header field "${f.name}". Did you mean "${s}"?`
          : `Unknown header field "${f.name}"; the header holds ${HEADER_FIELDS.join(', ')}.`,
        range: f.nameRange,
        ...(s ? { fixes: [{ title: `Rename to "${s}"`, edits: [{ range: f.nameRange, newText: s }], isPreferred: true }] } : {}),
      });
    }
    for (const l of h.strayLines) {
      out.push({ message: `This header line is not a field; expected "Name: value".`, range: lineRange(l, chunk.lines[l]!) });
    }
    return out;
  },
};
