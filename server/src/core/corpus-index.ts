// The corpus index: per chunk, its header, messages (date, sender), entity mentions and figure
// mentions with positions; across chunks, which chunks mention an entity, quote a quantity,
// hold a sender's messages or a day's. Built from parsed chunks only (it reads no files) and
// updated one chunk at a time with `apply`; `snapshot()` makes "the incremental index equals
// a rebuild" checkable. Queries read these maps and never rescan a chunk's text.
import type { EntityEntry } from './config';
import { extractEntities, type EntityMention, type MentionKind } from './entities/extract';
import { foldKey } from './entities/fold';
import { EntityRecognizer } from './entities/recognizer';
import { extractFigures, sameQuantity, valueBucket, type FigureMention } from './figures/extract';
import type { Chunk, ChunkKind, Position, Range } from './model';
import { articleDate, type TreeChunk } from './corpus-tree';
import { Interner, own } from './own';
import type { RelatedSignals } from './search';

export interface MessageRecord {
  readonly line: number;
  /** `YYYY-MM-DD`. */
  readonly day: string;
  readonly time: string;
  readonly sender?: string;
  readonly senderRange?: Range;
  readonly dateRange: Range;
}

export interface IndexedFigure extends FigureMention {
  /** Known entities (topics aside) named on the same line: what the figure is about. */
  readonly subjects: readonly string[];
}

export interface ChunkRecord {
  readonly id: string;
  readonly kind: ChunkKind;
  /** Header fields as written (name → value); undefined for a chunk without header. */
  readonly header?: Readonly<Record<string, string>>;
  /** An article's ` date YYYY-MM`, as `YYYY-MM`. */
  readonly articleMonth?: string;
  readonly articleDateRange?: Range;
  readonly messages: readonly MessageRecord[];
  readonly entities: readonly EntityMention[];
  readonly figures: readonly IndexedFigure[];
  /** First and last date of the chunk (`YYYY-MM-DD`, or `YYYY-MM` for an article date). */
  readonly firstDate?: string;
  readonly lastDate?: string;
  /** A chunk without messages: where it sits in the dates tree (`articleDate`). */
  readonly treeDate?: TreeChunk['date'];
}

export interface ChunkLink {
  readonly id: string;
  /** First line (0-based) of what the link points at. */
  readonly line: number;
  readonly count: number;
}

export interface EntityInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: MentionKind;
  /** Configured aliases (known entities). */
  readonly aliases: readonly string[];
  /** Distinct ways the corpus writes it, most frequent first. */
  readonly seen: readonly string[];
  readonly mentions: number;
  readonly chunks: number;
}

export interface EntityCard extends EntityInfo {
  readonly links: readonly ChunkLink[];
  readonly firstDate?: string;
  readonly lastDate?: string;
  readonly with: readonly { readonly id: string; readonly name: string; readonly chunks: number }[];
  /** Set when a participant of the corpus bears this name. */
  readonly participant?: string;
}

export interface FigureLink {
  readonly id: string;
  readonly figure: IndexedFigure;
}

export interface FigureCard {
  readonly figure: IndexedFigure;
  /** Other chunks quoting the same quantity (within 1 %). */
  readonly same: readonly FigureLink[];
  /** Other chunks giving a different figure of the same kind about one of its subjects. */
  readonly different: readonly (FigureLink & { readonly subject: string; readonly subjectName: string })[];
}

export interface ParticipantCard {
  readonly sender: string;
  readonly messages: number;
  readonly links: readonly ChunkLink[];
  readonly first?: { readonly day: string; readonly time: string };
  readonly last?: { readonly day: string; readonly time: string };
}

export interface DayCard {
  /** `YYYY-MM-DD`, or `YYYY-MM` for an article month. */
  readonly day: string;
  readonly messages: number;
  readonly links: readonly ChunkLink[];
}

export type IndexHit =
  | { readonly type: 'entity'; readonly mention: EntityMention }
  | { readonly type: 'figure'; readonly figure: IndexedFigure }
  | { readonly type: 'sender'; readonly sender: string; readonly range: Range }
  | { readonly type: 'date'; readonly day: string; readonly range: Range };

type Counts = Map<string, number>;

function bump(map: Map<string, Counts>, key: string, id: string, by: number): void {
  let m = map.get(key);
  if (!m) map.set(key, (m = new Map()));
  const n = (m.get(id) ?? 0) + by;
  if (n <= 0) {
    m.delete(id);
    if (m.size === 0) map.delete(key);
  } else m.set(id, n);
}

const pad = (n: number) => String(n).padStart(2, '0');

function within(p: Position, r: Range): boolean {
  return p.line === r.start.line && p.character >= r.start.character && p.character <= r.end.character;
}

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** What the index keeps of one chunk. Pure: the same chunk always gives the same record. */
export function buildRecord(id: string, chunk: Chunk, recognizer: EntityRecognizer, name: (s: string) => string = own): ChunkRecord {
  // Every string kept is owned (`name`), so the record does not pin the chunk's text (own.ts).
  const messages: MessageRecord[] = chunk.messages.map((m) => ({
    line: m.line,
    day: `${m.date.year}-${pad(m.date.month)}-${pad(m.date.day)}`,
    time: m.time,
    ...(m.sender !== undefined ? { sender: name(m.sender), senderRange: m.senderRange! } : {}),
    dateRange: m.dateRange,
  }));
  const entities = extractEntities(chunk, recognizer).map((e) => ({ ...e, entity: name(e.entity), surface: name(e.surface) }));
  const byLine = new Map<number, string[]>();
  for (const e of entities) {
    if (!e.entity.startsWith('e:') || recognizer.get(e.entity)?.kind === 'topic') continue;
    const l = byLine.get(e.line) ?? [];
    if (!l.includes(e.entity)) l.push(e.entity);
    byLine.set(e.line, l);
  }
  const figures = extractFigures(chunk).map((f) => ({ ...f, surface: name(f.surface), unit: name(f.unit), subjects: byLine.get(f.line) ?? [] }));
  const articleMonth = chunk.articleDate ? `${chunk.articleDate.year}-${pad(chunk.articleDate.month)}` : undefined;
  const dates = messages.map((m) => m.day);
  if (articleMonth) dates.push(articleMonth);
  dates.sort();
  const header = chunk.header ? Object.fromEntries(chunk.header.fields.map((f) => [name(f.name), own(f.value)])) : undefined;
  const treeDate = chunk.messages.length === 0 ? articleDate(chunk) : undefined;
  return {
    id,
    kind: chunk.kind,
    ...(header ? { header } : {}),
    ...(articleMonth ? { articleMonth, articleDateRange: chunk.articleDate!.range } : {}),
    messages,
    entities,
    figures,
    ...(dates.length > 0 ? { firstDate: dates[0]!, lastDate: dates[dates.length - 1]! } : {}),
    ...(treeDate ? { treeDate } : {}),
  };
}

/**
 * A message as the index keeps it: its sender and date ranges (both on its own line) as four
 * numbers, the Range objects made when asked. Six objects fewer per message.
 */
class CompactMessage implements MessageRecord {
  constructor(
    readonly line: number,
    readonly day: string,
    readonly time: string,
    readonly sender: string | undefined,
    private readonly senderStart: number,
    private readonly senderEnd: number,
    private readonly dateStart: number,
    private readonly dateEnd: number,
  ) {}

  get senderRange(): Range | undefined {
    return this.sender === undefined ? undefined : range(this.line, this.senderStart, this.senderEnd);
  }

  get dateRange(): Range {
    return range(this.line, this.dateStart, this.dateEnd);
  }
}

const rangeOf = (r: Range): Range => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });

/**
 * A record as this thread keeps it: every string shared through `name` (a record cloned from a
 * worker carries a fresh copy of each, down to \`plain\` and \`fr\`), and every object built
 * with one fixed shape (a spread or a clone gives objects out-of-line property stores). At 100 000
 * chunks this is a few hundred MB.
 */
export function compactRecord(r: ChunkRecord, name: (s: string) => string): ChunkRecord {
  return {
    id: r.id,
    kind: r.kind,
    ...(r.header ? { header: Object.fromEntries(Object.entries(r.header).map(([k, v]) => [name(k), v])) } : {}),
    ...(r.articleMonth ? { articleMonth: name(r.articleMonth), articleDateRange: rangeOf(r.articleDateRange!) } : {}),
    messages: r.messages.map((m) => new CompactMessage(m.line, name(m.day), name(m.time), m.sender !== undefined ? name(m.sender) : undefined, m.senderRange?.start.character ?? 0, m.senderRange?.end.character ?? 0, m.dateRange.start.character, m.dateRange.end.character)),
    entities: r.entities.map((e) => ({ entity: name(e.entity), line: e.line, start: e.start, end: e.end, surface: name(e.surface), form: name(e.form) as typeof e.form })),
    figures: r.figures.map((f) => ({
      line: f.line,
      start: f.start,
      end: f.end,
      surface: name(f.surface),
      value: f.value,
      family: name(f.family) as typeof f.family,
      unit: name(f.unit),
      ...(f.scale ? { scale: { word: name(f.scale.word), multiplier: f.scale.multiplier, reason: name(f.scale.reason) as typeof f.scale.reason, ...(f.scale.alternative !== undefined ? { alternative: f.scale.alternative } : {}) } } : {}),
      language: name(f.language) as typeof f.language,
      ...(f.inRange !== undefined ? { inRange: f.inRange } : {}),
      ...(f.approximate !== undefined ? { approximate: f.approximate } : {}),
      subjects: f.subjects.map(name),
    })),
    ...(r.firstDate ? { firstDate: name(r.firstDate), lastDate: name(r.lastDate!) } : {}),
    ...(r.treeDate ? { treeDate: r.treeDate } : {}),
  };
}

export class CorpusIndex implements RelatedSignals {
  readonly recognizer: EntityRecognizer;
  private readonly records = new Map<string, ChunkRecord>();
  /** Senders, surfaces and entity keys, one owned copy each. */
  private readonly names = new Interner();
  /** entity id → chunk → mentions. */
  private readonly entityChunks = new Map<string, Counts>();
  /** entity id → surface as written → mentions. */
  private readonly surfaces = new Map<string, Counts>();
  /** value bucket (1 % grid) → chunk → figures. */
  private readonly figureBuckets = new Map<string, Counts>();
  /** `family:bucket` → chunks: related-chunk lookups without scanning each chunk's figures. */
  private readonly figureFamilyBuckets = new Map<string, Counts>();
  /** sender → chunk → messages. */
  private readonly senderChunks = new Map<string, Counts>();
  /** `YYYY-MM-DD` (messages) or `YYYY-MM` (article dates) → chunk → messages. */
  private readonly dateChunks = new Map<string, Counts>();

  constructor(entities: readonly EntityEntry[] | EntityRecognizer = []) {
    this.recognizer = entities instanceof EntityRecognizer ? entities : new EntityRecognizer(entities);
  }

  get size(): number {
    return this.records.size;
  }

  /** Every chunk as the participants and dates trees take it. */
  *treeChunks(): IterableIterator<TreeChunk> {
    for (const rec of this.records.values()) {
      yield {
        id: rec.id,
        messages: rec.messages.map((m) => ({ line: m.line, date: { year: Number(m.day.slice(0, 4)), month: Number(m.day.slice(5, 7)), day: Number(m.day.slice(8, 10)) }, ...(m.sender !== undefined ? { sender: m.sender } : {}) })),
        ...(rec.treeDate ? { date: rec.treeDate } : {}),
      };
    }
  }

  /** Puts a chunk's new version in the index, or takes it out (`undefined`). */
  apply(id: string, chunk: Chunk | undefined): void {
    this.store(id, chunk ? compactRecord(buildRecord(id, chunk, this.recognizer), this.name) : undefined);
  }

  /** The same from a record built elsewhere (`buildRecord`, in a worker): its strings are shared here. */
  applyRecord(id: string, built: ChunkRecord | undefined): void {
    this.store(id, built && compactRecord(built, this.name));
  }

  private store(id: string, rec: ChunkRecord | undefined): void {
    const old = this.records.get(id);
    if (old) this.account(old, -1);
    if (!rec) {
      this.records.delete(id);
      return;
    }
    this.records.set(id, rec);
    this.account(rec, +1);
  }

  private readonly name = (s: string) => this.names.get(s);

  private account(rec: ChunkRecord, sign: 1 | -1): void {
    const { id } = rec;
    for (const e of rec.entities) {
      bump(this.entityChunks, e.entity, id, sign);
      bump(this.surfaces, e.entity, e.surface, sign);
    }
    for (const f of rec.figures) {
      bump(this.figureBuckets, String(valueBucket(f.value)), id, sign);
      bump(this.figureFamilyBuckets, `${f.family}:${valueBucket(f.value)}`, id, sign);
    }
    for (const m of rec.messages) {
      if (m.sender !== undefined) bump(this.senderChunks, m.sender, id, sign);
      bump(this.dateChunks, m.day, id, sign);
    }
    // An article date counts the chunk for its month, with no message.
    if (rec.articleMonth) {
      let m = this.dateChunks.get(rec.articleMonth);
      if (sign > 0) {
        if (!m) this.dateChunks.set(rec.articleMonth, (m = new Map()));
        m.set(id, m.get(id) ?? 0);
      } else if (m && m.get(id) === 0) {
        m.delete(id);
        if (m.size === 0) this.dateChunks.delete(rec.articleMonth);
      }
    }
  }

  record(id: string): ChunkRecord | undefined {
    return this.records.get(id);
  }

  /** Everything the index holds, in a canonical order: equal snapshots, equal indexes. */
  snapshot(): unknown {
    const sorted = <T>(m: Map<string, T>, f: (v: T) => unknown) => [...m.keys()].sort().map((k) => [k, f(m.get(k)!)]);
    const counts = (c: Counts) => [...c.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      records: sorted(this.records, (r) => r),
      entityChunks: sorted(this.entityChunks, counts),
      surfaces: sorted(this.surfaces, counts),
      figureBuckets: sorted(this.figureBuckets, counts),
      figureFamilyBuckets: sorted(this.figureFamilyBuckets, counts),
      senderChunks: sorted(this.senderChunks, counts),
      dateChunks: sorted(this.dateChunks, counts),
    };
  }

  equals(other: CorpusIndex): boolean {
    return JSON.stringify(this.snapshot()) === JSON.stringify(other.snapshot());
  }

  /** What sits under a position of a chunk: an entity, a figure, a sender or a message date. */
  at(id: string, p: Position): IndexHit | undefined {
    const rec = this.records.get(id);
    if (!rec) return undefined;
    for (const m of rec.messages) {
      if (m.line !== p.line) continue;
      if (m.senderRange && within(p, m.senderRange)) return { type: 'sender', sender: m.sender!, range: m.senderRange };
      if (within(p, m.dateRange)) return { type: 'date', day: m.day, range: m.dateRange };
    }
    if (rec.articleDateRange && rec.articleMonth && within(p, rec.articleDateRange)) return { type: 'date', day: rec.articleMonth, range: rec.articleDateRange };
    for (const f of rec.figures) if (f.line === p.line && p.character >= f.start && p.character <= f.end) return { type: 'figure', figure: f };
    for (const e of rec.entities) if (e.line === p.line && p.character >= e.start && p.character <= e.end) return { type: 'entity', mention: e };
    return undefined;
  }

  /** The canonical display name of an entity. */
  nameOf(entity: string): string {
    const known = this.recognizer.get(entity);
    if (known) return known.name;
    const s = this.surfaces.get(entity);
    return s ? mostFrequent(s) : entity.slice(2);
  }

  kindOf(entity: string): MentionKind {
    return this.recognizer.get(entity)?.kind ?? 'name';
  }

  info(entity: string): EntityInfo | undefined {
    const chunks = this.entityChunks.get(entity);
    if (!chunks) return undefined;
    let mentions = 0;
    for (const n of chunks.values()) mentions += n;
    const s = this.surfaces.get(entity)!;
    return {
      id: entity,
      name: this.nameOf(entity),
      kind: this.kindOf(entity),
      aliases: this.recognizer.get(entity)?.aliases ?? [],
      seen: [...s.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k),
      mentions,
      chunks: chunks.size,
    };
  }

  /** Every mention of an entity in the corpus, chunk by chunk (chunks in id order). */
  mentions(entity: string): { id: string; mention: EntityMention }[] {
    const out: { id: string; mention: EntityMention }[] = [];
    for (const id of [...(this.entityChunks.get(entity)?.keys() ?? [])].sort()) {
      for (const m of this.records.get(id)!.entities) if (m.entity === entity) out.push({ id, mention: m });
    }
    return out;
  }

  entityCard(entity: string, maxLinks = 20): EntityCard | undefined {
    const info = this.info(entity);
    if (!info) return undefined;
    const chunks = this.entityChunks.get(entity)!;
    const links: ChunkLink[] = [];
    let firstDate: string | undefined;
    let lastDate: string | undefined;
    const together = new Map<string, number>();
    for (const id of [...chunks.keys()].sort()) {
      const rec = this.records.get(id)!;
      if (links.length < maxLinks) links.push({ id, line: rec.entities.find((m) => m.entity === entity)!.line, count: chunks.get(id)! });
      if (rec.firstDate && (!firstDate || rec.firstDate < firstDate)) firstDate = rec.firstDate;
      if (rec.lastDate && (!lastDate || rec.lastDate > lastDate)) lastDate = rec.lastDate;
      for (const other of new Set(rec.entities.map((m) => m.entity))) if (other !== entity) together.set(other, (together.get(other) ?? 0) + 1);
    }
    const withEntities = [...together.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 5)
      .map(([id, n]) => ({ id, name: this.nameOf(id), chunks: n }));
    const key = foldKey(info.name);
    const participant = [...this.senderChunks.keys()].find((s) => foldKey(s) === key);
    return { ...info, links, ...(firstDate ? { firstDate } : {}), ...(lastDate ? { lastDate } : {}), with: withEntities, ...(participant ? { participant } : {}) };
  }

  /** Figures of other chunks within 1 % of `figure`, by the value buckets. */
  private sameAs(id: string, figure: FigureMention): FigureLink[] {
    const out: FigureLink[] = [];
    const b = valueBucket(figure.value);
    const ids = new Set<string>();
    for (const k of [b - 1, b, b + 1]) for (const other of this.figureBuckets.get(String(k))?.keys() ?? []) if (other !== id) ids.add(other);
    for (const other of [...ids].sort()) {
      const f = this.records.get(other)!.figures.find((g) => sameQuantity(g, figure));
      if (f) out.push({ id: other, figure: f });
    }
    return out;
  }

  figureCard(id: string, figure: IndexedFigure, max = 10): FigureCard {
    const same = this.sameAs(id, figure);
    const sameIds = new Set(same.map((s) => s.id));
    const different: FigureCard['different'][number][] = [];
    for (const subject of figure.subjects) {
      for (const other of [...(this.entityChunks.get(subject)?.keys() ?? [])].sort()) {
        if (other === id || sameIds.has(other) || different.some((d) => d.id === other)) continue;
        const f = this.records.get(other)!.figures.find((g) =>
          g.subjects.includes(subject) && (g.family === figure.family || g.family === 'number' || figure.family === 'number') && !sameQuantity(g, figure) &&
          g.value > 0 && figure.value > 0 && Math.max(g.value, figure.value) / Math.min(g.value, figure.value) < 10);
        if (f) different.push({ id: other, figure: f, subject, subjectName: this.nameOf(subject) });
        if (different.length >= max) break;
      }
    }
    return { figure, same: same.slice(0, max), different };
  }

  participantCard(sender: string, maxLinks = 20): ParticipantCard | undefined {
    const chunks = this.senderChunks.get(sender);
    if (!chunks) return undefined;
    let messages = 0;
    let first: ParticipantCard['first'];
    let last: ParticipantCard['last'];
    const links: ChunkLink[] = [];
    for (const id of [...chunks.keys()].sort()) {
      const mine = this.records.get(id)!.messages.filter((m) => m.sender === sender);
      messages += mine.length;
      if (links.length < maxLinks) links.push({ id, line: mine[0]!.line, count: mine.length });
      for (const m of mine) {
        const k = `${m.day} ${m.time}`;
        if (!first || k < `${first.day} ${first.time}`) first = { day: m.day, time: m.time };
        if (!last || k > `${last.day} ${last.time}`) last = { day: m.day, time: m.time };
      }
    }
    return { sender, messages, links, ...(first ? { first } : {}), ...(last ? { last } : {}) };
  }

  /** Chunks and messages of a day (`YYYY-MM-DD`) or, for an article date, of a month (`YYYY-MM`). */
  dayCard(day: string, maxLinks = 20): DayCard {
    const keys = day.length === 7 ? [...this.dateChunks.keys()].filter((k) => k.startsWith(day)) : [day];
    const perChunk = new Map<string, number>();
    for (const k of keys) for (const [id, n] of this.dateChunks.get(k) ?? []) perChunk.set(id, (perChunk.get(id) ?? 0) + n);
    let messages = 0;
    const links: ChunkLink[] = [];
    for (const id of [...perChunk.keys()].sort()) {
      const n = perChunk.get(id)!;
      messages += n;
      const rec = this.records.get(id)!;
      const line = rec.messages.find((m) => m.day.startsWith(day))?.line ?? rec.articleDateRange?.start.line ?? 0;
      if (links.length < maxLinks) links.push({ id, line, count: n });
    }
    return { day, messages, links };
  }

  /** Every entity with its counts (for workspace symbols). */
  entities(): EntityInfo[] {
    return [...this.entityChunks.keys()].map((e) => this.info(e)!);
  }

  participants(): { sender: string; messages: number; chunks: number; first: { id: string; range: Range } }[] {
    return [...this.senderChunks.entries()].map(([sender, chunks]) => {
      let messages = 0;
      for (const n of chunks.values()) messages += n;
      const id = [...chunks.keys()].sort()[0]!;
      const m = this.records.get(id)!.messages.find((x) => x.sender === sender)!;
      return { sender, messages, chunks: chunks.size, first: { id, range: m.senderRange! } };
    });
  }

  /** Senders' ranges across the corpus (references on a sender). */
  senderMentions(sender: string): { id: string; range: Range }[] {
    const out: { id: string; range: Range }[] = [];
    for (const id of [...(this.senderChunks.get(sender)?.keys() ?? [])].sort()) {
      for (const m of this.records.get(id)!.messages) if (m.sender === sender) out.push({ id, range: m.senderRange! });
    }
    return out;
  }

  /** Figures quoting the same quantity, this one included (references on a figure). */
  figureMentions(id: string, figure: FigureMention): { id: string; range: Range }[] {
    const out: { id: string; range: Range }[] = [];
    const b = valueBucket(figure.value);
    const ids = new Set<string>([id]);
    for (const k of [b - 1, b, b + 1]) for (const other of this.figureBuckets.get(String(k))?.keys() ?? []) ids.add(other);
    for (const other of [...ids].sort()) {
      for (const f of this.records.get(other)?.figures ?? []) if (sameQuantity(f, figure)) out.push({ id: other, range: range(f.line, f.start, f.end) });
    }
    return out;
  }

  // RelatedSignals: what entities and figures tell the search about related chunks.
  entitiesOf(id: string): { key: string; label: string }[] {
    const rec = this.records.get(id);
    if (!rec) return [];
    return [...new Set(rec.entities.map((e) => e.entity))].map((key) => ({ key, label: this.nameOf(key) }));
  }

  figuresOf(id: string): { key: string; label: string }[] {
    const rec = this.records.get(id);
    if (!rec) return [];
    const seen = new Map<string, string>();
    for (const f of rec.figures) if (f.family !== 'percent' && f.family !== 'number') seen.set(`${f.family}:${valueBucket(f.value)}`, f.surface);
    return [...seen.entries()].map(([key, label]) => ({ key, label }));
  }

  // Both answer in time proportional to `max`, never to the corpus: related chunks asks for
  // every entity of a chunk, and copying the 50 000 chunks that name a common one cost 200 ms.
  chunksWithEntity(key: string, max = Infinity): string[] | undefined {
    const chunks = this.entityChunks.get(key);
    if (chunks && chunks.size > max) return undefined;
    return [...(chunks?.keys() ?? [])];
  }

  chunksWithFigure(key: string, max = Infinity): string[] | undefined {
    const i = key.lastIndexOf(':');
    const family = key.slice(0, i);
    const b = Number(key.slice(i + 1));
    const out = new Set<string>();
    for (const k of [b - 1, b, b + 1]) {
      for (const id of this.figureFamilyBuckets.get(`${family}:${k}`)?.keys() ?? []) {
        out.add(id);
        if (out.size > max) return undefined;
      }
    }
    return [...out];
  }
}

function mostFrequent(c: Counts): string {
  let best = '';
  let n = -1;
  for (const [k, v] of c) if (v > n || (v === n && k < best)) [best, n] = [k, v];
  return best;
}
