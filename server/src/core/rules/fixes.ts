// Fixes shared by the header rules.
import type { Fix, Chunk, HeaderField } from '../model';
import type { ProducerHeader } from '../producer';
import { renderHeader } from '../producer';
import { isKnownField, suggestField } from '../header-values';
import { range } from '../parse';
import { t } from '../l10n';

/** Replaces the whole header block (and only it) with what the producer would write. */
export function recomputeHeaderFix(chunk: Chunk, derived: ProducerHeader): Fix | undefined {
  const h = chunk.header;
  if (!h) return undefined;
  const fields = h.fields;
  const topics = fields.find((f) => f.name === 'Topics' || (!isKnownField(f.name) && suggestField(f.name) === 'Topics'))?.value ?? '';
  // Fields the producer does not write are kept, so nothing the user typed is lost.
  const extra = fields
    .filter((f) => !isKnownField(f.name) && !suggestField(f.name))
    .map((f) => chunk.lines[f.line]!.trim());
  let last = h.endMarkerLine ?? h.endLine;
  // Without the closing marker, the blank line after the fields is the header's too.
  if (h.endMarkerLine === undefined && chunk.lines[last + 1]?.trim() === '' && last + 1 < chunk.contentStartLine) last++;
  const lines = renderHeader(derived, topics, extra);
  return {
    title: t('Recompute header from content'),
    edits: [{ range: range(0, 0, last, chunk.lines[last]!.length), newText: lines.join(chunk.eol) }],
  };
}

export function setValueFix(field: HeaderField, value: string, label = value): Fix {
  return { title: t('Set {0} to {1}', field.name, label === '' ? t('(empty)') : label), edits: [{ range: field.valueRange, newText: value }], isPreferred: true };
}

export function withRecompute(fixes: (Fix | undefined)[]): Fix[] {
  return fixes.filter((f): f is Fix => f !== undefined);
}
