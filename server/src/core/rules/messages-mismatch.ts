import { recomputeHeaderFix, setValueFix, withRecompute } from './fixes';
import type { Rule } from './rule';

/** The header's Messages is not the number of non-empty content lines (the producer's count). */
export const messagesMismatch: Rule = {
  code: 'messages-mismatch',
  defaultSeverity: 'warning',
  summary: 'Messages is not the number of non-empty content lines (the producer counts lines, not WhatsApp messages).',
  check({ chunk, values, derived }) {
    const field = values.fields.get('Messages');
    if (!field || values.messages === undefined || values.messages === derived.messages) return [];
    return [{
      message: `Messages says ${values.messages} but the content has ${derived.messages} non-empty lines (${derived.whatsappMessages} WhatsApp messages); the producer counts lines.`,
      range: field.valueRange,
      fixes: withRecompute([setValueFix(field, String(derived.messages)), recomputeHeaderFix(chunk, derived)]),
    }];
  },
};
