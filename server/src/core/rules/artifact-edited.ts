import { DELETED_MESSAGES, EDITED_MARKERS, wholeTextOf } from '../data/markers';
import { wholeLinesRange } from '../curation/text-edits';
import { range } from '../parse';
import type { Rule, RuleFinding } from './rule';
import { t } from '../l10n';

const isDeleted = wholeTextOf(DELETED_MESSAGES);
/** Every edited marker is bracketed: a line without `<` holds none. */
const BRACKETED = EDITED_MARKERS.every((m) => m.startsWith('<'));

/** `<Ce message a été modifié>` and deleted-message lines: WhatsApp's notes, not what was said. */
export const artifactEdited: Rule = {
  code: 'artifact-edited',
  defaultSeverity: 'information',
  summary: 'An edited-message marker (`<Ce message a été modifié>`) or a deleted-message line.',
  check({ chunk }) {
    const out: RuleFinding[] = [];
    for (const m of chunk.messages) {
      if (m.sender !== undefined && m.endLine === m.line && isDeleted(m.text)) {
        const r = wholeLinesRange(chunk, m.line, m.line);
        out.push({
          message: t('Deleted message: "{0}" carries no content.', m.text.trim()),
          range: r,
          fixes: [{ title: t('Remove the deleted-message line'), edits: [{ range: r, newText: '' }], isPreferred: true }],
        });
      }
    }
    for (const cl of chunk.contentLines) {
      if (BRACKETED && !cl.text.includes('<')) continue;
      for (const marker of EDITED_MARKERS) {
        for (let at = cl.text.indexOf(marker); at >= 0; at = cl.text.indexOf(marker, at + marker.length)) {
          // The space before the marker goes with it.
          let start = at;
          while (start > 0 && (cl.text[start - 1] === ' ' || cl.text[start - 1] === '\u00A0')) start--;
          const r = range(cl.line, start, cl.line, at + marker.length);
          out.push({
            message: t('Copy artifact: "{0}" is WhatsApp\'s note, not part of the message.', marker),
            range: r,
            fixes: [{ title: t('Remove "{0}"', marker), edits: [{ range: r, newText: '' }], isPreferred: true }],
          });
        }
      }
    }
    return out;
  },
};
