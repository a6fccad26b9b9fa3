// "Chunk Review: Fix All in Corpus…": pick the codes to fix (with how many findings each has),
// then apply the server's one WorkspaceEdit as a refactoring: its edits need confirmation, so
// VS Code shows them in the refactor preview first, and the whole change undoes in one step.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { FixableCodesRequest, FixAllRequest, type FixableCodesResult, type FixAllParams } from '../../../server/src/protocol';

interface CodeItem extends vscode.QuickPickItem {
  readonly code: string;
}

/**
 * Asks the server for the edit of the given codes and applies it; resolves with whether it was
 * applied. `preview: false` (scripts, tests) applies without the refactor preview.
 */
export async function fixAllInCorpus(client: LanguageClient, codes: readonly string[], preview = true): Promise<boolean> {
  const result = await client.sendRequest<WorkspaceEdit>(FixAllRequest, { codes } satisfies FixAllParams);
  if (!preview) for (const a of Object.values(result.changeAnnotations ?? {})) a.needsConfirmation = false;
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result);
  if (edit.size === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix for {0}.', codes.join(', ')));
    return false;
  }
  return vscode.workspace.applyEdit(edit, { isRefactoring: true });
}

export function registerFixAll(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand('chunkReview.fixAllInCorpus', async (preset?: readonly string[], options?: { preview?: boolean }): Promise<boolean> => {
    // Tests and keybindings may name the codes; otherwise the user picks them.
    if (Array.isArray(preset)) return fixAllInCorpus(client, preset, options?.preview ?? true);
    const { items } = await client.sendRequest<FixableCodesResult>(FixableCodesRequest);
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No finding in the corpus has a fix.'));
      return false;
    }
    const picked = await vscode.window.showQuickPick<CodeItem>(
      items.map((i) => ({
        label: i.code,
        description: vscode.l10n.t('{0} findings in {1} files', i.findings, i.files),
        picked: !/^(header-|period-|participants-|tokens-|messages-)/.test(i.code),
        code: i.code,
      })),
      { canPickMany: true, title: vscode.l10n.t('Fix All in Corpus'), placeHolder: vscode.l10n.t('Codes to fix; the changes open in the refactor preview before they apply') },
    );
    if (!picked || picked.length === 0) return false;
    return fixAllInCorpus(client, picked.map((p) => p.code));
  }));
}
