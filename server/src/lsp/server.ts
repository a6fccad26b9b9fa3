// The language server: glue between an LSP connection and the core's Corpus. One handler per
// method; all domain logic lives in ../core.
import type { PoolSettings } from '../core/analysis-pool';
import {
  CodeActionKind, DidChangeConfigurationNotification, FileChangeType, TextDocumentSyncKind,
  TextDocuments, type Connection, type InitializeParams, type InitializeResult, type ServerCapabilities, type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE, Corpus, DEFAULT_CONFIG, loadTokenizer, parseProjectConfig, type CorpusOptions, type ProjectConfig, type Workspace } from '../core';
import {
  CorpusChangedNotification, DEFAULT_SETTINGS, IsChunkRequest, StatsRequest,
  type ChunkReviewSettings, type IsChunkParams, type StatsResult,
} from '../protocol';
import type { CodeActionProvider, Feature, HoverProvider, ServerContext } from './context';
import { toDiagnostic } from './convert';
import { corpusHover } from './features/corpus-hover';
import { corpusTree } from './features/corpus-tree';
import { curation } from './features/curation';
import { documentHighlight } from './features/document-highlight';
import { headerHover } from './features/header-hover';
import { quickFixes } from './features/quick-fixes';
import { references } from './features/references';
import { search } from './features/search';
import { workspaceSymbols } from './features/workspace-symbols';
import { configureLocale } from './l10n';
import { pullSettings } from './settings';

/** Every feature of the server; each registers its own handlers or providers. */
const FEATURES: readonly Feature[] = [headerHover, quickFixes, corpusTree, search, corpusHover, references, workspaceSymbols, documentHighlight, curation];

export interface ServerOptions {
  readonly workspace: Workspace;
  /** Worker threads for the corpus scan (see Corpus); none: the scan runs on this thread. */
  readonly workers?: PoolSettings;
  /** Delay between the last keystroke and the re-analysis of a buffer. */
  readonly debounceMs?: number;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const debounceMs = options.debounceMs ?? 150;
  let roots: string[] = [];
  let settings: ChunkReviewSettings = DEFAULT_SETTINGS;
  let config: ProjectConfig = DEFAULT_CONFIG;
  let canPullConfig = false;
  let canReportProgress = false;
  let canWatchFolders = false;
  let locale = 'en';
  let indexed = false;
  let corpus = new Corpus(options.workspace, { roots: [] });
  const timers = new Map<string, NodeJS.Timeout>();
  const published = new Set<string>();
  const hoverProviders: HoverProvider[] = [];
  const codeActionProviders: CodeActionProvider[] = [];
  const corpusListeners: ((ids: readonly string[]) => void)[] = [];
  let extraCapabilities: ServerCapabilities = {};
  const corpusChanged = (ids: readonly string[]) => {
    for (const l of corpusListeners) {
      try {
        l(ids);
      } catch (e) {
        connection.console.error(`corpus listener failed: ${String(e)}`);
      }
    }
  };
  const analyzedVersion = new Map<string, number>();

  const log = (m: string) => connection.console.log(m);
  // The o200k count of token-budget is left to opened chunks: at 100 000 chunks it alone would
  // take longer than everything else the start-up scan does.
  const corpusOptions = (): CorpusOptions => ({ roots, include: settings.corpus.include, severity: settings.severity, config, tokenizerCountOnDisk: false, ...(options.workers ? { workers: options.workers } : {}) });

  /** `.chunkreview.json` of the first workspace folder; absent or broken gives the defaults. */
  async function loadConfig(): Promise<void> {
    config = DEFAULT_CONFIG;
    if (roots.length === 0) return;
    let bytes: Uint8Array;
    try {
      bytes = await options.workspace.readFile(`${roots[0]}/${CONFIG_FILE}`);
    } catch {
      return;
    }
    const parsed = parseProjectConfig(new TextDecoder().decode(bytes));
    config = parsed.config;
    for (const p of parsed.problems) connection.console.warn(p.message);
  }

  function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      try {
        return await fn(...args);
      } catch (e) {
        connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return fallback;
      }
    };
  }

  function publish(ids: Iterable<string>): void {
    for (const uri of ids) {
      const entry = corpus.get(uri);
      if (entry) {
        for (const { code, error } of entry.errors) connection.console.error(`rule ${code} failed on ${uri}: ${String(error)}`);
        void connection.sendDiagnostics({ uri, diagnostics: corpus.findings(uri).map((f) => toDiagnostic(f, settings.docsBaseUrl)) });
        published.add(uri);
      } else if (indexed && published.delete(uri)) {
        // While a rescan is under way a file may simply not be read yet: it keeps what it showed
        // until the rescan ends (publishAll clears what really went).
        void connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
  }

  /**
   * Every chunk's diagnostics, and empty ones where a chunk went, in slices: at 100 000 chunks
   * this is several seconds of work, and requests must be answered in between.
   */
  async function publishAll(signal?: AbortSignal): Promise<void> {
    const live = new Set<string>();
    for (const e of corpus.all()) live.add(e.id);
    const ids = [...new Set([...live, ...published])];
    let slice = Date.now();
    for (let i = 0; i < ids.length && !signal?.aborted; i++) {
      publish([ids[i]!]);
      if (Date.now() - slice > 20) {
        await new Promise((r) => setImmediate(r));
        slice = Date.now();
      }
    }
  }

  /**
   * Re-reads the whole corpus. Requests can overlap (start-up, then the client's first
   * configuration push, then a `.chunkreview.json` save): a newer rescan aborts the one in
   * flight, so the corpus is read once and the last settings win.
   */
  let scanning: AbortController | undefined;
  let lastCount = 0;
  async function rescan(): Promise<void> {
    scanning?.abort();
    const controller = new AbortController();
    scanning = controller;
    const { signal } = controller;
    indexed = false;
    await loadConfig();
    if (signal.aborted) return;
    const fresh = new Corpus(options.workspace, corpusOptions());
    // Open buffers first, so that a request on one is answered while the disk is read (the scan
    // leaves a buffer's entry as it is); they are applied again once the corpus folders are known.
    for (const doc of documents.all()) fresh.update(doc.uri, doc.getText(), true, doc.languageId === 'chunk');
    // Visible at once: hovers and queries answer from what is indexed so far.
    corpus = fresh;
    let progress: WorkDoneProgressReporter | undefined;
    if (canReportProgress) {
      try {
        progress = await connection.window.createWorkDoneProgress();
        progress.begin('Chunk Review: indexing corpus', 0, undefined, false);
      } catch {
        progress = undefined;
      }
    }
    try {
      let lastReport = 0;
      await fresh.scan((done, total) => {
        const now = Date.now();
        if (progress && (now - lastReport > 200 || done === total)) {
          lastReport = now;
          progress.report(Math.round((done / Math.max(1, total)) * 100), `${Math.floor(done / 2)} / ${Math.floor(total / 2)} files`);
        }
      }, log, signal);
      // Open buffers win over the disk.
      for (const doc of documents.all()) {
        if (signal.aborted) break;
        // A buffer can make its folder a corpus folder: its siblings are read then.
        await fresh.refresh(fresh.update(doc.uri, doc.getText(), true, doc.languageId === 'chunk').filter((id) => id !== doc.uri));
      }
    } finally {
      progress?.done();
    }
    if (signal.aborted) return;
    corpus = fresh;
    indexed = true;
    // Still abortable: a rescan asked for meanwhile stops the publishing of this one.
    await publishAll(signal);
    if (signal.aborted) return;
    scanning = undefined;
    const all = [...corpus.all()].map((e) => e.id);
    corpusChanged(all);
    void connection.sendNotification(CorpusChangedNotification, { uris: all });
    lastCount = corpus.findingCount();
    // Opening a chunk counts its tokens with o200k: load that tokenizer now, not on the first open.
    setTimeout(() => loadTokenizer(), 0);
    log(`Indexed ${corpus.size} chunks (${lastCount} findings) in ${roots.length} folder(s)${corpus.scanWorkers > 0 ? `, with ${corpus.scanWorkers} analysis worker threads` : ''}.`);
  }

  async function analyzeBuffer(doc: TextDocument): Promise<void> {
    if (analyzedVersion.get(doc.uri) === doc.version) return;
    analyzedVersion.set(doc.uri, doc.version);
    const changed = corpus.update(doc.uri, doc.getText(), true, doc.languageId === 'chunk');
    await corpus.refresh(changed.filter((id) => id !== doc.uri));
    publish(changed);
    corpusChanged(changed);
    if (changed.length > 1) void connection.sendNotification(CorpusChangedNotification, { uris: changed });
  }

  function schedule(doc: TextDocument): void {
    clearTimeout(timers.get(doc.uri));
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) void guard('analyze', undefined, analyzeBuffer)(current);
    }, debounceMs));
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.map((u) => u.replace(/\/+$/, ''));
    canPullConfig = params.capabilities.workspace?.configuration === true;
    canReportProgress = params.capabilities.window?.workDoneProgress === true;
    canWatchFolders = params.capabilities.workspace?.workspaceFolders === true;
    configureLocale(params.locale);
    locale = (params.locale ?? 'en').toLowerCase();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...extraCapabilities,
      },
      serverInfo: { name: 'chunk-review', version: '0.1.0' },
    };
  });

  connection.onInitialized(guard('initialized', undefined, async () => {
    if (canPullConfig) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'chunkReview' }).catch(() => undefined);
    }
    if (canWatchFolders) {
      // The getter throws for clients without the capability, so it is only touched here.
      connection.workspace.onDidChangeWorkspaceFolders(guard('workspaceFolders', undefined, async (e) => {
        const removed = new Set(e.removed.map((f) => f.uri.replace(/\/+$/, '')));
        roots = [...roots.filter((r) => !removed.has(r)), ...e.added.map((f) => f.uri.replace(/\/+$/, ''))];
        await rescan();
      }));
    }
    settings = await pullSettings(connection, canPullConfig, roots[0]);
    await rescan();
  }));

  connection.onDidChangeConfiguration(guard('configuration', undefined, async () => {
    const next = await pullSettings(connection, canPullConfig, roots[0]);
    // Clients push the configuration once right after start-up: same settings, no second read.
    if (JSON.stringify(next) === JSON.stringify(settings) && (indexed || scanning)) return;
    settings = next;
    await rescan();
  }));

  documents.onDidOpen((e) => void guard('open', undefined, analyzeBuffer)(e.document));
  documents.onDidChangeContent((e) => {
    if (analyzedVersion.get(e.document.uri) !== e.document.version) schedule(e.document);
  });
  documents.onDidClose(guard('close', undefined, async (e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    analyzedVersion.delete(e.document.uri);
    // Back to what is on disk: a corpus file keeps its findings after its editor closes.
    let bytes: Uint8Array | undefined;
    try {
      bytes = await options.workspace.readFile(e.document.uri);
    } catch {
      bytes = undefined;
    }
    const changed = corpus.markFromDisk(e.document.uri, bytes);
    await corpus.refresh(changed.filter((id) => id !== e.document.uri));
    publish(changed);
    corpusChanged(changed);
  }));

  connection.onDidChangeWatchedFiles(guard('watchedFiles', undefined, async (params) => {
    if (params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE}`))) {
      await rescan();
      return;
    }
    const changed: string[] = [];
    const direct = new Set<string>();
    for (const c of params.changes) {
      if (documents.get(c.uri)) continue; // the open buffer is the truth for now
      direct.add(c.uri);
      if (c.type === FileChangeType.Deleted) {
        changed.push(...corpus.remove(c.uri));
        continue;
      }
      let bytes: Uint8Array | undefined;
      try {
        bytes = await options.workspace.readFile(c.uri);
      } catch {
        bytes = undefined;
      }
      changed.push(...corpus.markFromDisk(c.uri, bytes));
    }
    // Siblings whose status changed with their folder are read again; the files named by the events are done.
    await corpus.refresh(changed.filter((id) => !direct.has(id)));
    publish(new Set(changed));
    corpusChanged(changed);
    if (changed.length > 0) void connection.sendNotification(CorpusChangedNotification, { uris: changed });
  }));

  connection.onHover(guard('hover', null, async (params) => {
    const entry = corpus.get(params.textDocument.uri);
    if (!entry) return null;
    for (const p of hoverProviders) {
      const h = await p(entry, params);
      if (h) return h;
    }
    return null;
  }));

  connection.onCodeAction(guard('codeAction', [], async (params) => {
    const entry = corpus.get(params.textDocument.uri);
    const out = [];
    // One failing provider must not take the others' fixes with it.
    for (const [i, p] of codeActionProviders.entries()) out.push(...(await guard(`codeAction[${i}]`, [], p)(entry, params)));
    return out;
  }));

  const ctx: ServerContext = {
    connection,
    documents,
    workspace: options.workspace,
    corpus: () => corpus,
    settings: () => settings,
    indexed: () => indexed,
    roots: () => roots,
    locale: () => locale,
    addHoverProvider: (p) => hoverProviders.push(p),
    addCodeActionProvider: (p) => codeActionProviders.push(p),
    addCapabilities: (c) => {
      extraCapabilities = { ...extraCapabilities, ...c };
    },
    onCorpusChanged: (l) => corpusListeners.push(l),
    guard,
    log,
  };
  for (const f of FEATURES) f(ctx);

  connection.onRequest(StatsRequest, (): StatsResult => ({ chunks: corpus.size, indexed, findings: indexed ? (lastCount = corpus.findingCount()) : lastCount }));
  connection.onRequest(IsChunkRequest, (p: IsChunkParams): boolean => corpus.isChunk(p.uri) || corpus.get(p.uri) !== undefined);

  documents.listen(connection);
  connection.listen();
}
