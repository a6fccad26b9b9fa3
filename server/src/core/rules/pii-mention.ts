import { piiFindings } from './pii-fixes';
import type { Rule } from './rule';
import { t } from '../l10n';

/** A WhatsApp mention of a contact by number, `@33612345678`. */
export const piiMention: Rule = {
  code: 'pii-mention',
  defaultSeverity: 'warning',
  summary: 'A WhatsApp mention by phone number, such as `@33612345678` (personal data).',
  check: (ctx) => piiFindings(ctx, 'MENTION', () => t('a WhatsApp mention by phone number')),
};
