import { recomputeHeaderFix, setValueFix, withRecompute } from './fixes';
import type { Rule } from './rule';

/** The header's Tokens is not the producer's estimate recomputed from the content. */
export const tokensMismatch: Rule = {
  code: 'tokens-mismatch',
  defaultSeverity: 'warning',
  summary: "Tokens is not the producer's estimate, Σ ceil(length / 4) over the non-empty content lines.",
  check({ chunk, values, derived }) {
    const field = values.fields.get('Tokens');
    if (!field || values.tokens === undefined || values.tokens === derived.tokens) return [];
    return [{
      message: `Tokens says ${values.tokens} but the content gives ${derived.tokens} (Σ ceil(length / 4) over ${derived.messages} non-empty lines).`,
      range: field.valueRange,
      fixes: withRecompute([setValueFix(field, String(derived.tokens)), recomputeHeaderFix(chunk, derived)]),
    }];
  },
};
