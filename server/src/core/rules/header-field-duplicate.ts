import { range } from '../parse';
import type { Rule, RuleFinding } from './rule';

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
          ? `${f.name} is written twice (same value, line ${prev.line + 1}).`
          : `${f.name} is written twice with different values: "${prev.value}" (line ${prev.line + 1}) and "${f.value}".`,
        range: f.nameRange,
        related: [{ uri: chunk.uri, range: prev.nameRange, message: `first ${f.name}` }],
        // Removing the line is only safe when it says nothing new.
        ...(same ? { fixes: [{ title: `Remove the duplicate ${f.name} line`, edits: [{ range: range(f.line - 1, chunk.lines[f.line - 1]!.length, f.line, chunk.lines[f.line]!.length), newText: '' }], isPreferred: true }] } : {}),
      });
    }
    return out;
  },
};
