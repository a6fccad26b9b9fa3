// The corpus index: per chunk, its header, messages (date, sender), entity mentions and figure
// mentions with positions; across chunks, which chunks mention an entity, quote a quantity,
// hold a sender's messages or a day's. Built from parsed chunks only (it reads no files) and
// updated one chunk at a time with `apply`; `snapshot()` makes "the incremental index equals
// a rebuild" checkable. Queries read these maps and never rescan a chunk's text.
import { ChunkCounts, ChunkNumbers } from './chunk-counts';
import { StringTranslator, type LocalStrings } from './string-table';
import type { EntityEntry } from './config';
import { extractEntities, type EntityMention, type MentionForm, type MentionKind } from './entities/extract';
import { foldKey } from './entities/fold';
import { EntityRecognizer } from './entities/recognizer';
import { extractFigures, sameQuantity, valueBucket, type FigureMention, type ScaleReason, type UnitFamily } from './figures/extract';
import type { Language } from './figures/language';
import type { Chunk, ChunkDate, ChunkKind, Position, Range } from './model';
import { articleDate, type TreeChunk } from './corpus-tree';
import { contentSegments } from './index-text';
import { own } from './own';
import { compareDates } from './whatsapp';
import type { RelatedSignals } from './search';
import { Slab } from './slab';
import { FewKeys } from './few-keys';

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

/**
 * What the index keeps of one chunk, as built in a worker and cloned to the main thread: the
 * messages, mentions and figures packed as numbers in `data` (layout at `MSG`, `ENT`, `FIG`),
 * their strings once each in `strings`. A few objects per chunk instead of a few hundred, and
 * the main thread interns each distinct string once.
 */
export interface ChunkRecord {
  readonly id: string;
  readonly kind: ChunkKind;
  /** Header fields as written (name → value); undefined for a chunk without header. */
  readonly header?: Readonly<Record<string, string>>;
  /** An article's ` date YYYY-MM`, as `YYYY-MM`. */
  readonly articleMonth?: string;
  readonly articleDateRange?: Range;
  /** First and last date of the chunk (`YYYY-MM-DD`, or `YYYY-MM` for an article date). */
  readonly firstDate?: string;
  readonly lastDate?: string;
  /** A chunk without messages: where it sits in the dates tree (`articleDate`). */
  readonly treeDate?: TreeChunk['date'];
  /**
   * The strings `data` numbers. With `firstFresh`, the record was numbered by a worker's table
   * (string-table.ts): these are only the strings that table numbered for it, from `firstFresh`
   * on, and the record must go through that worker's `StringTranslator` (`numbering`).
   */
  readonly strings: readonly string[];
  readonly firstFresh?: number;
  /** The translator's map from the worker's numbers to the index's (main thread only). */
  readonly numbering?: Int32Array;
  readonly data: Int32Array;
}

/** A chunk's record as queries see it (`record`), made from the packed one when asked. */
export interface RecordView {
  readonly id: string;
  readonly kind: ChunkKind;
  readonly header?: Readonly<Record<string, string>>;
  readonly articleMonth?: string;
  readonly articleDateRange?: Range;
  readonly messages: readonly MessageRecord[];
  readonly entities: readonly EntityMention[];
  readonly figures: readonly IndexedFigure[];
  readonly firstDate?: string;
  readonly lastDate?: string;
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

type Counts = ChunkCounts;

/**
 * How often each key occurs in one chunk, so that the index's maps are updated once per distinct
 * key (entity, bucket, sender, day), not once per mention or message; keys in order of first
 * occurrence, as the maps take them (`FewKeys`). One per kind of key, reused chunk after chunk.
 */
class Tally {
  private readonly keys = new FewKeys<number>();
  /** By key number, as long as the keys' kept list. */
  private readonly counts: number[] = [];

  reset(): void {
    this.keys.reset();
    if (this.counts.length > this.keys.kept) this.counts.length = this.keys.kept;
  }

  add(key: number): void {
    const i = this.keys.number(key);
    if (i >= 0) this.counts[i]!++;
    else this.counts[this.keys.size - 1] = 1;
  }

  each(f: (key: number, count: number) => void): void {
    // A map gives -0 back as 0.
    for (let i = 0; i < this.keys.size; i++) {
      const key = this.keys.key(i);
      f(key === 0 ? 0 : key, this.counts[i]!);
    }
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

function within(p: Position, r: Range): boolean {
  return p.line === r.start.line && p.character >= r.start.character && p.character <= r.end.character;
}

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

// The layout of `ChunkRecord.data`: three counts, then the messages, the mentions, the
// figures and the figures' subjects. Fields marked (s) are string numbers: into the record's
// `strings` as built, into the index's string table once applied. -1: absent.
const HEAD = 3;
/** line, day (s), time (`packTime`), sender (s), sender start and end, date start and end. */
const MSG = 8;
/** entity (s), line, start, end, surface (s), form (s). */
const ENT = 6;
/**
 * line, start, end, surface (s), value (2), family (s), unit (s), language (s), flags, scale
 * word (s), multiplier (2), reason (s), alternative (2), first subject, subjects.
 */
const FIG = 18;
/** Offsets of the (s) fields in each layout, which `pack` maps to the index's numbers. */
const MSG_STRINGS = [1, 3];
const ENT_STRINGS = [0, 4, 5];
const FIG_STRINGS = [3, 6, 7, 8, 10, 13];
const F_SCALE = 1;
const F_ALTERNATIVE = 2;
const F_IN_RANGE = 4;
const F_IN_RANGE_TRUE = 8;
const F_APPROXIMATE = 16;
const F_APPROXIMATE_TRUE = 32;

// A double as two int32 words, bit for bit (-0, NaN and all).
const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
function putDouble(d: Int32Array, at: number, v: number): void {
  f64[0] = v;
  d[at] = i32[0]!;
  d[at + 1] = i32[1]!;
}
function getDouble(d: Int32Array, at: number): number {
  i32[0] = d[at]!;
  i32[1] = d[at + 1]!;
  return f64[0]!;
}

const MINUTES_A_DAY = 24 * 60;

/** The value of two ASCII digits at `i`, or NaN. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 0x30;
  const b = s.charCodeAt(i + 1) - 0x30;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/**
 * A message's time as a number of `data`, not a string to make, number and send per message:
 * `hh:mm` (as whatsapp.ts writes it) as minutes of the day, `hh:mm:ss` as MINUTES_A_DAY +
 * seconds of the day. A time of any other shape (none the parser makes) keeps its string, as
 * -1 - its string number (`str`).
 */
function packTime(time: string, str: (s: string) => number): number {
  const hours = twoDigits(time, 0);
  const minutes = twoDigits(time, 3);
  if (hours < 24 && minutes < 60 && time.charCodeAt(2) === 0x3a) {
    if (time.length === 5) return hours * 60 + minutes;
    const seconds = twoDigits(time, 6);
    if (time.length === 8 && seconds < 60 && time.charCodeAt(5) === 0x3a) return MINUTES_A_DAY + (hours * 60 + minutes) * 60 + seconds;
  }
  return -1 - str(time);
}

/** The time `packTime` packed, as it was written; `strings`: the index's. */
function timeOf(t: number, strings: readonly string[]): string {
  if (t < 0) return strings[-1 - t]!;
  if (t < MINUTES_A_DAY) return `${pad(Math.floor(t / 60))}:${pad(t % 60)}`;
  const s = t - MINUTES_A_DAY;
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

/** `str` for a field that often repeats the previous message's: the same string is numbered once in a row. */
function repeating(str: (s: string) => number): (s: string) => number {
  let last: string | undefined;
  let n = -1;
  return (s) => (s === last ? n : (n = str((last = s))));
}

/** What the index keeps of one chunk. Pure: the same chunk always gives the same record. */
export function buildRecord(id: string, chunk: Chunk, recognizer: EntityRecognizer, table?: LocalStrings): ChunkRecord {
  // The packed strings need no `own`: the index keeps its own copy of each (`CorpusIndex.pack`).
  // With a worker's table, the caller adds its fresh strings once nothing else can fail (prepare.ts).
  const strings: string[] = [];
  const numbers = new Map<string, number>();
  const str = table ? (s: string): number => table.number(s) : (s: string): number => {
    let n = numbers.get(s);
    if (n === undefined) {
      numbers.set(s, (n = strings.length));
      strings.push(s);
    }
    return n;
  };
  // Both extractors read the same segments: made once.
  const segments = contentSegments(chunk);
  const entities = extractEntities(chunk, recognizer, segments);
  const figures = extractFigures(chunk, segments);
  // Known entities (topics aside) by line, each once in order of first mention: what a figure
  // on that line is about. Counted first, so `data` is made at its size and written in place.
  const byLine = new Map<number, string[]>();
  for (const e of entities) {
    if (!e.entity.startsWith('e:') || recognizer.get(e.entity)?.kind === 'topic') continue;
    const l = byLine.get(e.line);
    if (!l) byLine.set(e.line, [e.entity]);
    else if (!l.includes(e.entity)) l.push(e.entity);
  }
  let subject = HEAD + chunk.messages.length * MSG + entities.length * ENT + figures.length * FIG;
  let size = subject;
  for (const f of figures) size += byLine.get(f.line)?.length ?? 0;
  const data = new Int32Array(size);
  data[0] = chunk.messages.length;
  data[1] = entities.length;
  data[2] = figures.length;
  // Fields left unwritten below are absent ones, 0 as the array starts.
  let at = HEAD;
  // A message mostly repeats the one before's day, and often its sender: those are made and
  // numbered again only when they change.
  const dates: string[] = [];
  let date: ChunkDate | undefined;
  let day = -1;
  const sender = repeating(str);
  // So do a mention's form and a figure's family, unit, language and scale (few values, mostly
  // the one before's): no table look-up for the same string again (a look-up is about 80 ns).
  const form = repeating(str);
  const family = repeating(str);
  const unit = repeating(str);
  const language = repeating(str);
  const scaleWord = repeating(str);
  const scaleReason = repeating(str);
  for (const m of chunk.messages) {
    const d = m.date;
    if (date === undefined || compareDates(d, date) !== 0) {
      const s = `${d.year}-${pad(d.month)}-${pad(d.day)}`;
      day = str(s);
      dates.push(s);
      date = d;
    }
    data[at] = m.line;
    data[at + 1] = day;
    data[at + 2] = packTime(m.time, str);
    if (m.sender !== undefined) {
      data[at + 3] = sender(m.sender);
      data[at + 4] = m.senderRange!.start.character;
      data[at + 5] = m.senderRange!.end.character;
    } else data[at + 3] = -1;
    data[at + 6] = m.dateRange.start.character;
    data[at + 7] = m.dateRange.end.character;
    at += MSG;
  }
  for (const e of entities) {
    data[at] = str(e.entity);
    data[at + 1] = e.line;
    data[at + 2] = e.start;
    data[at + 3] = e.end;
    data[at + 4] = str(e.surface);
    data[at + 5] = form(e.form);
    at += ENT;
  }
  for (const f of figures) {
    data[at] = f.line;
    data[at + 1] = f.start;
    data[at + 2] = f.end;
    data[at + 3] = str(f.surface);
    putDouble(data, at + 4, f.value);
    data[at + 6] = family(f.family);
    data[at + 7] = unit(f.unit);
    data[at + 8] = language(f.language);
    data[at + 9] = (f.scale ? F_SCALE : 0) | (f.scale?.alternative !== undefined ? F_ALTERNATIVE : 0) | (f.inRange !== undefined ? F_IN_RANGE | (f.inRange ? F_IN_RANGE_TRUE : 0) : 0) | (f.approximate !== undefined ? F_APPROXIMATE | (f.approximate ? F_APPROXIMATE_TRUE : 0) : 0);
    if (f.scale) {
      data[at + 10] = scaleWord(f.scale.word);
      putDouble(data, at + 11, f.scale.multiplier);
      data[at + 13] = scaleReason(f.scale.reason);
      putDouble(data, at + 14, f.scale.alternative ?? 0);
    } else {
      data[at + 10] = -1;
      data[at + 13] = -1;
    }
    const of = byLine.get(f.line);
    data[at + 16] = subject;
    data[at + 17] = of?.length ?? 0;
    // Numbered already, as the mentions' entities.
    if (of) for (const entity of of) data[subject++] = str(entity);
    at += FIG;
  }
  const articleMonth = chunk.articleDate ? `${chunk.articleDate.year}-${pad(chunk.articleDate.month)}` : undefined;
  if (articleMonth) dates.push(articleMonth);
  dates.sort();
  // Header values are kept as they are (not interned): own them here, for the main thread's records.
  const header = chunk.header ? Object.fromEntries(chunk.header.fields.map((f) => [f.name, own(f.value)])) : undefined;
  const treeDate = chunk.messages.length === 0 ? articleDate(chunk) : undefined;
  return {
    id,
    kind: chunk.kind,
    ...(header ? { header } : {}),
    ...(articleMonth ? { articleMonth, articleDateRange: chunk.articleDate!.range } : {}),
    ...(dates.length > 0 ? { firstDate: dates[0]!, lastDate: dates[dates.length - 1]! } : {}),
    ...(treeDate ? { treeDate } : {}),
    strings,
    data,
  };
}

const rangeOf = (r: Range): Range => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });

/**
 * A chunk as the index keeps it: `data` as in `ChunkRecord`, with the index's string numbers.
 * One fixed shape (a spread or a clone gives objects out-of-line property stores).
 */
class Stored {
  constructor(
    readonly id: string,
    readonly kind: ChunkKind,
    readonly header: Readonly<Record<string, string>> | undefined,
    readonly articleMonth: string | undefined,
    readonly articleDateRange: Range | undefined,
    readonly firstDate: string | undefined,
    readonly lastDate: string | undefined,
    readonly treeDate: TreeChunk['date'] | undefined,
    readonly data: Int32Array,
  ) {}

  get messageCount(): number {
    return this.data[0]!;
  }
  get entityCount(): number {
    return this.data[1]!;
  }
  get figureCount(): number {
    return this.data[2]!;
  }
  /** Where message `i`, mention `i`, figure `i` starts in `data`. */
  msg(i: number): number {
    return HEAD + i * MSG;
  }
  ent(i: number): number {
    return HEAD + this.data[0]! * MSG + i * ENT;
  }
  fig(i: number): number {
    return HEAD + this.data[0]! * MSG + this.data[1]! * ENT + i * FIG;
  }
}

/** Indexes of the unit families, for the family buckets. */
const FAMILIES: readonly UnitFamily[] = ['currency:USD', 'currency:EUR', 'currency:GBP', 'power', 'energy', 'people', 'percent', 'number'];

export class CorpusIndex implements RelatedSignals {
  readonly recognizer: EntityRecognizer;
  private readonly records = new Map<string, Stored>();
  /**
   * The records' `data`, side by side (see slab.ts): a worker's record arrives with a buffer of
   * its own, which kept for good was one more object, buffer and allocation off the heap per
   * chunk for every collection to visit.
   */
  private readonly kept = new Slab<Int32Array>((n) => new Int32Array(n), 1 << 15);
  /**
   * Senders, days, surfaces, entity keys…: one owned copy each, and its number, which the
   * packed records and the maps below use. Never shrinks: it holds each distinct string seen.
   */
  private readonly strings: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** Chunk ids by number, for the per-key counts below. */
  private readonly chunkNumbers = new ChunkNumbers();
  /** entity → chunk → mentions. */
  private readonly entityChunks = new Map<number, Counts>();
  /** entity → surface as written → mentions. */
  private readonly surfaces = new Map<number, Map<number, number>>();
  /** value bucket (1 % grid) → chunk → figures. */
  private readonly figureBuckets = new Map<number, Counts>();
  /** By family (`FAMILIES`), bucket → chunks: related-chunk lookups without scanning each chunk's figures. */
  private readonly figureFamilyBuckets: Map<number, Counts>[] = FAMILIES.map(() => new Map());
  /** sender → chunk → messages. */
  private readonly senderChunks = new Map<number, Counts>();
  /** `YYYY-MM-DD` (messages) or `YYYY-MM` (article dates) → chunk → messages. */
  private readonly dateChunks = new Map<number, Counts>();

  constructor(entities: readonly EntityEntry[] | EntityRecognizer = []) {
    this.recognizer = entities instanceof EntityRecognizer ? entities : new EntityRecognizer(entities);
  }

  get size(): number {
    return this.records.size;
  }

  private intern(s: string): number {
    let n = this.numbers.get(s);
    if (n === undefined) {
      const copy = own(s);
      this.numbers.set(copy, (n = this.strings.length));
      this.strings.push(copy);
    }
    return n;
  }

  private readonly name = (s: string): string => this.strings[this.intern(s)]!;

  /** Adds `by` to chunk `c`'s count under `key`; a key no chunk has any more goes. */
  private bump(map: Map<number, Counts>, key: number, c: number, by: number): void {
    let m = map.get(key);
    if (!m) {
      if (by <= 0) return;
      map.set(key, (m = new ChunkCounts(this.chunkNumbers)));
    }
    m.add(c, by);
    if (m.size === 0) map.delete(key);
  }

  /** Every chunk as the participants and dates trees take it. */
  *treeChunks(): IterableIterator<TreeChunk> {
    for (const rec of this.records.values()) {
      const d = rec.data;
      const messages: TreeChunk['messages'][number][] = [];
      for (let i = 0, at = HEAD; i < rec.messageCount; i++, at += MSG) {
        const day = this.strings[d[at + 1]!]!;
        messages.push({ line: d[at]!, date: { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) }, ...(d[at + 3]! >= 0 ? { sender: this.strings[d[at + 3]!]! } : {}) });
      }
      yield { id: rec.id, messages, ...(rec.treeDate ? { date: rec.treeDate } : {}) };
    }
  }

  /** Puts a chunk's new version in the index, or takes it out (`undefined`). */
  apply(id: string, chunk: Chunk | undefined): void {
    this.store(id, chunk ? this.pack(id, buildRecord(id, chunk, this.recognizer)) : undefined);
  }

  /** The same from a record built elsewhere (`buildRecord`, in a worker): its strings are shared here. */
  applyRecord(id: string, built: ChunkRecord | undefined): void {
    this.store(id, built && this.pack(id, built));
  }

  /** Maps one worker's record strings onto this index's (one per worker and scan). */
  stringTranslator(): StringTranslator {
    return new StringTranslator((s) => this.intern(s));
  }

  /**
   * A record with the index's string numbers, and its strings shared (a cloned record carries
   * fresh copies). A worker's record (`numbering`) is mapped in place and kept: it was cloned
   * for this index, and a copy per chunk was garbage the scan's merge paid for. A record built
   * here is left as built. `id` is the record's, as the caller holds it: a cloned record's own
   * copy of it would be one more string kept per chunk.
   */
  private pack(id: string, r: ChunkRecord): Stored {
    let map: Int32Array;
    let d: Int32Array;
    if (r.firstFresh !== undefined) {
      if (!r.numbering) throw new Error('a worker\'s record must go through its stringTranslator() first');
      map = r.numbering;
      d = r.data;
    } else {
      map = new Int32Array(r.strings.length);
      for (let i = 0; i < map.length; i++) map[i] = this.intern(r.strings[i]!);
      d = r.data.slice();
    }
    const to = (v: number) => (v >= 0 ? map[v]! : v);
    const messages = d[0]!;
    const entities = d[1]!;
    const figures = d[2]!;
    let at = HEAD;
    const fields = (at: number, offsets: readonly number[]) => {
      for (let k = 0; k < offsets.length; k++) d[at + offsets[k]!] = to(d[at + offsets[k]!]!);
    };
    for (let i = 0; i < messages; i++, at += MSG) {
      fields(at, MSG_STRINGS);
      // A time kept as a string (packTime).
      if (d[at + 2]! < 0) d[at + 2] = -1 - map[-1 - d[at + 2]!]!;
    }
    for (let i = 0; i < entities; i++, at += ENT) fields(at, ENT_STRINGS);
    for (let i = 0; i < figures; i++, at += FIG) fields(at, FIG_STRINGS);
    for (; at < d.length; at++) d[at] = map[d[at]!]!;
    const header = r.header ? Object.fromEntries(Object.entries(r.header).map(([k, v]) => [this.name(k), v])) : undefined;
    return new Stored(
      id,
      // The index's own copy of the word, not the clone each worker record carries.
      r.kind === 'chat' ? 'chat' : 'article',
      header,
      r.articleMonth !== undefined ? this.name(r.articleMonth) : undefined,
      r.articleDateRange ? rangeOf(r.articleDateRange) : undefined,
      r.firstDate !== undefined ? this.name(r.firstDate) : undefined,
      r.lastDate !== undefined ? this.name(r.lastDate) : undefined,
      r.treeDate,
      // A worker's record into the slab; one built here (a chunk re-analysed as it is typed
      // in) keeps its own buffer, its size: in a page, each edit's copy could keep a 128 KB page.
      r.firstFresh !== undefined ? this.kept.keep(d) : d,
    );
  }

  private store(id: string, rec: Stored | undefined): void {
    const old = this.records.get(id);
    if (rec) this.records.set(id, rec);
    else this.records.delete(id);
    // The new version is counted before the old one is taken out, so that a key both have (the
    // day, the senders: most of them, when one is typing) keeps its entry. Taking it out and
    // putting it back would fill the table of a key thousands of chunks share with deleted
    // slots, and rebuild it every few thousand keystrokes.
    if (rec) this.account(rec, +1);
    if (old) this.account(old, -1);
    if (old?.articleMonth !== rec?.articleMonth) {
      if (old?.articleMonth) this.month(id, old.articleMonth, -1);
      if (rec?.articleMonth) this.month(id, rec.articleMonth, +1);
    }
  }

  /** An article date counts the chunk for its month, with no message. */
  private month(id: string, articleMonth: string, sign: 1 | -1): void {
    const month = this.intern(articleMonth);
    const c = this.chunkNumbers.of(id);
    let m = this.dateChunks.get(month);
    if (sign > 0) {
      if (!m) this.dateChunks.set(month, (m = new ChunkCounts(this.chunkNumbers)));
      m.set(c, m.countOf(c) ?? 0);
    } else if (m && m.countOf(c) === 0) {
      m.delete(c);
      if (m.size === 0) this.dateChunks.delete(month);
    }
  }

  /** Reused by `account`, one per kind of key. */
  private readonly entityTally = new Tally();
  private readonly bucketTally = new Tally();
  private readonly familyTallies = FAMILIES.map(() => new Tally());
  private readonly senderTally = new Tally();
  private readonly dayTally = new Tally();

  private account(rec: Stored, sign: 1 | -1): void {
    const { data: d } = rec;
    const id = this.chunkNumbers.of(rec.id);
    const entities = this.entityTally;
    entities.reset();
    for (let i = 0, at = rec.ent(0); i < rec.entityCount; i++, at += ENT) {
      const e = d[at]!;
      entities.add(e);
      let m = this.surfaces.get(e);
      if (!m) this.surfaces.set(e, (m = new Map()));
      const n = (m.get(d[at + 4]!) ?? 0) + sign;
      if (n <= 0) {
        m.delete(d[at + 4]!);
        if (m.size === 0) this.surfaces.delete(e);
      } else m.set(d[at + 4]!, n);
    }
    entities.each((e, n) => this.bump(this.entityChunks, e, id, sign * n));
    const buckets = this.bucketTally;
    const familyBuckets = this.familyTallies;
    buckets.reset();
    for (const t of familyBuckets) t.reset();
    for (let i = 0, at = rec.fig(0); i < rec.figureCount; i++, at += FIG) {
      const b = valueBucket(getDouble(d, at + 4));
      buckets.add(b);
      familyBuckets[FAMILIES.indexOf(this.strings[d[at + 6]!] as UnitFamily)]!.add(b);
    }
    buckets.each((b, n) => this.bump(this.figureBuckets, b, id, sign * n));
    familyBuckets.forEach((t, f) => t.each((b, n) => this.bump(this.figureFamilyBuckets[f]!, b, id, sign * n)));
    const senders = this.senderTally;
    const days = this.dayTally;
    senders.reset();
    days.reset();
    for (let i = 0, at = HEAD; i < rec.messageCount; i++, at += MSG) {
      if (d[at + 3]! >= 0) senders.add(d[at + 3]!);
      days.add(d[at + 1]!);
    }
    senders.each((s, n) => this.bump(this.senderChunks, s, id, sign * n));
    days.each((day, n) => this.bump(this.dateChunks, day, id, sign * n));
  }

  private message(d: Int32Array, at: number): MessageRecord {
    const sender = d[at + 3]!;
    return {
      line: d[at]!,
      day: this.strings[d[at + 1]!]!,
      time: timeOf(d[at + 2]!, this.strings),
      ...(sender >= 0 ? { sender: this.strings[sender]!, senderRange: range(d[at]!, d[at + 4]!, d[at + 5]!) } : {}),
      dateRange: range(d[at]!, d[at + 6]!, d[at + 7]!),
    };
  }

  private mention(d: Int32Array, at: number): EntityMention {
    return { entity: this.strings[d[at]!]!, line: d[at + 1]!, start: d[at + 2]!, end: d[at + 3]!, surface: this.strings[d[at + 4]!]!, form: this.strings[d[at + 5]!] as MentionForm };
  }

  private figure(d: Int32Array, at: number): IndexedFigure {
    const flags = d[at + 9]!;
    const s = this.strings;
    const subjects: string[] = [];
    for (let k = d[at + 16]!, end = k + d[at + 17]!; k < end; k++) subjects.push(s[d[k]!]!);
    return {
      line: d[at]!,
      start: d[at + 1]!,
      end: d[at + 2]!,
      surface: s[d[at + 3]!]!,
      value: getDouble(d, at + 4),
      family: s[d[at + 6]!] as UnitFamily,
      unit: s[d[at + 7]!]!,
      ...(flags & F_SCALE ? { scale: { word: s[d[at + 10]!]!, multiplier: getDouble(d, at + 11), reason: s[d[at + 13]!] as ScaleReason, ...(flags & F_ALTERNATIVE ? { alternative: getDouble(d, at + 14) } : {}) } } : {}),
      language: s[d[at + 8]!] as Language,
      ...(flags & F_IN_RANGE ? { inRange: (flags & F_IN_RANGE_TRUE) !== 0 } : {}),
      ...(flags & F_APPROXIMATE ? { approximate: (flags & F_APPROXIMATE_TRUE) !== 0 } : {}),
      subjects,
    };
  }

  /** The figures of a chunk, made only up to the first that `keep` takes (by value and family). */
  private findFigure(rec: Stored, keep: (value: number, family: UnitFamily, at: number) => boolean): IndexedFigure | undefined {
    const d = rec.data;
    for (let i = 0, at = rec.fig(0); i < rec.figureCount; i++, at += FIG) if (keep(getDouble(d, at + 4), this.strings[d[at + 6]!] as UnitFamily, at)) return this.figure(d, at);
    return undefined;
  }

  /** Whether a figure at `at` names entity `subject` (a string number). */
  private hasSubject(d: Int32Array, at: number, subject: number): boolean {
    for (let k = d[at + 16]!, end = k + d[at + 17]!; k < end; k++) if (d[k] === subject) return true;
    return false;
  }

  record(id: string): RecordView | undefined {
    const rec = this.records.get(id);
    if (!rec) return undefined;
    const d = rec.data;
    const messages: MessageRecord[] = [];
    for (let i = 0, at = HEAD; i < rec.messageCount; i++, at += MSG) messages.push(this.message(d, at));
    const entities: EntityMention[] = [];
    for (let i = 0, at = rec.ent(0); i < rec.entityCount; i++, at += ENT) entities.push(this.mention(d, at));
    const figures: IndexedFigure[] = [];
    for (let i = 0, at = rec.fig(0); i < rec.figureCount; i++, at += FIG) figures.push(this.figure(d, at));
    return {
      id: rec.id,
      kind: rec.kind,
      ...(rec.header ? { header: rec.header } : {}),
      ...(rec.articleMonth ? { articleMonth: rec.articleMonth, articleDateRange: rec.articleDateRange! } : {}),
      messages,
      entities,
      figures,
      ...(rec.firstDate ? { firstDate: rec.firstDate, lastDate: rec.lastDate! } : {}),
      ...(rec.treeDate ? { treeDate: rec.treeDate } : {}),
    };
  }

  /** Everything the index holds, in a canonical order: equal snapshots, equal indexes. */
  snapshot(): unknown {
    const str = (n: number) => this.strings[n]!;
    const sorted = <K, T>(m: { entries(): IterableIterator<[K, T]> }, key: (k: K) => string | number, f: (v: T) => unknown) =>
      [...m.entries()].map(([k, v]) => [key(k), f(v)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const counts = <K>(c: { entries(): IterableIterator<[K, number]> }, key: (k: K) => string | number) => sorted(c, key, (n) => n);
    const byId = (k: string) => k;
    return {
      records: sorted(this.records, byId, (r) => this.record(r.id)),
      entityChunks: sorted(this.entityChunks, str, (c) => counts(c, byId)),
      surfaces: sorted(this.surfaces, str, (c) => counts(c, str)),
      figureBuckets: sorted(this.figureBuckets, (b) => b, (c) => counts(c, byId)),
      figureFamilyBuckets: this.figureFamilyBuckets.map((m, i) => [FAMILIES[i], sorted(m, (b) => b, (c) => counts(c, byId))]).filter(([, m]) => (m as unknown[]).length > 0),
      senderChunks: sorted(this.senderChunks, str, (c) => counts(c, byId)),
      dateChunks: sorted(this.dateChunks, str, (c) => counts(c, byId)),
    };
  }

  equals(other: CorpusIndex): boolean {
    return JSON.stringify(this.snapshot()) === JSON.stringify(other.snapshot());
  }

  /** What sits under a position of a chunk: an entity, a figure, a sender or a message date. */
  at(id: string, p: Position): IndexHit | undefined {
    const rec = this.records.get(id);
    if (!rec) return undefined;
    const d = rec.data;
    const c = p.character;
    for (let i = 0, at = HEAD; i < rec.messageCount; i++, at += MSG) {
      if (d[at] !== p.line) continue;
      if (d[at + 3]! >= 0 && c >= d[at + 4]! && c <= d[at + 5]!) return { type: 'sender', sender: this.strings[d[at + 3]!]!, range: range(p.line, d[at + 4]!, d[at + 5]!) };
      if (c >= d[at + 6]! && c <= d[at + 7]!) return { type: 'date', day: this.strings[d[at + 1]!]!, range: range(p.line, d[at + 6]!, d[at + 7]!) };
    }
    if (rec.articleDateRange && rec.articleMonth && within(p, rec.articleDateRange)) return { type: 'date', day: rec.articleMonth, range: rec.articleDateRange };
    for (let i = 0, at = rec.fig(0); i < rec.figureCount; i++, at += FIG) if (d[at] === p.line && c >= d[at + 1]! && c <= d[at + 2]!) return { type: 'figure', figure: this.figure(d, at) };
    for (let i = 0, at = rec.ent(0); i < rec.entityCount; i++, at += ENT) if (d[at + 1] === p.line && c >= d[at + 2]! && c <= d[at + 3]!) return { type: 'entity', mention: this.mention(d, at) };
    return undefined;
  }

  /** The canonical display name of an entity. */
  nameOf(entity: string): string {
    const known = this.recognizer.get(entity);
    if (known) return known.name;
    const n = this.numbers.get(entity);
    const s = n === undefined ? undefined : this.surfaces.get(n);
    return s ? this.mostFrequent(s) : entity.slice(2);
  }

  kindOf(entity: string): MentionKind {
    return this.recognizer.get(entity)?.kind ?? 'name';
  }

  info(entity: string): EntityInfo | undefined {
    const n = this.numbers.get(entity);
    const chunks = n === undefined ? undefined : this.entityChunks.get(n);
    if (!chunks) return undefined;
    let mentions = 0;
    for (const c of chunks.values()) mentions += c;
    const s = this.surfaces.get(n!)!;
    return {
      id: entity,
      name: this.nameOf(entity),
      kind: this.kindOf(entity),
      aliases: this.recognizer.get(entity)?.aliases ?? [],
      seen: [...s.entries()].map(([k, c]) => [this.strings[k]!, c] as const).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k),
      mentions,
      chunks: chunks.size,
    };
  }

  /** Every mention of an entity in the corpus, chunk by chunk (chunks in id order). */
  mentions(entity: string): { id: string; mention: EntityMention }[] {
    const out: { id: string; mention: EntityMention }[] = [];
    const n = this.numbers.get(entity);
    const chunks = n === undefined ? undefined : this.entityChunks.get(n);
    for (const id of [...(chunks?.keys() ?? [])].sort()) {
      const rec = this.records.get(id)!;
      for (let i = 0, at = rec.ent(0); i < rec.entityCount; i++, at += ENT) if (rec.data[at] === n) out.push({ id, mention: this.mention(rec.data, at) });
    }
    return out;
  }

  entityCard(entity: string, maxLinks = 20): EntityCard | undefined {
    const info = this.info(entity);
    if (!info) return undefined;
    const n = this.numbers.get(entity)!;
    const chunks = this.entityChunks.get(n)!;
    const links: ChunkLink[] = [];
    let firstDate: string | undefined;
    let lastDate: string | undefined;
    const together = new Map<number, number>();
    for (const id of [...chunks.keys()].sort()) {
      const rec = this.records.get(id)!;
      const d = rec.data;
      if (links.length < maxLinks) {
        let at = rec.ent(0);
        while (d[at] !== n) at += ENT;
        links.push({ id, line: d[at + 1]!, count: chunks.get(id)! });
      }
      if (rec.firstDate && (!firstDate || rec.firstDate < firstDate)) firstDate = rec.firstDate;
      if (rec.lastDate && (!lastDate || rec.lastDate > lastDate)) lastDate = rec.lastDate;
      const others = new Set<number>();
      for (let i = 0, at = rec.ent(0); i < rec.entityCount; i++, at += ENT) if (d[at] !== n) others.add(d[at]!);
      for (const other of others) together.set(other, (together.get(other) ?? 0) + 1);
    }
    const withEntities = [...together.entries()]
      .map(([k, c]) => [this.strings[k]!, c] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 5)
      .map(([id, c]) => ({ id, name: this.nameOf(id), chunks: c }));
    const key = foldKey(info.name);
    let participant: string | undefined;
    for (const s of this.senderChunks.keys()) {
      if (foldKey(this.strings[s]!) === key) {
        participant = this.strings[s]!;
        break;
      }
    }
    return { ...info, links, ...(firstDate ? { firstDate } : {}), ...(lastDate ? { lastDate } : {}), with: withEntities, ...(participant ? { participant } : {}) };
  }

  /** The chunks in the value buckets around `value`'s, sorted. */
  private nearValue(value: number, with_: Set<string>): string[] {
    const b = valueBucket(value);
    for (const k of [b - 1, b, b + 1]) for (const other of this.figureBuckets.get(k)?.keys() ?? []) with_.add(other);
    return [...with_].sort();
  }

  /** Figures of other chunks within 1 % of `figure`, by the value buckets. */
  private sameAs(id: string, figure: FigureMention): FigureLink[] {
    const out: FigureLink[] = [];
    for (const other of this.nearValue(figure.value, new Set())) {
      if (other === id) continue;
      const f = this.findFigure(this.records.get(other)!, (value, family) => sameQuantity({ value, family }, figure));
      if (f) out.push({ id: other, figure: f });
    }
    return out;
  }

  figureCard(id: string, figure: IndexedFigure, max = 10): FigureCard {
    const same = this.sameAs(id, figure);
    const sameIds = new Set(same.map((s) => s.id));
    const different: FigureCard['different'][number][] = [];
    for (const subject of figure.subjects) {
      const n = this.numbers.get(subject);
      const chunks = n === undefined ? undefined : this.entityChunks.get(n);
      for (const other of [...(chunks?.keys() ?? [])].sort()) {
        if (other === id || sameIds.has(other) || different.some((d) => d.id === other)) continue;
        const rec = this.records.get(other)!;
        const f = this.findFigure(rec, (value, family, at) =>
          this.hasSubject(rec.data, at, n!) && (family === figure.family || family === 'number' || figure.family === 'number') && !sameQuantity({ value, family }, figure) &&
          value > 0 && figure.value > 0 && Math.max(value, figure.value) / Math.min(value, figure.value) < 10);
        if (f) different.push({ id: other, figure: f, subject, subjectName: this.nameOf(subject) });
        if (different.length >= max) break;
      }
    }
    return { figure, same: same.slice(0, max), different };
  }

  /** A sender's messages in a chunk: line, day and time. */
  private messagesOf(rec: Stored, sender: number): { line: number; day: string; time: string; at: number }[] {
    const d = rec.data;
    const out: { line: number; day: string; time: string; at: number }[] = [];
    for (let i = 0, at = HEAD; i < rec.messageCount; i++, at += MSG) if (d[at + 3] === sender) out.push({ line: d[at]!, day: this.strings[d[at + 1]!]!, time: timeOf(d[at + 2]!, this.strings), at });
    return out;
  }

  participantCard(sender: string, maxLinks = 20): ParticipantCard | undefined {
    const n = this.numbers.get(sender);
    const chunks = n === undefined ? undefined : this.senderChunks.get(n);
    if (!chunks) return undefined;
    let messages = 0;
    let first: ParticipantCard['first'];
    let last: ParticipantCard['last'];
    const links: ChunkLink[] = [];
    for (const id of [...chunks.keys()].sort()) {
      const mine = this.messagesOf(this.records.get(id)!, n!);
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
    const keys = day.length === 7 ? [...this.dateChunks.keys()].filter((k) => this.strings[k]!.startsWith(day)) : [this.numbers.get(day)];
    const perChunk = new Map<string, number>();
    for (const k of keys) for (const [id, n] of (k === undefined ? undefined : this.dateChunks.get(k)) ?? []) perChunk.set(id, (perChunk.get(id) ?? 0) + n);
    let messages = 0;
    const links: ChunkLink[] = [];
    for (const id of [...perChunk.keys()].sort()) {
      const n = perChunk.get(id)!;
      messages += n;
      const rec = this.records.get(id)!;
      let line: number | undefined;
      for (let i = 0, at = HEAD; i < rec.messageCount && line === undefined; i++, at += MSG) if (this.strings[rec.data[at + 1]!]!.startsWith(day)) line = rec.data[at]!;
      if (links.length < maxLinks) links.push({ id, line: line ?? rec.articleDateRange?.start.line ?? 0, count: n });
    }
    return { day, messages, links };
  }

  /** Every entity with its counts (for workspace symbols). */
  entities(): EntityInfo[] {
    return [...this.entityChunks.keys()].map((e) => this.info(this.strings[e]!)!);
  }

  participants(): { sender: string; messages: number; chunks: number; first: { id: string; range: Range } }[] {
    return [...this.senderChunks.entries()].map(([sender, chunks]) => {
      let messages = 0;
      for (const n of chunks.values()) messages += n;
      const id = [...chunks.keys()].sort()[0]!;
      const d = this.records.get(id)!.data;
      let at = HEAD;
      while (d[at + 3] !== sender) at += MSG;
      return { sender: this.strings[sender]!, messages, chunks: chunks.size, first: { id, range: range(d[at]!, d[at + 4]!, d[at + 5]!) } };
    });
  }

  /** Senders' ranges across the corpus (references on a sender). */
  senderMentions(sender: string): { id: string; range: Range }[] {
    const out: { id: string; range: Range }[] = [];
    const n = this.numbers.get(sender);
    const chunks = n === undefined ? undefined : this.senderChunks.get(n);
    for (const id of [...(chunks?.keys() ?? [])].sort()) {
      const d = this.records.get(id)!.data;
      for (const m of this.messagesOf(this.records.get(id)!, n!)) out.push({ id, range: range(m.line, d[m.at + 4]!, d[m.at + 5]!) });
    }
    return out;
  }

  /** Figures quoting the same quantity, this one included (references on a figure). */
  figureMentions(id: string, figure: FigureMention): { id: string; range: Range }[] {
    const out: { id: string; range: Range }[] = [];
    for (const other of this.nearValue(figure.value, new Set([id]))) {
      const rec = this.records.get(other);
      if (!rec) continue;
      const d = rec.data;
      for (let i = 0, at = rec.fig(0); i < rec.figureCount; i++, at += FIG) if (sameQuantity({ value: getDouble(d, at + 4), family: this.strings[d[at + 6]!] as UnitFamily }, figure)) out.push({ id: other, range: range(d[at]!, d[at + 1]!, d[at + 2]!) });
    }
    return out;
  }

  // RelatedSignals: what entities and figures tell the search about related chunks.
  entitiesOf(id: string): { key: string; label: string }[] {
    const rec = this.records.get(id);
    if (!rec) return [];
    const keys = new Set<number>();
    for (let i = 0, at = rec.ent(0); i < rec.entityCount; i++, at += ENT) keys.add(rec.data[at]!);
    return [...keys].map((k) => ({ key: this.strings[k]!, label: this.nameOf(this.strings[k]!) }));
  }

  figuresOf(id: string): { key: string; label: string }[] {
    const rec = this.records.get(id);
    if (!rec) return [];
    const seen = new Map<string, string>();
    const d = rec.data;
    for (let i = 0, at = rec.fig(0); i < rec.figureCount; i++, at += FIG) {
      const family = this.strings[d[at + 6]!]!;
      if (family !== 'percent' && family !== 'number') seen.set(`${family}:${valueBucket(getDouble(d, at + 4))}`, this.strings[d[at + 3]!]!);
    }
    return [...seen.entries()].map(([key, label]) => ({ key, label }));
  }

  // Both answer in time proportional to `max`, never to the corpus: related chunks asks for
  // every entity of a chunk, and copying the 50 000 chunks that name a common one cost 200 ms.
  chunksWithEntity(key: string, max = Infinity): string[] | undefined {
    const n = this.numbers.get(key);
    const chunks = n === undefined ? undefined : this.entityChunks.get(n);
    if (chunks && chunks.size > max) return undefined;
    return [...(chunks?.keys() ?? [])];
  }

  chunksWithFigure(key: string, max = Infinity): string[] | undefined {
    const i = key.lastIndexOf(':');
    const buckets = this.figureFamilyBuckets[FAMILIES.indexOf(key.slice(0, i) as UnitFamily)];
    const b = Number(key.slice(i + 1));
    const out = new Set<string>();
    if (!buckets) return [];
    for (const k of [b - 1, b, b + 1]) {
      for (const id of buckets.get(k)?.keys() ?? []) {
        out.add(id);
        if (out.size > max) return undefined;
      }
    }
    return [...out];
  }

  private mostFrequent(c: Map<number, number>): string {
    let best = '';
    let n = -1;
    for (const [k, v] of c) {
      const s = this.strings[k]!;
      if (v > n || (v === n && s < best)) [best, n] = [s, v];
    }
    return best;
  }
}
