import { HEADER_END_MARKER, HEADER_START_MARKER } from '../model';
import { lineRange, range } from '../parse';
import { recomputeHeaderFix } from './fixes';
import type { Rule, RuleFinding } from './rule';

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
        message: `Misspelled header marker "${h.startMarker.trim()}"; expected "${HEADER_START_MARKER}".`,
        range: lineRange(0, h.startMarker),
        fixes: [{ title: `Replace with "${HEADER_START_MARKER}"`, edits: [{ range: lineRange(0, h.startMarker), newText: HEADER_START_MARKER }], isPreferred: true }],
      });
    }
    if (h.endMarkerLine === undefined) {
      const fix = recomputeHeaderFix(chunk, derived);
      out.push({
        message: `The header has no closing "${HEADER_END_MARKER}" line, so where the content starts is a guess.`,
        range: lineRange(h.endLine, chunk.lines[h.endLine]!),
        ...(fix ? { fixes: [fix] } : {}),
      });
    } else if (h.endMarker !== HEADER_END_MARKER) {
      const l = h.endMarkerLine;
      out.push({
        message: `Misspelled content marker "${h.endMarker!.trim()}"; expected "${HEADER_END_MARKER}".`,
        range: lineRange(l, chunk.lines[l]!),
        fixes: [{ title: `Replace with "${HEADER_END_MARKER}"`, edits: [{ range: range(l, 0, l, chunk.lines[l]!.length), newText: HEADER_END_MARKER }], isPreferred: true }],
      });
    }
    return out;
  },
};
