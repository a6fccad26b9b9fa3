import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { codes, copyFolder, ROOT, TestClient } from './lsp-client';

const uriOf = (dir: string, name: string) => pathToFileURL(join(dir, name)).toString();
/** The curation codes (issue 6) are checked in curation.test.ts; these tests check the header contract. */
const CURATION = /^(pii-|artifact-|boilerplate$|mojibake$|invisible-char$|token-budget$)/;
const headerCodes = (ds: Parameters<typeof codes>[0]) => codes(ds).filter((c) => !CURATION.test(c));

describe('language server over stdio on the samples', () => {
  let client: TestClient;
  let corpus: { dir: string; cleanup: () => void };

  before(async () => {
    corpus = copyFolder(join(ROOT, 'samples'));
    client = await TestClient.start(corpus.dir);
  });
  after(async () => {
    await client.stop();
    corpus.cleanup();
  });

  it('indexes the corpus without opening any file and reports readiness', async () => {
    const stats = await client.waitIndexed();
    assert.equal(stats.chunks, 5);
    // 4 header findings, the designed overlap of 001 with 000, and 43 curation findings.
    assert.equal(stats.findings, 48);
    assert.ok(client.progress.length >= 2, 'reports $/progress while indexing');
  });

  it('publishes the seeds findings: chat chunks get period and participants mismatches only', async () => {
    const files = readdirSync(corpus.dir).filter((f) => f.endsWith('.txt')).sort();
    await client.waitFor('diagnostics for every sample', () => files.every((f) => client.diagnostics.has(uriOf(corpus.dir, f))));
    for (const f of files) {
      const got = headerCodes(client.diagnostics.get(uriOf(corpus.dir, f)));
      const expected = f.startsWith('000') ? ['participants-mismatch', 'period-mismatch'] : f.startsWith('001') ? ['overlap', 'participants-mismatch', 'period-mismatch'] : [];
      assert.deepEqual(got, expected, f);
    }
    const d = client.diagnostics.get(uriOf(corpus.dir, '000_06819fdf042cc0f1.txt'))!.find((x) => x.code === 'period-mismatch')!;
    assert.equal(d.range.start.line, 1);
    assert.match(d.codeDescription!.href, /docs\/rules\/period-mismatch\.md$/);
    assert.match(d.message, /22\/01\/2025/);
  });

  it('hovers Tokens with the recomputed estimate and Messages with the message count', async () => {
    const uri = uriOf(corpus.dir, '000_06819fdf042cc0f1.txt');
    const text = readFileSync(join(corpus.dir, '000_06819fdf042cc0f1.txt'), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'chunk', version: 1, text } });
    const tokens = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 2 } });
    assert.match(tokens.contents.value, /532/);
    const messages = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 2 } });
    assert.match(messages.contents.value, /10\*\* non-empty lines/);
    assert.match(messages.contents.value, /1 WhatsApp message from 1 sender/);
    // A plain word of the content (figures and entities there have their own cards).
    const none = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: text.split('\n')[9]!.indexOf('déployer') + 2 } });
    assert.equal(none, null);
  });

  it('re-analyses an edited buffer and offers the quick fixes carried in the diagnostic', async () => {
    const uri = uriOf(corpus.dir, '001_e9a7ada696306544.txt');
    const text = readFileSync(join(corpus.dir, '001_e9a7ada696306544.txt'), 'utf8').replace('Tokens: 521', 'Tokens: 999');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'chunk', version: 1, text } });
    const ds = await client.waitFor('tokens-mismatch', () => {
      const d = client.diagnostics.get(uri);
      return d && d.some((x) => x.code === 'tokens-mismatch') ? d : undefined;
    });
    const diag = ds.find((x) => x.code === 'tokens-mismatch')!;
    assert.match(diag.message, /says 999 but the content gives 521/);
    const actions = await client.connection.sendRequest<{ title: string; edit: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Set Tokens to 521', 'Recompute header from content']);
    assert.equal(actions[0]!.edit.changes[uri]![0]!.newText, '521');
    // Back to the disk version once the buffer closes: the mismatch goes away.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.waitFor('disk version restored', () => !codes(client.diagnostics.get(uri)).includes('tokens-mismatch'));
  });

  it('follows a new file on disk announced by the watcher', async () => {
    const path = join(corpus.dir, 'new.chunk');
    writeFileSync(path, '=== MÉTADONNÉES CHUNK ===\nPériode: 31/02/2025 → 01/03/2025\n');
    const uri = pathToFileURL(path).toString();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    const ds = await client.waitFor('new file diagnostics', () => client.diagnostics.get(uri));
    assert.ok(codes(ds).includes('header-value-invalid'), codes(ds).join());
    rmSync(path);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    await client.waitFor('cleared on delete', () => client.diagnostics.get(uri)?.length === 0);
  });
});

describe('language server on bad input', () => {
  it('never crashes on binary, invalid UTF-8, empty, CRLF+BOM and half-written files', async () => {
    const corpus = copyFolder(join(ROOT, 'samples'));
    const bad: Record<string, Buffer> = {
      'binary.chunk': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]),
      'latin1.chunk': Buffer.from('=== MÉTADONNÉES CHUNK ===\nPériode: é\n', 'latin1'),
      'empty.chunk': Buffer.alloc(0),
      'half.chunk': Buffer.from('=== MÉTADONNÉES CHUNK ===\nPériode: 22/0'),
      'crlf.txt': Buffer.from(`\uFEFF${readFileSync(join(ROOT, 'samples', '000_06819fdf042cc0f1.txt'), 'utf8').replace(/\n/g, '\r\n')}`),
    };
    for (const [name, bytes] of Object.entries(bad)) writeFileSync(join(corpus.dir, name), bytes);
    const client = await TestClient.start(corpus.dir);
    try {
      const stats = await client.waitIndexed();
      assert.equal(stats.chunks, 10);
      const get = (n: string) => codes(client.diagnostics.get(uriOf(corpus.dir, n)));
      await client.waitFor('bad-input diagnostics', () => Object.keys(bad).every((n) => client.diagnostics.has(uriOf(corpus.dir, n))));
      assert.deepEqual(get('binary.chunk'), ['file-unreadable']);
      assert.deepEqual(get('latin1.chunk'), ['file-unreadable']);
      assert.deepEqual(get('empty.chunk'), ['content-empty']);
      // Same findings as the LF original, and CRLF + BOM do not hide that it is a copy of it.
      assert.deepEqual(get('crlf.txt').filter((c) => !CURATION.test(c)), ['duplicate', 'participants-mismatch', 'period-mismatch']);
      assert.ok(get('half.chunk').includes('header-marker'));
      // Still answering after all that.
      const again = await client.connection.sendRequest<{ indexed: boolean }>('chunkReview/stats');
      assert.equal(again.indexed, true);
      assert.equal(client.process.exitCode, null);
    } finally {
      await client.stop();
      corpus.cleanup();
    }
  });
});
