import { piiFindings } from './pii-fixes';
import type { Rule } from './rule';
import { t } from '../l10n';

/** A phone number, as a sender or in the text, in any French or international writing (libphonenumber-js). */
export const piiPhone: Rule = {
  code: 'pii-phone',
  defaultSeverity: 'warning',
  summary: 'A phone number (personal data), as a sender or in the text.',
  check: (ctx) => piiFindings(ctx, 'TEL', (asSender) => (asSender ? t('a phone number as the sender') : t('a phone number'))),
};
