// Issue 6 in a real VS Code: a curation quick fix applied in the editor, and Fix All in Corpus
// applied as one refactoring, then undone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, EXTENSION_ID, offered, waitFor, workspaceFile } from './util';

describe('Chunk Review curation in VS Code', () => {
  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('applies "Rewrite as #OpenAI" on a hashtag# artifact and only that span changes', async () => {
    const uri = workspaceFile('000_06819fdf042cc0f1.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const diag = await waitFor('artifact-hashtag on OpenAI', () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'artifact-hashtag' && doc.getText(d.range) === 'hashtag#OpenAI'));
    const fix = await offered(uri, diag.range, 'Rewrite as #OpenAI');
    assert.ok(fix.edit);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    const line = doc.lineAt(diag.range.start.line).text;
    assert.equal(line.slice(diag.range.start.character, diag.range.start.character + '#OpenAI'.length), '#OpenAI');
    const start = doc.offsetAt(diag.range.start);
    assert.equal(doc.getText(), before.slice(0, start) + before.slice(start + 'hashtag'.length));
  });

  it('applies "Redact as [TEL]" on the sender of 001 and the header stays as it was', async () => {
    const uri = workspaceFile('001_e9a7ada696306544.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diag = await waitFor('pii-phone', () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'pii-phone'));
    await offered(uri, diag.range, 'Redact as [TEL]');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const redact = actions.find((a) => a.title === 'Redact as [TEL]');
    assert.ok(redact?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title.startsWith('Pseudonymise as [TEL_')), 'pseudonymisation is offered');
    assert.ok(actions.some((a) => a.title === 'Ignore this finding here (in .chunkreview.json)'));
    assert.equal(await vscode.workspace.applyEdit(redact.edit), true);
    assert.match(doc.lineAt(diag.range.start.line).text, /^22\/01\/2025, 18:47 - \[TEL\]: ça c'est le message publicitaire/);
    assert.equal(doc.lineAt(4).text, 'Tokens: 521');
    await waitFor('pii-phone to clear', () => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'pii-phone'));
  });

  it('Fix All in Corpus applies one edit over the chunks, touching only the flagged spans', async () => {
    const names = ['000_06819fdf042cc0f1.txt', '001_e9a7ada696306544.txt'];
    const docs = await Promise.all(names.map((n) => vscode.workspace.openTextDocument(workspaceFile(n))));
    const before = docs.map((d) => d.getText());
    await waitFor('hashtag findings', () => vscode.languages.getDiagnostics(docs[0]!.uri).some((d) => codeOf(d) === 'artifact-hashtag'));
    try {
      // The refactor preview needs a click; the test applies the same edit without it.
      const applied = await vscode.commands.executeCommand<boolean>('chunkReview.fixAllInCorpus', ['artifact-hashtag'], { preview: false });
      assert.equal(applied, true);
      await waitFor('hashtag# gone', () => docs.every((d) => !d.getText().includes('hashtag#')));
      // Removing every `hashtag` before `#` is the only change.
      docs.forEach((d, i) => assert.equal(d.getText(), before[i]!.replace(/hashtag#/g, '#')));
    } finally {
      // A refactoring saves the files it changed (files.refactoring.autoSave): put the disk back.
      for (const [i, d] of docs.entries()) {
        await vscode.workspace.fs.writeFile(d.uri, Buffer.from(before[i]!, 'utf8'));
        await vscode.window.showTextDocument(d);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
      await waitFor('the chunks as they were', () => docs.every((d, i) => d.getText() === before[i]));
      await waitFor('their findings as they were', () => docs.every((d) => {
        const codes = vscode.languages.getDiagnostics(d.uri).map(codeOf);
        return codes.includes('artifact-hashtag') && !codes.includes('tokens-mismatch');
      }));
    }
  });
});
