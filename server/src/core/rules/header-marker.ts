import { HEADER_END_MARKER, HEADER_START_MARKER } from '../model';
import { lineRange, range } from '../parse';
import { recomputeHeaderFix } from './fixes';
import type { Rule, RuleFinding } from './rule';
import { t } from '../l10n';

/** A header without its closing `=== CONTENU ===`, or a misspelled marker. */
export const headerMarker: Rule = {
  code: 'header-marker',
  defaultSeverity: 'error',
  summary: 'A header marker is misspelled, or the header has no closing `=== CONTENU ===`.',
  check({ chunk, derived }) {
    const h = chunk.header;
    if (!h) return [];
    const out: RuleFinding[] = [];
    if (h.startMarker !== HEADER_START_MARKER) {
      out.push({
        message: t('Misspelled header marker "{0}"; expected "{1}".', h.startMarker.trim(), HEADER_START_MARKER),
        range: lineRange(0, h.startMarker),
        fixes: [{ title: t('Replace with "{0}"', HEADER_START_MARKER), edits: [{ range: lineRange(0, h.startMarker), newText: HEADER_START_MARKER }], isPreferred: true }],
      });
    }
    if (h.endMarkerLine === undefined) {
      const fix = recomputeHeaderFix(chunk, derived);
      out.push({
        message: t('The header has no closing "{0}" line, so where the content starts is a guess.', HEADER_END_MARKER),
        range: lineRange(h.endLine, chunk.lines[h.endLine]!),
        ...(fix ? { fixes: [fix] } : {}),
      });
    } else if (h.endMarker !== HEADER_END_MARKER) {
      const l = h.endMarkerLine;
      out.push({
        message: t('Misspelled content marker "{0}"; expected "{1}".', h.endMarker!.trim(), HEADER_END_MARKER),
        range: lineRange(l, chunk.lines[l]!),
        fixes: [{ title: t('Replace with "{0}"', HEADER_END_MARKER), edits: [{ range: range(l, 0, l, chunk.lines[l]!.length), newText: HEADER_END_MARKER }], isPreferred: true }],
      });
    }
    return out;
  },
};
