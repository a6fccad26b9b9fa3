import { formatPeriod } from '../producer';
import { compareDates, formatDate } from '../whatsapp';
import { recomputeHeaderFix, setValueFix, withRecompute } from './fixes';
import type { Rule } from './rule';
import { t } from '../l10n';

/** The header's Période disagrees with the dates of the content's messages. */
export const periodMismatch: Rule = {
  code: 'period-mismatch',
  defaultSeverity: 'warning',
  summary: 'Période disagrees with the first and last dated messages of the content.',
  check({ chunk, values, derived }) {
    const field = values.fields.get('Période');
    if (!field || values.period === undefined) return [];
    const h = values.period;
    const d = derived.period;
    const same = h === null || d === null ? h === d : compareDates(h.start, d.start) === 0 && compareDates(h.end, d.end) === 0;
    if (same) return [];
    const computed = formatPeriod(d);
    const dated = chunk.messages.length;
    const message = d
      ? dated === 1
        ? t('Période says {0} but the content runs from {1} to {2} (1 dated message).', formatPeriod(h), formatDate(d.start), formatDate(d.end))
        : t('Période says {0} but the content runs from {1} to {2} ({3} dated messages).', formatPeriod(h), formatDate(d.start), formatDate(d.end), dated)
      : t('Période says {0} but the content has no dated message (null → null).', formatPeriod(h));
    return [{ message, range: field.valueRange.start.character === field.valueRange.end.character ? { start: field.nameRange.start, end: field.valueRange.end } : field.valueRange, fixes: withRecompute([setValueFix(field, computed), recomputeHeaderFix(chunk, derived)]) }];
  },
};
