import { countO200k } from '../curation/tokenizer';
import { range } from '../parse';
import type { Chunk } from '../model';
import type { Rule } from './rule';
import { t } from '../l10n';

/** The o200k count of a chunk's content as the producer measures it: non-empty lines, trimmed. */
export function tokenizerTokens(chunk: Chunk): number {
  return countO200k(chunk.contentLines.filter((c) => c.text.trim() !== '').map((c) => c.text.trim()).join('\n'));
}

/** A chunk over the configured token budget (default 500, the producer's). */
export const tokenBudget: Rule = {
  code: 'token-budget',
  defaultSeverity: 'information',
  summary: "The chunk exceeds the token budget (`tokenBudget`, 500 by default) by the producer's estimate.",
  check({ chunk, derived, values, config, tokenizerCount }) {
    if (derived.tokens <= config.tokenBudget) return [];
    const field = values.fields.get('Tokens');
    const first = chunk.contentLines.find((c) => c.text.trim() !== '');
    const r = field ? field.valueRange : range(first?.line ?? 0, 0, first?.line ?? 0, 0);
    if (tokenizerCount === false) {
      return [{ message: t('Over the token budget of {0}: {1} tokens by the producer\'s estimate (Σ ceil(length / 4)). Open the chunk for the o200k tokenizer\'s count.', config.tokenBudget, derived.tokens), range: r }];
    }
    return [{
      message: t('Over the token budget of {0}: {1} tokens by the producer\'s estimate (Σ ceil(length / 4)), {2} by the o200k tokenizer.', config.tokenBudget, derived.tokens, tokenizerTokens(chunk)),
      range: r,
    }];
  },
};
