// What a feature module gets from the server: the connection, the documents, the current
// corpus and settings, and a way to add hover and code-action providers without touching
// the server's wiring. One module per feature (features/*.ts), registered in server.ts.
import type { CodeAction, CodeActionParams, Connection, Hover, HoverParams, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Corpus, CorpusEntry, Workspace } from '../core';
import type { ChunkReviewSettings } from '../protocol';

export type HoverProvider = (entry: CorpusEntry, params: HoverParams) => Hover | null | Promise<Hover | null>;
export type CodeActionProvider = (entry: CorpusEntry | undefined, params: CodeActionParams) => CodeAction[] | Promise<CodeAction[]>;

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: Workspace;
  /** The current corpus; replaced as a whole by a rescan, so never keep it across awaits. */
  corpus(): Corpus;
  settings(): ChunkReviewSettings;
  /** True once the start-up scan is done. */
  indexed(): boolean;
  roots(): readonly string[];
  /** The client's UI language (`initialize.locale`), e.g. `fr`; `en` by default. */
  locale(): string;
  /** Hover providers are asked in order; the first non-null answer wins. */
  addHoverProvider(p: HoverProvider): void;
  addCodeActionProvider(p: CodeActionProvider): void;
  /** Capabilities this feature needs announced in the initialize result (merged shallowly). */
  addCapabilities(c: ServerCapabilities): void;
  /** Called after the corpus changed, with the ids that changed (all of them after a rescan). */
  onCorpusChanged(listener: (ids: readonly string[]) => void): void;
  /** Wraps a handler so an exception is logged and answered with a fallback, never fatal. */
  guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R>;
  log(message: string): void;
}

export type Feature = (ctx: ServerContext) => void;
