import { lineRange } from '../parse';
import type { Rule } from './rule';
import { t } from '../l10n';

/** A chunk with nothing to embed. */
export const contentEmpty: Rule = {
  code: 'content-empty',
  defaultSeverity: 'warning',
  summary: 'The chunk has no content: nothing would be embedded.',
  check({ chunk }) {
    if (chunk.contentLines.some((l) => l.kind !== 'blank')) return [];
    const at = chunk.header ? (chunk.header.endMarkerLine ?? chunk.header.endLine) : 0;
    return [{ message: chunk.header ? t('The chunk has a header but no content after it.') : t('The chunk is empty.'), range: lineRange(at, chunk.lines[at] ?? '') }];
  },
};
