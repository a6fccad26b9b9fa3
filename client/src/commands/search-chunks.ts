// "Chunk Review: Search Chunks…": type-as-you-search over the corpus, tolerant of typos and
// accents, showing the matching line. The server ranks; the quick pick does not filter again.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SearchRequest, type SearchResult } from '../../../server/src/protocol';
import { chunkName, openAt, toRange } from './open';

interface HitItem extends vscode.QuickPickItem {
  readonly hit: SearchResult['items'][number];
}

export function registerSearchChunks(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand('chunkReview.searchChunks', async (initial?: string) => {
    const pick = vscode.window.createQuickPick<HitItem>();
    pick.title = vscode.l10n.t('Search chunks');
    pick.placeholder = vscode.l10n.t('Words to look for (typos and missing accents are fine)');
    let timer: NodeJS.Timeout | undefined;
    let generation = 0;
    const run = async (query: string) => {
      const mine = ++generation;
      if (query.trim() === '') {
        pick.items = [];
        return;
      }
      pick.busy = true;
      try {
        const result = await client.sendRequest<SearchResult>(SearchRequest, { query, limit: 30 });
        if (mine !== generation) return; // a newer query is on its way
        pick.items = result.items.map((h) => ({
          label: `$(file-text) ${chunkName(h.uri)}`,
          description: vscode.l10n.t('line {0}', h.range.start.line + 1),
          detail: h.preview,
          alwaysShow: true,
          hit: h,
        }));
      } catch {
        if (mine === generation) pick.items = [];
      } finally {
        if (mine === generation) pick.busy = false;
      }
    };
    pick.onDidChangeValue((v) => {
      clearTimeout(timer);
      timer = setTimeout(() => void run(v), 60);
    });
    pick.onDidChangeActive((items) => {
      const it = items[0];
      if (it) void openAt(it.hit.uri, toRange(it.hit.range), true);
    });
    pick.onDidAccept(() => {
      const it = pick.activeItems[0];
      if (!it) return;
      pick.hide();
      void openAt(it.hit.uri, toRange(it.hit.range), false);
    });
    pick.onDidHide(() => {
      clearTimeout(timer);
      pick.dispose();
    });
    pick.show();
    if (typeof initial === 'string' && initial) {
      pick.value = initial;
      await run(initial);
    }
  }));
}
