import { range } from '../parse';
import type { Rule, RuleFinding } from './rule';
import { t } from '../l10n';

/** The same field written twice: a reader cannot tell which value holds. */
export const headerFieldDuplicate: Rule = {
  code: 'header-field-duplicate',
  defaultSeverity: 'error',
  summary: 'A header field is written more than once.',
  check({ chunk }) {
    const h = chunk.header;
    if (!h) return [];
    const first = new Map<string, (typeof h.fields)[number]>();
    const out: RuleFinding[] = [];
    for (const f of h.fields) {
      const prev = first.get(f.name);
      if (!prev) {
        first.set(f.name, f);
        continue;
      }
      const same = prev.value === f.value;
      out.push({
        message: same
          ? t('{0} is written twice (same value, line {1}).', f.name, prev.line + 1)
          : t('{0} is written twice with different values: "{1}" (line {2}) and "{3}".', f.name, prev.value, prev.line + 1, f.value),
        range: f.nameRange,
        related: [{ uri: chunk.uri, range: prev.nameRange, message: t('first {0}', f.name) }],
        // Removing the line is only safe when it says nothing new.
        ...(same ? { fixes: [{ title: t('Remove the duplicate {0} line', f.name), edits: [{ range: range(f.line - 1, chunk.lines[f.line - 1]!.length, f.line, chunk.lines[f.line]!.length), newText: '' }], isPreferred: true }] } : {}),
      });
    }
    return out;
  },
};
