import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { copyFolder, ROOT, TestClient } from './lsp-client';

type Related = { items: { uri: string; score: number; reasons: string[]; range?: { start: { line: number } } }[] };
type Search = { items: { uri: string; score: number; preview: string; range: { start: { line: number; character: number } } }[] };
const name = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));

function session(addNearCopy: boolean) {
  const state = {} as { client: TestClient; corpus: { dir: string; cleanup: () => void } };
  before(async () => {
    state.corpus = copyFolder(join(ROOT, 'samples'));
    if (addNearCopy) {
      // A near copy of 004: a few words changed and its last sentence dropped.
      const original = readFileSync(join(ROOT, 'samples', '004_2d39a1a82d06be46.txt'), 'utf8');
      const copy = original.replace('Dernières informations', 'Selon nos informations').replace('Notamment Kyutai et Mistral.', '').replace('mercredi dernier', 'mercredi');
      writeFileSync(join(state.corpus.dir, '005_near_copy.txt'), copy);
    }
    state.client = await TestClient.start(state.corpus.dir);
    await state.client.waitIndexed();
  });
  after(async () => {
    await state.client.stop();
    state.corpus.cleanup();
  });
  return state;
}

describe('chunkReview/search and chunkReview/relatedChunks on the samples', () => {
  const s = session(false);
  const uri = (f: string) => pathToFileURL(join(s.corpus.dir, f)).toString();

  it('puts 001 first among the chunks related to 000, because it continues it', async () => {
    const r = await s.client.connection.sendRequest<Related>('chunkReview/relatedChunks', { uri: uri('000_06819fdf042cc0f1.txt') });
    assert.equal(name(r.items[0]!.uri), '001_e9a7ada696306544.txt');
    assert.ok(r.items[0]!.reasons.includes('continues this chunk'), r.items[0]!.reasons.join());
    assert.ok(r.items[0]!.reasons.some((x) => x.startsWith('same day 22/01/2025')));
    // Enter opens 001 just past the overlapping line.
    assert.equal(r.items[0]!.range!.start.line, 9);
  });

  it('puts 004 in the top two of the chunks related to 003', async () => {
    const r = await s.client.connection.sendRequest<Related>('chunkReview/relatedChunks', { uri: uri('003_2fb0a89cc24e84ab.txt'), limit: 5 });
    const top2 = r.items.slice(0, 2).map((i) => name(i.uri));
    assert.ok(top2.includes('004_2d39a1a82d06be46.txt'), top2.join());
    const item = r.items.find((i) => name(i.uri) === '004_2d39a1a82d06be46.txt')!;
    assert.ok(item.reasons.some((x) => x.startsWith('shares ')), item.reasons.join(' | '));
  });

  it('finds the Stargate article for the typo-ed query "stargte trump", with the matching line', async () => {
    const r = await s.client.connection.sendRequest<Search>('chunkReview/search', { query: 'stargte trump' });
    const top3 = r.items.slice(0, 3).map((i) => name(i.uri));
    assert.ok(top3.includes('002_ca120742179b46cf.txt'), top3.join());
    const hit = r.items.find((i) => name(i.uri) === '002_ca120742179b46cf.txt')!;
    assert.match(hit.preview, /Stargate|Trump/);
  });

  it('finds États-Unis from "etats unis" (no accents, no hyphen)', async () => {
    const r = await s.client.connection.sendRequest<Search>('chunkReview/search', { query: 'etats unis' });
    assert.ok(r.items.length >= 3);
    assert.match(r.items[0]!.preview, /[ÉE]tats-Unis/);
  });

  it('answers bad params with empty results, not errors', async () => {
    assert.deepEqual(await s.client.connection.sendRequest('chunkReview/search', { query: '' }), { items: [] });
    assert.deepEqual(await s.client.connection.sendRequest('chunkReview/relatedChunks', { uri: 'file:///nowhere.txt' }), { items: [] });
  });
});

describe('overlap and duplicate findings', () => {
  const s = session(true);
  const uri = (f: string) => pathToFileURL(join(s.corpus.dir, f)).toString();

  it('flags the near copy of 004 as duplicate pointing at 004, and 001 as overlap of 000', async () => {
    const dup = await s.client.waitFor('duplicate', () => s.client.diagnostics.get(uri('005_near_copy.txt'))?.find((d) => d.code === 'duplicate'));
    assert.match(dup.message, /004_2d39a1a82d06be46\.txt \(\d+% similar\)/);
    const overlap = s.client.diagnostics.get(uri('001_e9a7ada696306544.txt'))!.find((d) => d.code === 'overlap')!;
    assert.match(overlap.message, /000_06819fdf042cc0f1\.txt/);
    assert.equal(overlap.range.start.line, 8);
    // The designed overlap is not a duplicate.
    assert.ok(!s.client.diagnostics.get(uri('001_e9a7ada696306544.txt'))!.some((d) => d.code === 'duplicate'));
  });

});
