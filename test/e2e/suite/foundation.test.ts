// Issue 2 in a real VS Code: the sample corpus's diagnostics without opening the files, the
// chunk language, a header hover, and a quick fix applied.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, EXTENSION_ID, offered, waitFor, workspaceFile } from './util';

const CHAT = ['000_06819fdf042cc0f1.txt', '001_e9a7ada696306544.txt'];
const ARTICLES = ['002_ca120742179b46cf.txt', '003_2fb0a89cc24e84ab.txt', '004_2d39a1a82d06be46.txt'];
const HEADER_CODES = /^(header-|period-|participants-|tokens-|messages-)/;

describe('Chunk Review in VS Code', () => {
  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed in the development host');
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('publishes the corpus diagnostics without opening any file', async () => {
    const codesFor = (name: string) => vscode.languages.getDiagnostics(workspaceFile(name)).map(codeOf).sort();
    await waitFor('diagnostics of both chat chunks', () => CHAT.every((f) => codesFor(f).includes('period-mismatch')));
    for (const f of CHAT) {
      const codes = codesFor(f);
      assert.ok(codes.includes('period-mismatch'), `${f}: ${codes}`);
      assert.ok(codes.includes('participants-mismatch'), `${f}: ${codes}`);
      assert.ok(!codes.includes('tokens-mismatch'), `${f}: ${codes}`);
      assert.ok(!codes.includes('messages-mismatch'), `${f}: ${codes}`);
    }
    for (const f of ARTICLES) {
      const header = codesFor(f).filter((c) => HEADER_CODES.test(c));
      assert.deepEqual(header, [], f);
    }
    const d = vscode.languages.getDiagnostics(workspaceFile(CHAT[0]!)).find((x) => codeOf(x) === 'period-mismatch')!;
    assert.equal(d.range.start.line, 1);
    assert.equal(d.source, 'chunk-review');
    assert.ok(typeof d.code === 'object' && /period-mismatch\.md$/.test(String(d.code.target)), 'the code links to its doc');
  });

  it('gives chat chunks and corpus articles the chunk language', async () => {
    // `.txt` belongs to plaintext by extension, which wins over `firstLine`: the client asks the
    // server (corpus rules) and switches the language, which reopens the document.
    const languageOf = (name: string) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === workspaceFile(name).toString())?.languageId;
    for (const name of [CHAT[0]!, ARTICLES[1]!]) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(name)));
      await waitFor(`${name} in the chunk language`, () => languageOf(name) === 'chunk');
    }
  });

  it('hovers the Tokens field with the recomputed estimate', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile(CHAT[0]!));
    await vscode.window.showTextDocument(doc);
    const hovers = await waitFor('a hover on Tokens', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(4, 2));
      return h && h.length > 0 ? h : undefined;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /532/);
    assert.match(text, /Tokens/);
  });

  it('applies "Set Participants" from the quick fixes and the finding goes away', async () => {
    const uri = workspaceFile(CHAT[1]!);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diag = await waitFor('participants-mismatch', () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'participants-mismatch'));
    const fix = await offered(uri, diag.range, 'Set Participants to Rochane, +33 6 39 98 00 02');
    assert.ok(fix.edit);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(doc.lineAt(2).text, 'Participants: Rochane, +33 6 39 98 00 02');
    await waitFor('participants-mismatch to clear', () => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'participants-mismatch'));
    // Only the header line changed: the content lines are as they were.
    assert.match(doc.lineAt(9).text, /^4️⃣La voie royale/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
