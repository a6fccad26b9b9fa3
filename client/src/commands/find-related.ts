// "Chunk Review: Find Related Chunks": the chunks most related to the active one, with their
// reasons; moving through the list previews each chunk, Enter opens it at the relevant line.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RelatedChunksRequest, type RelatedChunksResult } from '../../../server/src/protocol';
import { chunkName, openAt, toRange } from './open';

interface RelatedItem extends vscode.QuickPickItem {
  readonly target: RelatedChunksResult['items'][number];
}

export async function relatedItems(client: LanguageClient, uri: vscode.Uri): Promise<RelatedItem[]> {
  const result = await client.sendRequest<RelatedChunksResult>(RelatedChunksRequest, { uri: uri.toString(), limit: 20 });
  return result.items.map((r) => ({
    label: `$(file-text) ${chunkName(r.uri)}`,
    description: vscode.l10n.t('score {0}', r.score),
    detail: r.reasons.join(' · '),
    target: r,
  }));
}

export function registerFindRelated(context: vscode.ExtensionContext, client: LanguageClient): void {
  // Resolves with the items shown once they are loaded (the user's choice is handled after).
  context.subscriptions.push(vscode.commands.registerCommand('chunkReview.findRelatedChunks', async (arg?: vscode.Uri): Promise<readonly vscode.QuickPickItem[]> => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a chunk first.'));
      return [];
    }
    const pick = vscode.window.createQuickPick<RelatedItem>();
    pick.title = vscode.l10n.t('Chunks related to {0}', chunkName(uri.toString()));
    pick.placeholder = vscode.l10n.t('Best first; move to preview, Enter to open');
    pick.matchOnDetail = true;
    pick.busy = true;
    pick.show();
    const origin = vscode.window.activeTextEditor;
    let accepted = false;
    try {
      pick.items = await relatedItems(client, uri);
      if (pick.items.length === 0) pick.placeholder = vscode.l10n.t('No related chunk found');
    } catch (e) {
      pick.placeholder = vscode.l10n.t('The language server did not answer: {0}', String(e));
    } finally {
      pick.busy = false;
    }
    pick.onDidChangeActive((items) => {
      const it = items[0];
      if (it) void openAt(it.target.uri, it.target.range ? toRange(it.target.range) : undefined, true);
    });
    pick.onDidAccept(() => {
      const it = pick.activeItems[0];
      if (!it) return;
      accepted = true;
      pick.hide();
      void openAt(it.target.uri, it.target.range ? toRange(it.target.range) : undefined, false);
    });
    pick.onDidHide(() => {
      pick.dispose();
      // Escape: back to where the user was.
      if (!accepted && origin) void vscode.window.showTextDocument(origin.document, { viewColumn: origin.viewColumn, selection: origin.selection });
    });
    return pick.items.map(({ label, description, detail }) => ({ label, description, detail }));
  }));
}
