import { recomputeHeaderFix, setValueFix, withRecompute } from './fixes';
import type { Rule } from './rule';
import { t } from '../l10n';

/** The header's Participants are not the distinct senders of the content. */
export const participantsMismatch: Rule = {
  code: 'participants-mismatch',
  defaultSeverity: 'warning',
  summary: 'Participants are not the distinct senders found in the content.',
  check({ chunk, values, derived }) {
    const field = values.fields.get('Participants');
    if (!field || values.participants === undefined) return [];
    const written = new Set(values.participants);
    const actual = new Set(derived.participants);
    const missing = derived.participants.filter((p) => !written.has(p));
    const extra = values.participants.filter((p) => !actual.has(p));
    if (missing.length === 0 && extra.length === 0) return [];
    const q = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');
    const parts: string[] = [];
    if (missing.length) parts.push(missing.length === 1 ? t('missing sender {0}', q(missing)) : t('missing senders {0}', q(missing)));
    if (extra.length) parts.push(extra.length === 1 ? t('lists {0}, who sends no message here', q(extra)) : t('lists {0}, who send no message here', q(extra)));
    const value = derived.participants.join(', ');
    const range = field.value === '' ? { start: field.nameRange.start, end: field.valueRange.end } : field.valueRange;
    return [{
      message: t('Participants: {0}. The content’s senders are {1}.', parts.join('; '), derived.participants.length ? q(derived.participants) : t('none')),
      range,
      fixes: withRecompute([setValueFix(field, value), recomputeHeaderFix(chunk, derived)]),
    }];
  },
};
