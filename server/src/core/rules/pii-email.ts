import { piiFindings } from './pii-fixes';
import type { Rule } from './rule';
import { t } from '../l10n';

/** An e-mail address. */
export const piiEmail: Rule = {
  code: 'pii-email',
  defaultSeverity: 'warning',
  summary: 'An e-mail address (personal data).',
  check: (ctx) => piiFindings(ctx, 'EMAIL', () => t('an e-mail address')),
};
