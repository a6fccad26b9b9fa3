import { recomputeHeaderFix, setValueFix, withRecompute } from './fixes';
import type { Rule } from './rule';
import { t } from '../l10n';

/** The header's Messages is not the number of non-empty content lines (the producer's count). */
export const messagesMismatch: Rule = {
  code: 'messages-mismatch',
  defaultSeverity: 'warning',
  summary: 'Messages is not the number of non-empty content lines (the producer counts lines, not WhatsApp messages).',
  check({ chunk, values, derived }) {
    const field = values.fields.get('Messages');
    if (!field || values.messages === undefined || values.messages === derived.messages) return [];
    return [{
      message: derived.whatsappMessages === 1
        ? t('Messages says {0} but the content has {1} non-empty lines (1 WhatsApp message); the producer counts lines.', values.messages, derived.messages)
        : t('Messages says {0} but the content has {1} non-empty lines ({2} WhatsApp messages); the producer counts lines.', values.messages, derived.messages, derived.whatsappMessages),
      range: field.valueRange,
      fixes: withRecompute([setValueFix(field, String(derived.messages)), recomputeHeaderFix(chunk, derived)]),
    }];
  },
};
