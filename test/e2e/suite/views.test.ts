// Issues 4 and 5 in a real VS Code: the trees show the seed participants and the day with both
// chat chunks, the status bar summary is there, and Find Related Chunks lists 001 first for 000.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor, workspaceFile } from './util';

interface Node { id: string; label: string; count: number; hasChildren: boolean; uri?: string }
interface Provider { getChildren(n?: Node): Promise<Node[]> }
interface Api { trees: { participants: Provider; dates: Provider } }

describe('Chunk Review views and commands', () => {
  let api: Api;
  before(async () => {
    const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
    api = await ext.activate();
  });

  it('opens its views from the activity bar container', async () => {
    await vscode.commands.executeCommand('chunkReview.participants.focus');
    await vscode.commands.executeCommand('chunkReview.dates.focus');
  });

  it('lists Rochane and the two phone-number senders with their counts', async () => {
    const roots = await waitFor('participants', async () => {
      const r = await api.trees.participants.getChildren();
      return r.length >= 3 ? r : undefined;
    });
    assert.deepEqual(roots.map((r) => [r.label, r.count]), [['Rochane', 2], ['+33 6 39 98 00 01', 1], ['+33 6 39 98 00 02', 1]]);
  });

  it('reaches 22/01/2025 holding both chat chunks in the Dates view', async () => {
    const years = await api.trees.dates.getChildren();
    const y2025 = years.find((y) => y.label === '2025')!;
    const months = await api.trees.dates.getChildren(y2025);
    const days = await api.trees.dates.getChildren(months[0]!);
    const day = days.find((d) => d.label === '22/01/2025');
    assert.ok(day, days.map((d) => d.label).join());
    const chunks = await api.trees.dates.getChildren(day);
    assert.deepEqual(chunks.map((c) => c.label), ['000_06819fdf042cc0f1.txt', '001_e9a7ada696306544.txt']);
  });

  it('Find Related Chunks shows 001 first for 000, with its reasons', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('000_06819fdf042cc0f1.txt'));
    await vscode.window.showTextDocument(doc);
    const items = await vscode.commands.executeCommand<vscode.QuickPickItem[]>('chunkReview.findRelatedChunks');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.ok(items.length >= 1);
    assert.match(items[0]!.label, /001_e9a7ada696306544\.txt/);
    assert.match(items[0]!.detail ?? '', /continues this chunk/);
  });
});
