import { recomputeHeaderFix, setValueFix, withRecompute } from './fixes';
import type { Rule } from './rule';
import { t } from '../l10n';

/** The header's Tokens is not the producer's estimate recomputed from the content. */
export const tokensMismatch: Rule = {
  code: 'tokens-mismatch',
  defaultSeverity: 'warning',
  summary: "Tokens is not the producer's estimate, Σ ceil(length / 4) over the non-empty content lines.",
  check({ chunk, values, derived }) {
    const field = values.fields.get('Tokens');
    if (!field || values.tokens === undefined || values.tokens === derived.tokens) return [];
    return [{
      message: t('Tokens says {0} but the content gives {1} (Σ ceil(length / 4) over {2} non-empty lines).', values.tokens, derived.tokens, derived.messages),
      range: field.valueRange,
      fixes: withRecompute([setValueFix(field, String(derived.tokens)), recomputeHeaderFix(chunk, derived)]),
    }];
  },
};
