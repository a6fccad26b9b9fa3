// The corpus summary in the status bar: chunks and open findings by severity.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatsRequest, type StatsResult } from '../../../server/src/protocol';

const SOURCE = 'chunk-review';

export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient): { refresh(): void } {
  const item = vscode.window.createStatusBarItem('chunkReview.summary', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Chunk Review');
  item.command = 'workbench.actions.view.problems';
  let stats: StatsResult | undefined;

  const render = () => {
    const count = { error: 0, warning: 0, info: 0 };
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
      for (const d of diagnostics) {
        if (d.source !== SOURCE) continue;
        if (d.severity === vscode.DiagnosticSeverity.Error) count.error++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) count.warning++;
        else count.info++;
      }
    }
    const chunks = stats?.chunks ?? 0;
    const indexing = stats && !stats.indexed ? ' $(sync~spin)' : '';
    item.text = `$(book) ${vscode.l10n.t('{0} chunks', chunks)}${indexing}  $(error) ${count.error}  $(warning) ${count.warning}  $(info) ${count.info}`;
    item.tooltip = vscode.l10n.t('Chunk Review: {0} chunks in the corpus, {1} errors, {2} warnings, {3} other findings. Click to open the Problems panel.', chunks, count.error, count.warning, count.info);
    item.show();
    void vscode.commands.executeCommand('setContext', 'chunkReview.noChunks', stats?.indexed === true && chunks === 0);
  };

  const refresh = async () => {
    try {
      stats = await client.sendRequest<StatsResult>(StatsRequest);
    } catch {
      stats = undefined;
    }
    render();
  };

  context.subscriptions.push(item, vscode.languages.onDidChangeDiagnostics(() => render()));
  void refresh();
  return { refresh: () => void refresh() };
}
