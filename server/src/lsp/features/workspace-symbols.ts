// `workspace/symbol`: entities and participants of the corpus by fuzzy name (fuse.js over
// names, aliases and the forms seen). The list is rebuilt lazily after the corpus changes.
import Fuse from 'fuse.js';
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import { t, type MentionKind } from '../../core';
import type { Feature } from '../context';
import { kindLabel } from './corpus-hover';

interface Item {
  readonly name: string;
  readonly names: readonly string[];
  readonly kind: MentionKind | 'participant';
  readonly chunks: number;
  readonly location: SymbolInformation['location'];
}

const SYMBOL_KIND: Record<MentionKind | 'participant', SymbolKind> = {
  person: SymbolKind.Object,
  organisation: SymbolKind.Class,
  place: SymbolKind.Namespace,
  product: SymbolKind.Module,
  topic: SymbolKind.String,
  name: SymbolKind.Constant,
  participant: SymbolKind.Event,
};

const MAX_RESULTS = 100;

export const workspaceSymbols: Feature = (ctx) => {
  let cache: { items: Item[]; fuse: Fuse<Item> } | undefined;
  ctx.onCorpusChanged(() => {
    cache = undefined;
  });
  ctx.addCapabilities({ workspaceSymbolProvider: true });
  ctx.connection.onWorkspaceSymbol(ctx.guard('workspaceSymbol', [] as SymbolInformation[], (params): SymbolInformation[] => {
    // While the start-up scan runs the list grows: rebuild it on each request until then.
    if (!cache || !ctx.indexed()) {
      const index = ctx.corpus().index;
      const items: Item[] = [];
      for (const e of index.entities()) {
        const first = index.mentions(e.id)[0];
        if (!first) continue;
        const m = first.mention;
        items.push({ name: e.name, names: [e.name, ...e.aliases, ...e.seen], kind: e.kind, chunks: e.chunks, location: { uri: first.id, range: { start: { line: m.line, character: m.start }, end: { line: m.line, character: m.end } } } });
      }
      for (const p of index.participants()) items.push({ name: p.sender, names: [p.sender], kind: 'participant', chunks: p.chunks, location: { uri: p.first.id, range: p.first.range } });
      items.sort((a, b) => b.chunks - a.chunks || (a.name < b.name ? -1 : 1));
      cache = { items, fuse: new Fuse(items, { keys: ['names'], threshold: 0.35, ignoreLocation: true, ignoreDiacritics: true }) };
    }
    const query = (params.query ?? '').trim();
    const found = query === '' ? cache.items.slice(0, MAX_RESULTS) : cache.fuse.search(query, { limit: MAX_RESULTS }).map((r) => r.item);
    return found.map((i) => ({
      name: i.name,
      kind: SYMBOL_KIND[i.kind],
      location: i.location,
      containerName: `${kindLabel(i.kind)} · ${i.chunks === 1 ? t('1 chunk') : t('{0} chunks', i.chunks)}`,
    }));
  }));
};
