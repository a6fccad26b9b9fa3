import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { copyFolder, ROOT, TestClient } from './lsp-client';

interface Item { id: string; label: string; count: number; hasChildren: boolean; uri?: string }

describe('chunkReview/corpusTree', () => {
  let client: TestClient;
  let corpus: { dir: string; cleanup: () => void };
  before(async () => {
    corpus = copyFolder(join(ROOT, 'samples'));
    client = await TestClient.start(corpus.dir, {}, 'fr');
    await client.waitIndexed();
  });
  after(async () => {
    await client.stop();
    corpus.cleanup();
  });

  const tree = (kind: string, parent?: string) => client.connection.sendRequest<Item[]>('chunkReview/corpusTree', { kind, ...(parent ? { parent } : {}) });

  it('lists the participants with their counts', async () => {
    const roots = await tree('participants');
    assert.deepEqual(roots.map((r) => [r.label, r.count, r.hasChildren]), [['Rochane', 2, true], ['+33 6 39 98 00 01', 1, true], ['+33 6 39 98 00 02', 1, true]]);
  });

  it('reaches 22/01/2025 holding both chat chunks, with month names in the client locale', async () => {
    const months = await tree('dates', 'd/2025');
    assert.equal(months[0]!.label, 'janvier');
    const day = (await tree('dates', 'd/2025-01')).find((d) => d.label === '22/01/2025')!;
    const chunks = await tree('dates', day.id);
    assert.deepEqual(chunks.map((c) => c.label), ['000_06819fdf042cc0f1.txt', '001_e9a7ada696306544.txt']);
    assert.ok(chunks.every((c) => c.uri?.startsWith('file:///')));
  });

  it('speaks French to a French client: diagnostics and tree labels', async () => {
    const d = await client.waitFor('diagnostics', () => [...client.diagnostics.values()].flat().find((x) => x.code === 'period-mismatch'));
    assert.match(d.message, /^Période indique null → null mais le contenu va du 22\/01\/2025 au 22\/01\/2025/);
    const roots = await tree('dates');
    assert.ok(roots.some((r) => r.label === 'Sans date'), roots.map((r) => r.label).join());
  });

  it('answers a bad kind with an empty list rather than an error', async () => {
    assert.deepEqual(await tree('nonsense'), []);
  });
});
