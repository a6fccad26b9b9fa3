// Issue 3 in a real VS Code: hover cards drawn from the whole corpus index, and references
// reaching every chunk that mentions an entity.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor, workspaceFile } from './util';

const OPENAI_CHUNKS = ['000_06819fdf042cc0f1.txt', '002_ca120742179b46cf.txt', '003_2fb0a89cc24e84ab.txt', '004_2d39a1a82d06be46.txt'];

async function hoverText(name: string, needle: string): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(doc);
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} in ${name}`);
  const position = doc.positionAt(offset + 1);
  return waitFor(`a card on ${needle} in ${name}`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    return /chunks?/.test(text) ? text : undefined;
  });
}

describe('Chunk Review hover cards', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  it('hovering OpenAI in 004 shows its card: 4 chunks, with links to them', async () => {
    const text = await waitFor('the whole corpus indexed', async () => {
      const t = await hoverText('004_2d39a1a82d06be46.txt', 'OpenAI');
      return /in 4 chunks/.test(t) ? t : undefined;
    });
    assert.match(text, /\*\*OpenAI\*\* · organisation/);
    for (const f of OPENAI_CHUNKS) assert.ok(text.includes(`${f.replace(/_/g, '\\_')}:`), f);
  });

  it('hovering $7 trillion in 003 names the reading and 004’s 7 000 milliards de dollars', async () => {
    const text = await hoverText('003_2fb0a89cc24e84ab.txt', '$7 trillion de');
    assert.match(text, /7 000 000 000 000 \$/);
    assert.match(text, /short scale/);
    assert.match(text, /7 000 milliards de dollars/);
  });

  it('references to OpenAI reach all four chunks', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('004_2d39a1a82d06be46.txt'));
    const position = doc.positionAt(doc.getText().indexOf('OpenAI') + 1);
    const locations = await waitFor('references', async () => {
      const l = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, position);
      return l && new Set(l.map((x) => x.uri.toString())).size === 4 ? l : undefined;
    });
    const files = [...new Set(locations.map((l) => l.uri.path.slice(l.uri.path.lastIndexOf('/') + 1)))].sort();
    assert.deepEqual(files, OPENAI_CHUNKS);
  });
});
