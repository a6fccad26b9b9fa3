import { MEDIA_MARKERS, wholeTextOf } from '../data/markers';
import { wholeLinesRange } from '../curation/text-edits';
import { range } from '../parse';
import type { Rule, RuleFinding } from './rule';
import { t } from '../l10n';

const isMarker = wholeTextOf(MEDIA_MARKERS);
/** The placeholders found inside a line: the bracketed ones. */
const BRACKETED = MEDIA_MARKERS.filter((x) => x.startsWith('<'));

/** `<Médias omis>`: a placeholder for a photo or a file the export left out. */
export const artifactMedia: Rule = {
  code: 'artifact-media',
  defaultSeverity: 'information',
  summary: 'A media-omitted placeholder such as `<Médias omis>`.',
  check({ chunk }) {
    const out: RuleFinding[] = [];
    for (const m of chunk.messages) {
      if (m.sender === undefined || !isMarker(m.text)) continue;
      const text = m.text.trim();
      // A message that is only the placeholder goes as a whole line.
      const whole = m.endLine === m.line;
      const r = whole ? wholeLinesRange(chunk, m.line, m.line) : m.textRange;
      out.push({
        message: t('Copy artifact: "{0}" stands for a file the export left out.', text),
        range: r,
        fixes: [{ title: whole ? t('Remove the message "{0}"', text) : t('Remove "{0}"', text), edits: [{ range: r, newText: '' }], isPreferred: true }],
      });
    }
    for (const cl of chunk.contentLines) {
      if (cl.kind !== 'continuation' || !cl.text.includes('<')) continue;
      for (const marker of BRACKETED) {
        for (let at = cl.text.indexOf(marker); at >= 0; at = cl.text.indexOf(marker, at + marker.length)) {
          const r = range(cl.line, at, cl.line, at + marker.length);
          out.push({ message: t('Copy artifact: "{0}" stands for a file the export left out.', marker), range: r, fixes: [{ title: t('Remove "{0}"', marker), edits: [{ range: r, newText: '' }], isPreferred: true }] });
        }
      }
    }
    return out;
  },
};
