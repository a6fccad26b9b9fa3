// The participants and dates trees, computed from the chunks' content (whatever the headers
// say). Node ids are stable paths, so a client keeps its expansion state across refreshes.
import type { Chunk, ChunkDate, Range } from './model';
import { t } from './l10n';
import { formatDate } from './whatsapp';
import { chunkName } from './chunk-name';

export type TreeKind = 'participants' | 'dates';

export interface TreeNode {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly count: number;
  readonly hasChildren: boolean;
  readonly uri?: string;
  readonly range?: Range;
  /** Why the node is special, for the client's icon (e.g. a phone-number sender). */
  readonly tags?: readonly ('personal-data' | 'undated' | 'article' | 'chat')[];
}

/** What the trees need of a chunk: its dated lines. The chunk itself is asked for only to show a leaf. */
export interface TreeChunk {
  readonly id: string;
  readonly messages: readonly { readonly line: number; readonly date: ChunkDate; readonly sender?: string }[];
  /** An article's place in time (`articleDate`); undefined for an undated article. */
  readonly date?: { readonly year: number; readonly month: number; readonly day?: number; readonly line: number };
}

/** A chunk as the trees take it. */
export function treeChunk(id: string, chunk: Chunk): TreeChunk {
  const date = chunk.messages.length === 0 ? articleDate(chunk) : undefined;
  return { id, messages: chunk.messages.map((m) => ({ line: m.line, date: m.date, ...(m.sender !== undefined ? { sender: m.sender } : {}) })), ...(date ? { date } : {}) };
}

const PHONE_SENDER = /^\+?[\d\s().-]{7,}$/;
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const EN_DATE = new RegExp(`\\b(${EN_MONTHS.join('|')}) (\\d{1,2}), (\\d{4})\\b`, 'i');
const FR_DATE = new RegExp(`\\b(\\d{1,2})(?:er)? (${FR_MONTHS.join('|')}) (\\d{4})\\b`, 'i');

export function isPhoneSender(sender: string): boolean {
  return PHONE_SENDER.test(sender) && sender.replace(/\D/g, '').length >= 8;
}

/** Where an article sits in time: its ` date YYYY-MM` line, else the first full date its text gives. */
export function articleDate(chunk: Chunk): { year: number; month: number; day?: number; line: number } | undefined {
  if (chunk.articleDate) return { year: chunk.articleDate.year, month: chunk.articleDate.month, line: 0 };
  for (let l = 0; l < chunk.lines.length; l++) {
    const text = chunk.lines[l]!;
    const en = EN_DATE.exec(text);
    if (en) return { year: Number(en[3]), month: EN_MONTHS.indexOf(en[1]!.toLowerCase()) + 1, day: Number(en[2]), line: l };
    const fr = FR_DATE.exec(text);
    if (fr) return { year: Number(fr[3]), month: FR_MONTHS.indexOf(fr[2]!.toLowerCase()) + 1, day: Number(fr[1]), line: l };
  }
  return undefined;
}

function firstWords(text: string, max = 8): string {
  const words = text.trim().split(/\s+/);
  return words.length > max ? `${words.slice(0, max).join(' ')}…` : words.join(' ');
}

const pad = (n: number) => String(n).padStart(2, '0');
const messagesLabel = (n: number) => (n === 1 ? t('{0} message', n) : t('{0} messages', n));
const chunksLabel = (n: number) => (n === 1 ? t('{0} chunk', n) : t('{0} chunks', n));

/** The model behind both trees; build once per corpus change, query per expanded node. */
export class CorpusTree {
  private readonly senders = new Map<string, { messages: number; chunks: Map<string, { lines: number[] }> }>();
  /** yyyy → mm → dd (0: no day known) → chunk id → messages that day. */
  private readonly days = new Map<number, Map<number, Map<number, Map<string, { messages: number; line: number }>>>>();
  private readonly undated: string[] = [];

  /** `chunkOf` gives a chunk's text when a node shows its lines (message leaves, line ranges). */
  constructor(chunks: Iterable<TreeChunk>, private readonly chunkOf: (id: string) => Chunk | undefined, private readonly locale = 'en') {
    for (const { id, messages, date } of chunks) {
      for (const m of messages) {
        if (m.sender !== undefined) {
          let s = this.senders.get(m.sender);
          if (!s) this.senders.set(m.sender, (s = { messages: 0, chunks: new Map() }));
          s.messages++;
          let c = s.chunks.get(id);
          if (!c) s.chunks.set(id, (c = { lines: [] }));
          c.lines.push(m.line);
        }
        this.addDay(m.date, id, 1, m.line);
      }
      if (messages.length === 0) {
        if (date) this.addDay({ year: date.year, month: date.month, day: date.day ?? 0 }, id, 0, date.line);
        else this.undated.push(id);
      }
    }
  }

  private lineRange(id: string, line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.chunkOf(id)?.lines[line]?.length ?? 0 } };
  }

  private addDay(d: ChunkDate, id: string, messages: number, line: number): void {
    let y = this.days.get(d.year);
    if (!y) this.days.set(d.year, (y = new Map()));
    let m = y.get(d.month);
    if (!m) y.set(d.month, (m = new Map()));
    let day = m.get(d.day);
    if (!day) m.set(d.day, (day = new Map()));
    const c = day.get(id);
    if (c) c.messages += messages;
    else day.set(id, { messages, line });
  }

  children(kind: TreeKind, parent?: string): TreeNode[] {
    return kind === 'participants' ? this.participants(parent) : this.dates(parent);
  }

  private participants(parent?: string): TreeNode[] {
    if (!parent) {
      return [...this.senders.entries()]
        .sort((a, b) => b[1].messages - a[1].messages || b[1].chunks.size - a[1].chunks.size || a[0].localeCompare(b[0]))
        .map(([sender, s]) => ({
          id: `p/${sender}`,
          label: sender,
          description: `${messagesLabel(s.messages)} · ${chunksLabel(s.chunks.size)}${isPhoneSender(sender) ? ` · ${t('personal data')}` : ''}`,
          count: s.messages,
          hasChildren: s.chunks.size > 0,
          ...(isPhoneSender(sender) ? { tags: ['personal-data' as const] } : {}),
        }));
    }
    const [, sender, chunkId] = /^p\/(.*?)(?:\/\/c\/(.*))?$/.exec(parent) ?? [];
    const s = sender !== undefined ? this.senders.get(sender) : undefined;
    if (!s) return [];
    if (chunkId === undefined) {
      return [...s.chunks.entries()]
        .sort((a, b) => chunkName(a[0]).localeCompare(chunkName(b[0])))
        .map(([id, c]) => ({
          id: `p/${sender}//c/${id}`,
          label: chunkName(id),
          description: messagesLabel(c.lines.length),
          count: c.lines.length,
          hasChildren: true,
          uri: id,
          range: this.lineRange(id, c.lines[0]!),
          tags: ['chat' as const],
        }));
    }
    const c = s.chunks.get(chunkId);
    const chunk = this.chunkOf(chunkId);
    if (!c || !chunk) return [];
    return c.lines.flatMap((line) => {
      const m = chunk.messages.find((x) => x.line === line);
      if (!m) return [];
      return {
        id: `p/${sender}//c/${chunkId}//m/${line}`,
        label: `${formatDate(m.date)} ${m.time}`,
        description: firstWords(m.text),
        count: 1,
        hasChildren: false,
        uri: chunkId,
        range: this.lineRange(chunkId, line),
      };
    });
  }

  private monthName(month: number): string {
    try {
      return new Intl.DateTimeFormat(this.locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
    } catch {
      return pad(month);
    }
  }

  private dates(parent?: string): TreeNode[] {
    const countChunks = (m: Map<number, Map<string, unknown>>) => [...m.values()].reduce((n, d) => n + d.size, 0);
    if (!parent) {
      const years: TreeNode[] = [...this.days.entries()].sort((a, b) => b[0] - a[0]).map(([year, months]) => {
        const chunks = [...months.values()].reduce((n, m) => n + countChunks(m), 0);
        return { id: `d/${year}`, label: String(year), description: chunksLabel(chunks), count: chunks, hasChildren: true };
      });
      if (this.undated.length > 0) {
        years.push({ id: 'd/undated', label: t('Undated'), description: chunksLabel(this.undated.length), count: this.undated.length, hasChildren: true, tags: ['undated'] });
      }
      return years;
    }
    if (parent === 'd/undated') {
      return this.undated
        .slice()
        .sort((a, b) => chunkName(a).localeCompare(chunkName(b)))
        .map((id) => ({ id: `d/undated//c/${id}`, label: chunkName(id), count: 0, hasChildren: false, uri: id, range: this.lineRange(id, 0), tags: ['article' as const, 'undated' as const] }));
    }
    const [, y, mo, d] = /^d\/(\d+)(?:-(\d+))?(?:-(\d+))?$/.exec(parent) ?? [];
    const months = y ? this.days.get(Number(y)) : undefined;
    if (!months) return [];
    if (mo === undefined) {
      return [...months.entries()].sort((a, b) => a[0] - b[0]).map(([month, days]) => {
        const chunks = countChunks(days);
        return { id: `d/${y}-${pad(month)}`, label: this.monthName(month), description: chunksLabel(chunks), count: chunks, hasChildren: true };
      });
    }
    const days = months.get(Number(mo));
    if (!days) return [];
    if (d === undefined) {
      const out: TreeNode[] = [];
      for (const [day, chunks] of [...days.entries()].sort((a, b) => a[0] - b[0])) {
        if (day === 0) {
          // Articles known only to the month sit directly under it.
          for (const [id, c] of chunks) out.push({ id: `d/${y}-${mo}//c/${id}`, label: chunkName(id), description: t('article'), count: 0, hasChildren: false, uri: id, range: this.lineRange(id, c.line), tags: ['article'] });
          continue;
        }
        const total = [...chunks.values()].reduce((n, c) => n + c.messages, 0);
        out.push({
          id: `d/${y}-${mo}-${pad(day)}`,
          label: formatDate({ year: Number(y), month: Number(mo), day }),
          description: `${chunksLabel(chunks.size)} · ${messagesLabel(total)}`,
          count: chunks.size,
          hasChildren: true,
        });
      }
      return out;
    }
    const chunks = days.get(Number(d));
    if (!chunks) return [];
    return [...chunks.entries()]
      .sort((a, b) => chunkName(a[0]).localeCompare(chunkName(b[0])))
      .map(([id, c]) => ({
        id: `d/${y}-${mo}-${d}//c/${id}`,
        label: chunkName(id),
        description: c.messages > 0 ? messagesLabel(c.messages) : t('article'),
        count: c.messages,
        hasChildren: false,
        uri: id,
        range: this.lineRange(id, c.line),
        tags: [c.messages > 0 ? 'chat' as const : 'article' as const],
      }));
  }
}
