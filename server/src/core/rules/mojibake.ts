import { findMojibake } from '../curation/mojibake';
import { range } from '../parse';
import type { Rule, RuleFinding } from './rule';
import { t } from '../l10n';

/** `Ã©`-style double-encoded UTF-8. */
export const mojibake: Rule = {
  code: 'mojibake',
  defaultSeverity: 'warning',
  summary: 'Double-encoded UTF-8 (`Ã©` for `é`, `â€™` for `’`).',
  check({ chunk }) {
    const out: RuleFinding[] = [];
    chunk.lines.forEach((line, l) => {
      for (const s of findMojibake(line)) {
        const r = range(l, s.start, l, s.end);
        out.push({
          message: t('Mojibake: "{0}" is UTF-8 read as Windows-1252; it means "{1}".', s.text, s.repaired),
          range: r,
          fixes: [{ title: t('Repair as "{0}"', s.repaired), edits: [{ range: r, newText: s.repaired }], isPreferred: true }],
        });
      }
    });
    return out;
  },
};
