// Which files are chunks, and the store of every corpus chunk with its findings. The files
// come in through the Workspace interface, so tests run on an in-memory corpus.
import picomatch from 'picomatch';
import { analyzeBytes, analyzeText, type Analysis, type AnalysisOptions } from './analyze';
import { HEADER_START_MARKER, type Chunk, type Finding, type Severity } from './model';
import { decodeChunkBytes, DEFAULT_MAX_BYTES } from './text';
import { parseChunk } from './parse';
import { deriveHeader } from './producer';
import { packFindings, unpackFindings } from './packed-findings';
import { CorpusIndex } from './corpus-index';
import { CorpusSearch } from './search';
import { isStartMarkerLike } from './parse';
import type { FixAllInput } from './curation/fix-all';
import { AnalysisPool, UnreadError, WorkerGoneError, type PoolSettings } from './analysis-pool';
import type { Prepared } from './prepare';
import { fingerprint, type Fingerprint } from './fingerprint';
import type { TermTranslator } from './search/term-table';
import type { StringTranslator } from './string-table';
import { Slab } from './slab';

/** What the core needs from the outside world; ids are file URIs or paths with `/` separators. */
export interface Workspace {
  readFile(id: string): Promise<Uint8Array>;
  /** Every file below a folder, recursively (ids). */
  listFiles(folderId: string): Promise<string[]>;
  /** The first bytes of a file (header detection); readFile serves when absent. */
  readHead?(id: string, bytes: number): Promise<Uint8Array>;
  /**
   * The same, synchronously: a local file's head takes about 5 µs this way and 40 µs as a
   * promise (each read goes through the thread pool and back), 4 s at 100 000 chunks, in
   * which the workers would wait. A scan prefers it, yielding every 30 ms.
   */
  readHeadNow?(id: string, bytes: number): Uint8Array;
  /** A local path worker threads can read the file from; undefined: only `readFile` can. */
  localPath?(id: string): string | undefined;
  /**
   * A synchronous read, for a file whose text is needed again (a hover, a preview, a duplicate
   * check). With it the corpus keeps each scanned file's size and hash instead of its bytes:
   * 360 MB fewer at 100 000 chunks.
   */
  readFileNow?(id: string): Uint8Array;
}

/** What a disk entry keeps to parse its file again: its bytes, its text, or its fingerprint. */
type Source = Uint8Array | string | Fingerprint;

/** Enough for the header marker line, even after a BOM. */
const HEAD_BYTES = 256;

export interface CorpusOptions extends AnalysisOptions {
  /** Workspace folders (ids); include globs are relative to them. */
  readonly roots: readonly string[];
  /** Globs of extra folders or files whose `.txt` files are chunks. */
  readonly include?: readonly string[];
  /** `tokenizerCount` for texts read from disk; open buffers always count (default true). */
  readonly tokenizerCountOnDisk?: boolean;
  /**
   * Worker threads for a scan's per-file analysis (the main thread merges). Without it, or for
   * fewer than `minFiles` files, everything runs on the main thread.
   */
  readonly workers?: PoolSettings;
}

export interface CorpusEntry {
  readonly id: string;
  /** The whole analysis; for a file read from disk its chunk is parsed again (read it once per use). */
  readonly analysis: Analysis;
  /** The analysis's findings and rule errors, without parsing anything again. */
  readonly findings: readonly Finding[];
  readonly findingCount: number;
  readonly errors: Analysis['errors'];
  /** Whether the file was read as text (its analysis has a chunk). */
  readonly hasChunk: boolean;
  /** Whether the text came from an open editor buffer rather than the disk. */
  readonly fromBuffer: boolean;
}

/**
 * Parsed chunks of files read from disk, most recently used last. The corpus keeps each such
 * file's source (its bytes as read, or its text) and parses it again when asked: a parsed chunk
 * weighs about 2.5 times its text, and 100 000 of them would not fit in a server's heap.
 */
class ParsedChunks {
  private readonly cache = new Map<string, Chunk>();

  constructor(private readonly capacity: number, private readonly readNow?: (id: string) => Uint8Array) {}

  /**
   * A fingerprint is read again from the disk; bytes that are no longer the ones analysed give
   * undefined (the file changed behind the corpus: its findings would point at the wrong text,
   * and the file watcher brings a new analysis).
   */
  get(id: string, source: Source, maxBytes: number): Chunk | undefined {
    const hit = this.cache.get(id);
    if (hit) {
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    let text: string;
    if (typeof source === 'string') text = source;
    else {
      let bytes: Uint8Array;
      if (source instanceof Uint8Array) bytes = source;
      else {
        try {
          bytes = this.readNow!(id);
        } catch {
          return undefined;
        }
        const now = fingerprint(bytes);
        if (now.size !== source.size || now.hash !== source.hash) return undefined;
      }
      const decoded = decodeChunkBytes(bytes, maxBytes);
      if (!decoded.ok) return undefined;
      text = decoded.text;
    }
    const chunk = parseChunk(id, text);
    this.remember(id, chunk);
    return chunk;
  }

  remember(id: string, chunk: Chunk): void {
    this.cache.delete(id);
    this.cache.set(id, chunk);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
  }

  forget(id: string): void {
    this.cache.delete(id);
  }
}

const NO_ERRORS: Analysis['errors'] = Object.freeze([]);

/** An entry read from disk: its findings packed (packed-findings.ts), its source to parse again on demand. */
class DiskEntry implements CorpusEntry {
  readonly errors: Analysis['errors'];
  constructor(
    readonly id: string,
    private readonly packed: Uint8Array,
    readonly findingCount: number,
    errors: Analysis['errors'],
    private readonly source: Source | undefined,
    private readonly parsed: ParsedChunks,
    private readonly maxBytes: number,
  ) {
    // Nearly every entry has no rule error: one shared empty list, not an array per chunk for
    // the collector to mark (a scan's heap holds one entry per chunk).
    this.errors = errors.length === 0 ? NO_ERRORS : errors;
  }

  // Read from the prototype, not stored per entry: two fields fewer on every disk entry.
  get fromBuffer(): boolean {
    return false;
  }

  get hasChunk(): boolean {
    return this.source !== undefined;
  }

  get findings(): readonly Finding[] {
    return unpackFindings(this.packed);
  }

  /**
   * Its findings and derived header are made when read: most callers want the chunk alone
   * (previews, duplicate checks, related chunks), and unpacking findings cost more than parsing.
   */
  get analysis(): Analysis {
    const chunk = this.source === undefined ? undefined : this.parsed.get(this.id, this.source, this.maxBytes);
    const entry = this;
    let findings: readonly Finding[] | undefined;
    if (!chunk) return { get findings() { return (findings ??= entry.findings); }, errors: this.errors };
    let derived: Analysis['derived'];
    return {
      chunk,
      get derived() {
        return (derived ??= deriveHeader(chunk));
      },
      get findings() {
        return (findings ??= entry.findings);
      },
      errors: this.errors,
    };
  }
}

const SKIP_DIRS = /\/(node_modules|\.git|\.hg|\.svn)\//;

export function folderOf(id: string): string {
  const i = id.lastIndexOf('/');
  return i < 0 ? '' : id.slice(0, i);
}

export function baseName(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/** `*.chunk` and `*.chunk.txt` are chunks by name. */
export function isChunkByName(id: string): boolean {
  const b = baseName(id).toLowerCase();
  return b.endsWith('.chunk') || b.endsWith('.chunk.txt');
}

export function isCandidate(id: string): boolean {
  const b = baseName(id).toLowerCase();
  return (b.endsWith('.txt') || b.endsWith('.chunk')) && !SKIP_DIRS.test(id);
}

/** Whether a text opens with the header start marker (a BOM before it is allowed). */
export function startsWithHeader(text: string): boolean {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = t.slice(0, 200).split(/\r\n|\n|\r/, 1)[0] ?? '';
  return firstLine === HEADER_START_MARKER || isStartMarkerLike(firstLine);
}

const headDecoder = new TextDecoder('utf-8', { fatal: false });

function bytesStartWithHeader(bytes: Uint8Array): boolean {
  return startsWithHeader(headDecoder.decode(bytes.subarray(0, 256)));
}

export class Corpus {
  private readonly entries = new Map<string, CorpusEntry>();
  /** Disk entries parsed again lately (hovers, previews, duplicate checks ask for a few at a time). */
  private readonly parsed: ParsedChunks;
  /** The packed findings of disk entries, side by side (a buffer each weighed on every collection). */
  private readonly packedFindings = new Slab<Uint8Array>((n) => new Uint8Array(n), 1 << 14);
  /** Candidate files seen, with whether each opens with a header. */
  private readonly candidates = new Map<string, boolean>();
  /** Number of header chunks per folder: a folder with one is a corpus folder. */
  private readonly headerFolders = new Map<string, number>();
  private readonly includeMatcher: ((path: string) => boolean) | undefined;
  /** Analysis options for texts read from disk. */
  private diskOptions: AnalysisOptions;
  /** Worker threads that analysed the files of the last scan (0: the main thread did). */
  scanWorkers = 0;
  /** The finding count of the whole corpus, until an entry changes. */
  private counted: number | undefined;
  /** Search, related chunks, overlaps and near-duplicates, kept in step with the entries. */
  readonly search = new CorpusSearch((id) => this.entries.get(id)?.analysis.chunk);
  /** Entities, figures, participants and dates of every chunk, kept in step with the entries. */
  readonly index: CorpusIndex;

  constructor(private readonly workspace: Workspace, private options: CorpusOptions) {
    this.diskOptions = Corpus.forDisk(options);
    this.parsed = new ParsedChunks(256, workspace.readFileNow?.bind(workspace));
    this.includeMatcher = options.include && options.include.length > 0 ? picomatch([...options.include], { dot: true }) : undefined;
    this.index = new CorpusIndex(options.config?.entities ?? []);
    this.search.signals = this.index;
  }

  /**
   * The one place entries change, so the search structures never drift from them. A buffer's
   * analysis is kept whole; a disk file keeps its findings and its source (`bytes` as read, or
   * `text`), and is parsed again when asked.
   */
  private put(id: string, analysis: Analysis, fromBuffer: boolean, source?: Uint8Array | string): void {
    this.counted = undefined;
    this.parsed.forget(id);
    const entry: CorpusEntry = fromBuffer || source === undefined
      ? { id, analysis, fromBuffer, findings: analysis.findings, findingCount: analysis.findings.length, errors: analysis.errors, hasChunk: analysis.chunk !== undefined }
      : new DiskEntry(id, this.packedFindings.keep(packFindings(analysis.findings)), analysis.findings.length, analysis.errors, analysis.chunk ? this.keep(source) : undefined, this.parsed, this.options.maxBytes ?? DEFAULT_MAX_BYTES);
    this.entries.set(id, entry);
    if (analysis.chunk) this.search.set(id, analysis.chunk);
    else this.search.remove(id);
    this.index.apply(id, analysis.chunk);
  }

  /**
   * `put` for a file prepared in a worker (prepare.ts): nothing is parsed here. `bytes`: absent
   * when the workspace can read the file again (the worker kept them).
   */
  private putPrepared(id: string, p: Prepared, bytes: Uint8Array | undefined): void {
    this.counted = undefined;
    this.parsed.forget(id);
    // A prepared chunk always has its fingerprint (prepareBytes).
    const source = p.record ? (bytes ? this.keep(bytes, p.fingerprint) : p.fingerprint) : undefined;
    this.entries.set(id, new DiskEntry(id, this.packedFindings.keep(p.findings), p.findingCount, p.errors, source, this.parsed, this.options.maxBytes ?? DEFAULT_MAX_BYTES));
    if (p.search) this.search.setDigest(id, p.search);
    else this.search.remove(id);
    this.index.applyRecord(id, p.record);
  }

  /**
   * Bytes become a fingerprint (`known`: computed already, in a worker) where the workspace can
   * read them again; a text is kept as it is.
   */
  private keep(source: Uint8Array | string, known?: Fingerprint): Source {
    return typeof source !== 'string' && this.workspace.readFileNow ? (known ?? fingerprint(source)) : source;
  }

  private drop(id: string): void {
    this.counted = undefined;
    this.parsed.forget(id);
    this.entries.delete(id);
    this.search.remove(id);
    this.index.apply(id, undefined);
  }

  /**
   * Reads and analyses every candidate file below the roots. Unreadable files are findings, not
   * failures. An aborted `signal` stops the scan between files.
   */
  async scan(onProgress?: (done: number, total: number) => void, log?: (message: string) => void, signal?: AbortSignal): Promise<void> {
    const files: string[] = [];
    for (const root of this.options.roots) {
      try {
        for (const f of await this.workspace.listFiles(root)) if (isCandidate(f)) files.push(f);
      } catch (e) {
        log?.(`Cannot list ${root}: ${String(e)}`);
      }
    }
    await this.scanFiles(files, log, onProgress, signal);
  }

  /**
   * Reads the given files: first which of them open with a header (that decides the corpus
   * folders), then analyses those that are chunks. A buffer the user is editing wins over the disk.
   */
  async scanFiles(files: readonly string[], log?: (message: string) => void, onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<void> {
    let done = 0;
    // A few reads in flight at once, so the disk and the work overlap; results keep file order.
    const READS_IN_FLIGHT = 16;
    const inFlight = async <T>(work: (id: string) => Promise<T>): Promise<(T | undefined)[]> => {
      const results: (T | undefined)[] = new Array(files.length);
      let next = 0;
      const worker = async () => {
        while (next < files.length && !signal?.aborted) {
          const i = next++;
          try {
            results[i] = await work(files[i]!);
          } catch (e) {
            log?.(`Skipped ${files[i]}: ${String(e)}`);
          }
          onProgress?.(++done, files.length * 2);
        }
      };
      await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, files.length) }, worker));
      return results;
    };
    // Phase 1: which files open with a header (that decides the corpus folders). Only the first
    // bytes are read, and only the answer is kept.
    let slice = Date.now();
    const yieldNow = async () => {
      if (Date.now() - slice > 30) {
        await new Promise((r) => setImmediate(r));
        slice = Date.now();
      }
    };
    // Whether each file opens with a header; undefined: it could not be read.
    const opens = this.workspace.readHeadNow ? await this.readHeadsNow(files, this.workspace.readHeadNow.bind(this.workspace), log, () => onProgress?.(++done, files.length * 2), yieldNow, signal)
      : await inFlight(async (id) => bytesStartWithHeader(this.workspace.readHead ? await this.workspace.readHead(id, HEAD_BYTES) : (await this.workspace.readFile(id)).subarray(0, HEAD_BYTES)));
    if (signal?.aborted) return;
    files.forEach((id, i) => {
      const open = opens[i];
      if (open !== undefined) this.noteCandidate(id, open);
    });
    // Phase 2: read, analyse and let go of each chunk, yielding every 30 ms so hovers and
    // requests answer from what is indexed so far.
    const chunks = files.filter((id, i) => opens[i] !== undefined && this.isChunk(id));
    done += files.length - chunks.length;
    this.search.reserve(this.search.size + chunks.length);
    if (this.options.workers && this.options.workers.size > 0 && chunks.length >= (this.options.workers.minFiles ?? 400)) {
      await this.scanInWorkers(chunks, this.options.workers, log, () => onProgress?.(++done, files.length * 2), yieldNow, signal);
      return;
    }
    let next = 0;
    const analyse = async () => {
      while (next < chunks.length && !signal?.aborted) {
        const id = chunks[next++]!;
        let bytes: Uint8Array;
        try {
          bytes = await this.workspace.readFile(id);
        } catch (e) {
          log?.(`Skipped ${id}: ${String(e)}`);
          continue;
        }
        if (!this.entries.get(id)?.fromBuffer) this.put(id, analyzeBytes(id, bytes, this.diskOptions), false, bytes);
        onProgress?.(++done, files.length * 2);
        await yieldNow();
      }
    };
    await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, chunks.length) }, analyse));
  }

  /** Phase 1 with synchronous reads, one after another; a file that cannot be read is skipped. */
  private async readHeadsNow(files: readonly string[], read: (id: string, bytes: number) => Uint8Array, log: ((message: string) => void) | undefined, progress: () => void, yieldNow: () => Promise<void>, signal?: AbortSignal): Promise<(boolean | undefined)[]> {
    const heads: (boolean | undefined)[] = new Array(files.length);
    for (let i = 0; i < files.length && !signal?.aborted; i++) {
      try {
        heads[i] = bytesStartWithHeader(read(files[i]!, HEAD_BYTES));
      } catch (e) {
        log?.(`Skipped ${files[i]}: ${String(e)}`);
      }
      progress();
      await yieldNow();
    }
    return heads;
  }

  /**
   * Phase 2 with worker threads: reads run ahead, workers prepare, and this thread merges the
   * results in file order (the structures come out as a main-thread scan makes them). A file a
   * worker could not do is analysed here.
   */
  private async scanInWorkers(chunks: readonly string[], settings: PoolSettings, log: ((message: string) => void) | undefined, progress: () => void, yieldNow: () => Promise<void>, signal?: AbortSignal): Promise<void> {
    // Each worker numbers its search terms; its numbers are mapped here as its results arrive.
    // Its record strings the same way.
    const translators = new Map<number, TermTranslator>();
    const stringTranslators = new Map<number, StringTranslator>();
    const receive = (worker: number, p: Prepared): Prepared => {
      let { search, record } = p;
      const terms = search?.terms;
      if (search && terms && 'fresh' in terms) {
        let tr = translators.get(worker);
        if (!tr) translators.set(worker, (tr = this.search.translator()));
        search = { ...search, terms: tr.receive(terms) };
      }
      if (record?.firstFresh !== undefined) {
        let st = stringTranslators.get(worker);
        if (!st) stringTranslators.set(worker, (st = this.index.stringTranslator()));
        record = { ...record, numbering: st.receive(record.strings, record.firstFresh) };
      }
      // One copy of the result at most, not one per part received.
      return search === p.search && record === p.record ? p : { ...p, search, record };
    };
    const pool = new AnalysisPool(settings, { options: this.diskOptions, entities: this.options.config?.entities ?? [] }, receive);
    this.scanWorkers = settings.size;
    // Enough in flight to keep every worker busy while the merges run here.
    const AHEAD = 32 * settings.size;
    // `bytes` is absent when a worker prepared the file and this corpus can read it again.
    const ready: ({ bytes?: Uint8Array; prepared: Prepared | undefined } | null | undefined)[] = new Array(chunks.length);
    let merged = 0;
    let wake: (() => void) | undefined;
    // Feeders that ran too far ahead wait here for the merge, instead of polling it.
    let room: (() => void)[] = [];
    const makeRoom = () => {
      const waiting = room;
      room = [];
      for (const w of waiting) w();
    };
    const merge = async () => {
      while (merged < chunks.length && !signal?.aborted) {
        const r = ready[merged];
        if (r === undefined) {
          await new Promise<void>((w) => (wake = w));
          wake = undefined;
          continue;
        }
        ready[merged] = undefined;
        const id = chunks[merged++]!;
        if (room.length > 0 && next - merged < AHEAD) makeRoom();
        if (r !== null && !this.entries.get(id)?.fromBuffer) {
          if (r.prepared) this.putPrepared(id, r.prepared, r.bytes);
          else this.put(id, analyzeBytes(id, r.bytes!, this.diskOptions), false, r.bytes);
        }
        progress();
        await yieldNow();
      }
    };
    let next = 0;
    let fellBack = false;
    const feed = async () => {
      while (next < chunks.length && !signal?.aborted) {
        if (next - merged >= AHEAD) {
          await new Promise<void>((r) => room.push(r));
          continue;
        }
        const i = next++;
        const id = chunks[i]!;
        let bytes: Uint8Array | undefined;
        let prepared: Prepared | undefined;
        const noteFallback = (e: unknown) => {
          if (!(e instanceof WorkerGoneError)) {
            // One file a worker could not analyse (an exception there): this thread does it.
            log?.(`Analysing ${id} on the main thread: ${String(e)}`);
            return;
          }
          // Said once: a dead pool would otherwise say it for every file.
          if (!fellBack) log?.(`Analysing on the main thread from ${id} on: ${String(e)}`);
          fellBack = true;
          if (!pool.alive) this.scanWorkers = 0;
        };
        const path = this.workspace.localPath?.(id);
        if (path !== undefined) {
          try {
            // The bytes are needed here only if the file cannot be read again (`keep`).
            ({ bytes, prepared } = await pool.prepareFile(id, path, !this.workspace.readFileNow));
          } catch (e) {
            if (!(e instanceof UnreadError)) noteFallback(e);
          }
        }
        let result: { bytes?: Uint8Array; prepared: Prepared | undefined } | null = null;
        try {
          if (!prepared) {
            bytes ??= await this.workspace.readFile(id);
            try {
              prepared = await pool.prepare(id, bytes!);
            } catch (e) {
              noteFallback(e);
            }
          }
          result = bytes ? { bytes, prepared } : { prepared };
        } catch (e) {
          log?.(`Skipped ${id}: ${String(e)}`);
        }
        ready[i] = result;
        if (i === merged) wake?.();
      }
      // Stopped (done or aborted): the merge must not wait for a result that will not come.
      if (signal?.aborted) wake?.();
    };
    try {
      await Promise.all([
        // An aborted or finished merge lets every waiting feeder go, so none waits forever.
        merge().finally(makeRoom),
        ...Array.from({ length: Math.min(AHEAD, chunks.length) }, feed),
      ]);
    } finally {
      await pool.close();
    }
  }

  private noteCandidate(id: string, hasHeader: boolean): void {
    const before = this.candidates.get(id);
    if (before === hasHeader) return;
    const folder = folderOf(id);
    if (before === true) this.bump(folder, -1);
    if (hasHeader) this.bump(folder, +1);
    this.candidates.set(id, hasHeader);
  }

  private bump(folder: string, delta: number): void {
    const n = (this.headerFolders.get(folder) ?? 0) + delta;
    if (n <= 0) this.headerFolders.delete(folder);
    else this.headerFolders.set(folder, n);
  }

  private relative(id: string): string | undefined {
    for (const root of this.options.roots) {
      const r = root.endsWith('/') ? root : `${root}/`;
      if (id.startsWith(r)) return id.slice(r.length);
    }
    return undefined;
  }

  /** The corpus rules: header chunks, `*.chunk(.txt)`, other `.txt` of a corpus folder, included globs. */
  isChunk(id: string): boolean {
    // node_modules & co. are never scanned, so a file event there must not add a chunk either
    // (an open buffer still can: `update(…, force)`).
    if (SKIP_DIRS.test(id)) return false;
    if (!isCandidate(id) && !isChunkByName(id)) return false;
    if (isChunkByName(id) || this.candidates.get(id) === true) return true;
    if (!baseName(id).toLowerCase().endsWith('.txt')) return false;
    if (this.headerFolders.has(folderOf(id))) return true;
    if (this.includeMatcher) {
      const rel = this.relative(id);
      if (rel !== undefined && (this.includeMatcher(rel) || this.includeMatcher(folderOf(rel)) || this.includeMatcher(`${folderOf(rel)}/`))) return true;
    }
    return false;
  }

  /**
   * Takes a new text for a file (an edit, or a change on disk). Returns the ids whose chunk
   * status or findings changed: a folder that gains its first header chunk turns its articles
   * into chunks too.
   */
  update(id: string, text: string, fromBuffer: boolean, force = false): string[] {
    const folder = folderOf(id);
    const wasCorpusFolder = this.headerFolders.has(folder);
    if (isCandidate(id) || isChunkByName(id)) this.noteCandidate(id, startsWithHeader(text));
    const changed = [id, ...this.search.neighbours(id)];
    // `force`: the user gave the file the chunk language although the corpus rules do not make it one.
    if (force || this.isChunk(id)) this.put(id, analyzeText(id, text, fromBuffer ? this.options : this.diskOptions), fromBuffer, text);
    else this.drop(id);
    changed.push(...this.search.neighbours(id));
    if (wasCorpusFolder !== this.headerFolders.has(folder)) changed.push(...this.folderSiblings(id));
    return [...new Set(changed)];
  }

  /** Records that a buffer was closed: the disk version takes over again on the next read. */
  markFromDisk(id: string, bytes: Uint8Array | undefined): string[] {
    if (bytes === undefined) return this.remove(id);
    const analysis = analyzeBytes(id, bytes, this.diskOptions);
    if (!analysis.chunk) {
      // Unreadable now: whether it opens with a header is judged on its bytes, as a scan does.
      const folder = folderOf(id);
      const wasCorpusFolder = this.headerFolders.has(folder);
      if (isCandidate(id) || isChunkByName(id)) this.noteCandidate(id, bytesStartWithHeader(bytes));
      const changed = [id, ...this.search.neighbours(id)];
      if (this.isChunk(id)) this.put(id, analysis, false, bytes);
      else this.drop(id);
      if (wasCorpusFolder !== this.headerFolders.has(folder)) changed.push(...this.folderSiblings(id));
      return [...new Set(changed)];
    }
    return this.update(id, analysis.chunk.lines.join(analysis.chunk.eol), false);
  }

  remove(id: string): string[] {
    const folder = folderOf(id);
    const wasCorpusFolder = this.headerFolders.has(folder);
    if (this.candidates.get(id) === true) this.bump(folder, -1);
    this.candidates.delete(id);
    const changed = [id, ...this.search.neighbours(id)];
    this.drop(id);
    if (wasCorpusFolder !== this.headerFolders.has(folder)) changed.push(...this.folderSiblings(id));
    return [...new Set(changed)];
  }

  private folderSiblings(id: string): string[] {
    const folder = folderOf(id);
    return [...this.candidates.keys()].filter((c) => c !== id && folderOf(c) === folder);
  }

  /** A sibling that became a chunk needs analysing from disk; one that stopped being one is dropped. */
  async refresh(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!this.isChunk(id)) {
        if (!entry?.fromBuffer) this.drop(id);
        continue;
      }
      if (entry) continue;
      try {
        const bytes = await this.workspace.readFile(id);
        this.put(id, analyzeBytes(id, bytes, this.diskOptions), false, bytes);
      } catch {
        this.drop(id);
      }
    }
  }

  setOptions(options: CorpusOptions): void {
    this.options = options;
    this.diskOptions = Corpus.forDisk(options);
  }

  private static forDisk(options: CorpusOptions): AnalysisOptions {
    return options.tokenizerCountOnDisk === false ? { ...options, tokenizerCount: false } : options;
  }

  get(id: string): CorpusEntry | undefined {
    return this.entries.get(id);
  }

  all(): IterableIterator<CorpusEntry> {
    return this.entries.values();
  }

  /**
   * Fix All's inputs: every readable chunk with findings. Chunks are parsed only when a fix
   * needs their text, so a whole corpus is never held parsed at once.
   */
  fixAllInputs(accept: (id: string) => boolean = () => true): FixAllInput[] {
    const out: FixAllInput[] = [];
    for (const e of this.entries.values()) {
      if (!e.hasChunk || !accept(e.id)) continue;
      const findings = this.findings(e.id);
      if (findings.length === 0) continue;
      out.push({ id: e.id, findings, get chunk() { return e.analysis.chunk!; } });
    }
    return out;
  }

  get size(): number {
    return this.entries.size;
  }

  /** A chunk's findings: its own rules' and the corpus-level ones (overlap, duplicate). */
  findings(id: string): Finding[] {
    const e = this.entries.get(id);
    if (!e) return [];
    const corpusLevel = this.search.findings(id, (code, fallback) => this.severityOf(code, fallback));
    return corpusLevel.length === 0 ? [...e.findings] : [...e.findings, ...corpusLevel].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  private severityOf(code: string, fallback: Severity): Severity | undefined {
    const o = this.options.config?.severity[code] ?? this.options.severity?.[code];
    if (o === 'off') return undefined;
    return o ?? fallback;
  }

  /** Findings over the whole corpus; kept until an entry changes (clients poll it for a status bar). */
  findingCount(): number {
    if (this.counted !== undefined) return this.counted;
    const severity = (code: string, fallback: Severity) => this.severityOf(code, fallback);
    let n = 0;
    for (const [id, e] of this.entries) n += e.findingCount + this.search.findingCount(id, severity);
    this.counted = n;
    return n;
  }
}
