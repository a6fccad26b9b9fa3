import { lineRange } from '../parse';
import type { Rule } from './rule';
import { t } from '../l10n';

/** A value that cannot be read: non-numeric or negative counts, impossible dates, broken arrows. */
export const headerValueInvalid: Rule = {
  code: 'header-value-invalid',
  defaultSeverity: 'error',
  summary: 'A header value cannot be read (a count that is not a whole number, an impossible date, a period that ends before it starts, a broken arrow).',
  check({ chunk, values }) {
    return values.problems.map((p) => ({
      message: p.message,
      range: p.field.value === '' ? lineRange(p.field.line, chunk.lines[p.field.line]!) : p.field.valueRange,
      ...(p.fix ? { fixes: [{ title: t('Write "{0}"', p.fix), edits: [{ range: p.field.valueRange, newText: p.fix }], isPreferred: true }] } : {}),
    }));
  },
};
