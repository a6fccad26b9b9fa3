// Hover on header fields: what the field means and what the content gives.
import type { Position } from 'vscode-languageserver';
import { formatPeriod, t, type Analysis, type HeaderField } from '../../core';
import { tokenizerTokens } from '../../core/rules/token-budget';
import type { Feature } from '../context';

const EXPLAIN: Record<string, () => string> = {
  Période: () => t('The date of the first and of the last dated message, `dd/mm/yyyy → dd/mm/yyyy`; `null → null` when the producer found none.'),
  Participants: () => t('The distinct senders, comma-separated, in order of first appearance.'),
  Topics: () => t('Keywords the producer spotted. Not checked against the content.'),
  Tokens: () => t('The producer’s estimate: the sum of `ceil(length / 4)` over the non-empty content lines, each trimmed (UTF-16 length: an emoji counts 2).'),
  Messages: () => t('The number of non-empty content lines — not the number of WhatsApp messages.'),
};

function within(p: Position, f: HeaderField): boolean {
  return p.line === f.line && p.character >= f.nameRange.start.character && p.character <= Math.max(f.valueRange.end.character, f.nameRange.end.character + 1);
}

export function headerHoverMarkdown(analysis: Analysis, position: Position): { markdown: string; field: HeaderField } | null {
  const { chunk, derived } = analysis;
  if (!chunk?.header || !derived) return null;
  const field = chunk.header.fields.find((f) => within(position, f));
  if (!field) return null;
  const lines = [`**${field.name}** — ${EXPLAIN[field.name]?.() ?? t('Not a field the producer writes.')}`, ''];
  const senders = new Map<string, number>();
  for (const m of chunk.messages) if (m.sender !== undefined) senders.set(m.sender, (senders.get(m.sender) ?? 0) + 1);
  const written = t('Header: `{0}`', field.value || t('(empty)'));
  switch (field.name) {
    case 'Tokens':
      lines.push(t('{0} · content gives **{1}** over {2} non-empty lines.', written, derived.tokens, derived.messages));
      // A real tokenizer's count, on demand (a few hundred microseconds for one chunk).
      lines.push('', t('The o200k tokenizer (current OpenAI models) counts **{0}**.', tokenizerTokens(chunk)));
      break;
    case 'Messages':
      lines.push(
        t('{0} · content has **{1}** non-empty lines,', written, derived.messages),
        derived.whatsappMessages === 1 && senders.size === 1
          ? t('holding 1 WhatsApp message from 1 sender.')
          : t('holding {0} WhatsApp messages from {1} senders.', derived.whatsappMessages, senders.size),
      );
      break;
    case 'Période':
      lines.push(t('{0} · content gives **{1}** ({2} dated lines).', written, formatPeriod(derived.period), chunk.messages.length));
      break;
    case 'Participants':
      lines.push(t('{0} · content’s senders:', written), '');
      if (senders.size === 0) lines.push(`*${t('none')}*`);
      else for (const [s, n] of senders) lines.push(`- ${s} — ${n === 1 ? t('1 message') : t('{0} messages', n)}`);
      break;
    default:
      break;
  }
  return { markdown: lines.join('\n'), field };
}

export const headerHover: Feature = (ctx) => {
  ctx.addHoverProvider((entry, params) => {
    const h = headerHoverMarkdown(entry.analysis, params.position);
    return h ? { contents: { kind: 'markdown', value: h.markdown }, range: { start: h.field.nameRange.start, end: h.field.valueRange.end } } : null;
  });
};
