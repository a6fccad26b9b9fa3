// Overlapping corpus reads: the client's first configuration push right after start-up, and
// `.chunkreview.json` saved twice in a row. The corpus is read once per real change, a newer
// read aborts the one in flight, and no file's findings blink out meanwhile.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { copyFolder, ROOT, TestClient } from './lsp-client';

const indexedLogs = (c: TestClient) => c.logs.filter((l) => l.startsWith('Indexed ')).length;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('rescans that overlap', () => {
  let client: TestClient;
  let corpus: { dir: string; cleanup: () => void };
  let watched: string;

  before(async () => {
    corpus = copyFolder(join(ROOT, 'samples'));
    // Enough chunks that a read takes a while: 400 variants of an article seed.
    const article = readFileSync(join(corpus.dir, '003_2fb0a89cc24e84ab.txt'), 'utf8');
    for (let i = 0; i < 400; i++) writeFileSync(join(corpus.dir, `extra_${String(i).padStart(3, '0')}.txt`), `${article}\nVariante numéro ${i} du texte.\n`);
    watched = pathToFileURL(join(corpus.dir, '000_06819fdf042cc0f1.txt')).toString();
    client = await TestClient.start(corpus.dir);
    // What vscode-languageclient does as soon as it registers for configuration changes.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });
  after(async () => {
    await client.stop();
    corpus.cleanup();
  });

  it('reads the corpus once when the first configuration push changes nothing', async () => {
    const stats = await client.waitIndexed();
    assert.equal(stats.chunks, 405);
    // `indexed` turns true when the corpus answers requests; the log line comes once its
    // diagnostics are all published (in slices, after it), which on a slow machine takes a while.
    await client.waitFor('the first scan to end', () => indexedLogs(client) >= 1, 30_000);
    await settle(300);
    assert.equal(indexedLogs(client), 1, client.logs.join('\n'));
    // 405 files: the built server analyses them in its worker threads (dist/analysis-worker.js).
    assert.match(client.logs.find((l) => l.startsWith('Indexed '))!, /with \d+ analysis worker threads/);
  });

  it('a second rescan aborts the one in flight, and findings never blink out meanwhile', async () => {
    await client.waitFor('000 findings', () => (client.diagnostics.get(watched)?.length ?? 0) > 0);
    const from = client.published.length;
    const before = indexedLogs(client);
    const configUri = pathToFileURL(join(corpus.dir, '.chunkreview.json')).toString();
    writeFileSync(join(corpus.dir, '.chunkreview.json'), '{ "tokenBudget": 450 }\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    writeFileSync(join(corpus.dir, '.chunkreview.json'), '{ "tokenBudget": 400 }\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await client.waitFor('the second rescan to end', () => indexedLogs(client) === before + 1, 30_000);
    await settle(300);
    assert.equal(indexedLogs(client), before + 1, 'the first rescan was aborted');
    const mine = client.published.slice(from).filter((p) => p.uri === watched);
    assert.ok(mine.length > 0, 'the rescan republished 000');
    assert.ok(mine.every((p) => p.diagnostics.length > 0), `000 was never published empty: ${mine.map((p) => p.diagnostics.length).join(',')}`);
    // The last settings won: 000 (532 tokens by the producer's estimate) is over 400.
    const budget = client.diagnostics.get(watched)!.find((d) => d.code === 'token-budget');
    assert.ok(budget, 'token-budget under the last budget');
    assert.match(budget.message, /400/);
  });
});
