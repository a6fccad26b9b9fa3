// Issue 6 over a real connection: curation diagnostics on the samples, the pseudonymise and
// ignore quick fixes (WorkspaceEdits on the corpus's own files), and Fix All in Corpus applied
// to the files and undone byte for byte.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applyTextEdits, type TextEdit } from '../../server/src/core';
import { inverse } from '../unit/curation/util';
import { codes, copyFolder, ROOT, TestClient } from './lsp-client';

const uriOf = (dir: string, name: string) => pathToFileURL(join(dir, name)).toString();

interface DocChange { kind?: 'create'; uri?: string; textDocument?: { uri: string; version: number | null }; edits?: (TextEdit & { annotationId?: string })[] }
interface WorkspaceEdit { documentChanges?: DocChange[]; changes?: Record<string, TextEdit[]>; changeAnnotations?: Record<string, { label: string; needsConfirmation?: boolean }> }
interface Action { title: string; edit?: WorkspaceEdit }

/** Applies a WorkspaceEdit to the disk the way an editor would. */
function applyToDisk(edit: WorkspaceEdit): void {
  for (const c of edit.documentChanges ?? []) {
    if (c.kind === 'create') {
      const path = fileURLToPath(c.uri!);
      mkdirSync(dirname(path), { recursive: true });
      if (!existsSync(path)) writeFileSync(path, '');
    } else {
      const path = fileURLToPath(c.textDocument!.uri);
      writeFileSync(path, applyTextEdits(readFileSync(path, 'utf8'), c.edits!));
    }
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const path = fileURLToPath(uri);
    writeFileSync(path, applyTextEdits(readFileSync(path, 'utf8'), edits));
  }
}

describe('curation over the language server', () => {
  let client: TestClient;
  let corpus: { dir: string; cleanup: () => void };
  const capabilities = { workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'], changeAnnotationSupport: {} } } };

  before(async () => {
    corpus = copyFolder(join(ROOT, 'samples'));
    client = await TestClient.start(corpus.dir, capabilities);
    await client.waitIndexed();
  });
  after(async () => {
    await client.stop();
    corpus.cleanup();
  });

  const diags = (name: string) => client.waitFor(`diagnostics of ${name}`, () => client.diagnostics.get(uriOf(corpus.dir, name)));

  it('publishes the curation findings the issue names on the samples', async () => {
    const c0 = codes(await diags('000_06819fdf042cc0f1.txt'));
    assert.ok(c0.includes('pii-phone') && c0.includes('artifact-hashtag') && c0.includes('token-budget'), c0.join());
    const c1 = codes(await diags('001_e9a7ada696306544.txt'));
    for (const c of ['pii-phone', 'pii-mention', 'artifact-edited']) assert.ok(c1.includes(c), c);
    const b3 = (await diags('003_2fb0a89cc24e84ab.txt')).filter((d) => d.code === 'boilerplate');
    assert.deepEqual(b3.map((d) => [d.range.start.line, d.range.end.line]), [[0, 4], [7, 9], [42, 69]]);
    assert.match(b3[2]!.message, /language menu/);
    assert.match(b3[2]!.codeDescription!.href, /docs\/rules\/boilerplate\.md$/);
  });

  it('token-budget counts with o200k when the chunk is opened, not while the corpus is read from disk', async () => {
    const name = '003_2fb0a89cc24e84ab.txt';
    const uri = uriOf(corpus.dir, name);
    const onDisk = (await diags(name)).find((d) => d.code === 'token-budget')!;
    assert.match(onDisk.message, /1019 tokens by the producer's estimate .*Open the chunk for the o200k tokenizer's count\./);
    const text = readFileSync(join(corpus.dir, name), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'chunk', version: 1, text } });
    const opened = await client.waitFor('the o200k count', () => client.diagnostics.get(uri)?.find((d) => d.code === 'token-budget' && /by the o200k tokenizer/.test(d.message)));
    const n = Number(/, (\d+) by the o200k tokenizer/.exec(opened.message)![1]);
    assert.ok(n > 500 && n < 1019 * 2, opened.message);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.waitFor('back to the estimate', () => client.diagnostics.get(uri)?.find((d) => d.code === 'token-budget' && /Open the chunk/.test(d.message)));
  });

  it('the Tokens hover gives the o200k count of the chunk', async () => {
    const uri = uriOf(corpus.dir, '000_06819fdf042cc0f1.txt');
    const hover = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 2 } });
    assert.match(hover.contents.value, /The o200k tokenizer \(current OpenAI models\) counts \*\*\d+\*\*/);
  });

  it('offers redaction, pseudonymisation with the table in the same edit, and ignore in .chunkreview.json', async () => {
    const uri = uriOf(corpus.dir, '000_06819fdf042cc0f1.txt');
    const d = (await diags('000_06819fdf042cc0f1.txt')).find((x) => x.code === 'pii-phone')!;
    const actions = await client.connection.sendRequest<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles, ['Redact as [TEL]', 'Pseudonymise as [TEL_1]', 'Ignore this finding here (in .chunkreview.json)', 'Ignore pii-phone in this file (in .chunkreview.json)']);
    const pseudo = actions[1]!.edit!.documentChanges!;
    assert.deepEqual(pseudo[0]!.edits, [{ range: d.range, newText: '[TEL_1]' }]);
    assert.equal(pseudo[1]!.kind, 'create');
    assert.equal(pseudo[1]!.uri, uriOf(corpus.dir, '.chunkreview/pseudonyms.json'));
    assert.match(pseudo[2]!.edits![0]!.newText, /"\+33639980001": "\[TEL_1\]"/);

    // Ignoring by fingerprint: the file is created, the server rescans, the finding is gone.
    applyToDisk(actions[2]!.edit!);
    const config = JSON.parse(readFileSync(join(corpus.dir, '.chunkreview.json'), 'utf8')) as { ignore: { file: string; code: string; fingerprint: string }[] };
    assert.deepEqual(config.ignore.map((e) => [e.file, e.code, /^[0-9a-f]{16}$/.test(e.fingerprint)]), [['000_06819fdf042cc0f1.txt', 'pii-phone', true]]);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(corpus.dir, '.chunkreview.json'), type: 1 }] });
    await client.waitFor('pii-phone ignored', () => !codes(client.diagnostics.get(uri)).includes('pii-phone') && codes(client.diagnostics.get(uri)).includes('artifact-hashtag'));
    // The other chunk's number is another finding: still there.
    assert.ok(codes(client.diagnostics.get(uriOf(corpus.dir, '001_e9a7ada696306544.txt'))).includes('pii-phone'));
  });

  it('Fix All in Corpus: one annotated WorkspaceEdit that touches only flagged ranges, undone byte for byte', async () => {
    const fixable = await client.connection.sendRequest<{ items: { code: string; findings: number; files: number }[] }>('chunkReview/fixableCodes');
    const byCode = new Map(fixable.items.map((i) => [i.code, i]));
    assert.equal(byCode.get('artifact-hashtag')!.findings, 25);
    assert.equal(byCode.get('boilerplate')!.files, 3);
    assert.ok(!byCode.has('token-budget'), 'token-budget has no fix');

    const picked = ['pii-phone', 'pii-mention', 'boilerplate', 'artifact-hashtag', 'artifact-edited'];
    const files = readdirSync(corpus.dir).filter((f) => f.endsWith('.txt')).sort();
    const before = new Map(files.map((f) => [f, readFileSync(join(corpus.dir, f))]));
    const flagged = new Map(files.map((f) => [uriOf(corpus.dir, f), (client.diagnostics.get(uriOf(corpus.dir, f)) ?? []).filter((d) => picked.includes(String(d.code)))]));
    const edit = await client.connection.sendRequest<WorkspaceEdit>('chunkReview/fixAll', { codes: picked });
    for (const code of picked) assert.equal(edit.changeAnnotations![code]!.needsConfirmation, true, code);
    const docs = edit.documentChanges!.filter((c) => c.textDocument && c.textDocument.uri.endsWith('.txt'));
    assert.equal(docs.length, 5);
    const undo: { path: string; edits: TextEdit[] }[] = [];
    for (const c of docs) {
      const path = fileURLToPath(c.textDocument!.uri);
      for (const e of c.edits!) {
        const inside = flagged.get(c.textDocument!.uri)!.some((d) => d.code === e.annotationId && cmp(d.range.start, e.range.start) <= 0 && cmp(e.range.end, d.range.end) <= 0);
        assert.ok(inside, `${c.textDocument!.uri}: an edit outside a flagged ${e.annotationId} range`);
      }
      const { undo: back } = inverse(readFileSync(path, 'utf8'), c.edits!);
      undo.push({ path, edits: back });
    }
    applyToDisk(edit);
    const table = JSON.parse(readFileSync(join(corpus.dir, '.chunkreview', 'pseudonyms.json'), 'utf8')) as { pseudonyms: { TEL: Record<string, string> } };
    // 000's sender is ignored by the previous test: only 001's number and mention are pseudonymised.
    assert.deepEqual(Object.values(table.pseudonyms.TEL).sort(), ['[TEL_1]', '[TEL_2]']);
    assert.match(readFileSync(join(corpus.dir, '001_e9a7ada696306544.txt'), 'utf8'), /Merci à @\[TEL_1\] {2}pour le partage:/);
    assert.ok(!readFileSync(join(corpus.dir, '003_2fb0a89cc24e84ab.txt'), 'utf8').includes('0/400'));
    // Undo: every byte comes back.
    for (const u of undo) writeFileSync(u.path, applyTextEdits(readFileSync(u.path, 'utf8'), u.edits));
    let bytes = 0;
    for (const f of files) {
      assert.deepEqual(readFileSync(join(corpus.dir, f)), before.get(f), f);
      bytes += before.get(f)!.length;
    }
    assert.equal(bytes, [...before.values()].reduce((n, b) => n + b.length, 0));
  });
});

function cmp(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}
