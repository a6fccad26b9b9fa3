// Hover on header fields: what the field means and what the content gives.
import type { Position } from 'vscode-languageserver';
import { formatPeriod, type Analysis, type HeaderField } from '../../core';
import type { Feature } from '../context';

const EXPLAIN: Record<string, string> = {
  Période: 'The date of the first and of the last dated message, `dd/mm/yyyy → dd/mm/yyyy`; `null → null` when the producer found none.',
  Participants: 'The distinct senders, comma-separated, in order of first appearance.',
  Topics: 'Keywords the producer spotted. Not checked against the content.',
  Tokens: "The producer's estimate: the sum of `ceil(length / 4)` over the non-empty content lines, each trimmed (UTF-16 length: an emoji counts 2).",
  Messages: 'The number of non-empty content lines — not the number of WhatsApp messages.',
};

function within(p: Position, f: HeaderField): boolean {
  return p.line === f.line && p.character >= f.nameRange.start.character && p.character <= Math.max(f.valueRange.end.character, f.nameRange.end.character + 1);
}

export function headerHoverMarkdown(analysis: Analysis, position: Position): { markdown: string; field: HeaderField } | null {
  const { chunk, derived } = analysis;
  if (!chunk?.header || !derived) return null;
  const field = chunk.header.fields.find((f) => within(position, f));
  if (!field) return null;
  const lines = [`**${field.name}** — ${EXPLAIN[field.name] ?? 'Not a field the producer writes.'}`, ''];
  const senders = new Map<string, number>();
  for (const m of chunk.messages) if (m.sender !== undefined) senders.set(m.sender, (senders.get(m.sender) ?? 0) + 1);
  const written = `Header: \`${field.value || '(empty)'}\``;
  switch (field.name) {
    case 'Tokens':
      lines.push(`${written} · content gives **${derived.tokens}** over ${derived.messages} non-empty lines.`);
      break;
    case 'Messages':
      lines.push(
        `${written} · content has **${derived.messages}** non-empty lines,`,
        `holding ${derived.whatsappMessages} WhatsApp message${derived.whatsappMessages === 1 ? '' : 's'} from ${senders.size} sender${senders.size === 1 ? '' : 's'}.`,
      );
      break;
    case 'Période':
      lines.push(`${written} · content gives **${formatPeriod(derived.period)}** (${chunk.messages.length} dated line${chunk.messages.length === 1 ? '' : 's'}).`);
      break;
    case 'Participants':
      lines.push(`${written} · content's senders:`, '');
      if (senders.size === 0) lines.push('*none*');
      else for (const [s, n] of senders) lines.push(`- ${s} — ${n} message${n === 1 ? '' : 's'}`);
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
