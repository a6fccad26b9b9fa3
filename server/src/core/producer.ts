// The temporal chunker's rules (FORMAT.md), recomputed from the content whatever export form
// it uses: what the header should say.
import { HEADER_END_MARKER, HEADER_START_MARKER, type Chunk, type ChunkDate } from './model';
import { compareDates, formatDate } from './whatsapp';

export interface ProducerHeader {
  /** First and last dated message; null when the content has none. */
  readonly period: { readonly start: ChunkDate; readonly end: ChunkDate } | null;
  /** Distinct senders in order of first appearance. */
  readonly participants: readonly string[];
  /** Σ ceil(length / 4) over the trimmed non-empty content lines (UTF-16 length). */
  readonly tokens: number;
  /** Number of non-empty content lines (not of WhatsApp messages). */
  readonly messages: number;
  /** Number of actual WhatsApp messages (dated lines with a sender), for hovers. */
  readonly whatsappMessages: number;
}

/** The producer's token estimate for one line of text. */
export function estimateTokens(line: string): number {
  const t = line.trim();
  return t === '' ? 0 : Math.ceil(t.length / 4);
}

export function deriveHeader(chunk: Chunk): ProducerHeader {
  let tokens = 0;
  let messages = 0;
  for (const cl of chunk.contentLines) {
    const t = cl.text.trim();
    if (t === '') continue;
    tokens += Math.ceil(t.length / 4);
    messages++;
  }
  const participants: string[] = [];
  const seen = new Set<string>();
  let start: ChunkDate | undefined;
  let end: ChunkDate | undefined;
  let whatsappMessages = 0;
  for (const m of chunk.messages) {
    // The producer takes the first and the last dated message, in file order.
    if (!start) start = m.date;
    end = m.date;
    if (m.sender === undefined) continue;
    whatsappMessages++;
    if (!seen.has(m.sender)) {
      seen.add(m.sender);
      participants.push(m.sender);
    }
  }
  return { period: start && end ? { start, end } : null, participants, tokens, messages, whatsappMessages };
}

export function formatPeriod(p: ProducerHeader['period']): string {
  return p ? `${formatDate(p.start)} → ${formatDate(p.end)}` : 'null → null';
}

export function periodIsOrdered(p: { start: ChunkDate; end: ChunkDate }): boolean {
  return compareDates(p.start, p.end) <= 0;
}

/** The header block the producer would write, keeping the chunk's own Topics and extra fields. */
export function renderHeader(derived: ProducerHeader, topics: string, extraFields: readonly string[] = []): string[] {
  return [
    HEADER_START_MARKER,
    `Période: ${formatPeriod(derived.period)}`,
    `Participants: ${derived.participants.join(', ')}`,
    `Topics: ${topics}`,
    `Tokens: ${derived.tokens}`,
    `Messages: ${derived.messages}`,
    ...extraFields,
    '',
    HEADER_END_MARKER,
  ];
}
