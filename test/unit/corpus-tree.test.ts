import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseChunk } from '../../server/src/core';
import { CorpusTree, articleDate, isPhoneSender, treeChunk } from '../../server/src/core/corpus-tree';
import { CorpusIndex } from '../../server/src/core/corpus-index';

const SAMPLES = resolve(__dirname, '..', '..', 'samples');
const samples = () => readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => ({ id: `file:///corpus/${f}`, chunk: parseChunk(`file:///corpus/${f}`, readFileSync(join(SAMPLES, f), 'utf8')) }));
/** The trees over the samples, their chunks given as the server gives them: from the index's records. */
function sampleTree(locale?: string): CorpusTree {
  const chunks = new Map(samples().map(({ id, chunk }) => [id, chunk]));
  const index = new CorpusIndex();
  for (const [id, chunk] of chunks) index.apply(id, chunk);
  return new CorpusTree(index.treeChunks(), (id) => chunks.get(id), locale);
}

describe('participants tree', () => {
  it('lists every sender found in the content, sorted by activity, phone numbers marked', () => {
    const tree = sampleTree();
    const roots = tree.children('participants');
    assert.deepEqual(roots.map((r) => [r.label, r.count]), [['Rochane', 2], ['+33 6 39 98 00 01', 1], ['+33 6 39 98 00 02', 1]]);
    assert.deepEqual(roots.map((r) => r.tags ?? []), [[], ['personal-data'], ['personal-data']]);
    assert.match(roots[0]!.description!, /2 messages · 1 chunk/);
  });

  it('expands a participant into chunks, then messages with date and first words', () => {
    const tree = sampleTree();
    const chunks = tree.children('participants', 'p/Rochane');
    assert.deepEqual(chunks.map((c) => c.label), ['001_e9a7ada696306544.txt']);
    assert.equal(chunks[0]!.count, 2);
    const messages = tree.children('participants', chunks[0]!.id);
    assert.deepEqual(messages.map((m) => m.label), ['22/01/2025 18:43', '22/01/2025 18:48']);
    assert.equal(messages[0]!.range!.start.line, 13);
    assert.match(messages[0]!.description!, /^Merci à @33639980003 pour le partage:$/);
    assert.equal(messages[0]!.hasChildren, false);
  });

  it('answers an unknown parent with nothing', () => {
    assert.deepEqual(sampleTree().children('participants', 'p/Nobody'), []);
  });
});

describe('dates tree', () => {
  it('goes year → month → day → chunks, with both chat chunks on 22/01/2025', () => {
    const tree = sampleTree('fr');
    const years = tree.children('dates');
    assert.deepEqual(years.map((y) => y.label), ['2025', '2024', 'Undated']);
    const months = tree.children('dates', 'd/2025');
    assert.deepEqual(months.map((m) => m.label), ['janvier']);
    const days = tree.children('dates', 'd/2025-01');
    // 002 has only ` date 2025-01`: it sits under the month, beside the day.
    assert.deepEqual(days.map((d) => d.label), ['002_ca120742179b46cf.txt', '22/01/2025']);
    const day = days.find((d) => d.label === '22/01/2025')!;
    assert.match(day.description!, /2 chunks · 4 messages/);
    const chunks = tree.children('dates', day.id);
    assert.deepEqual(chunks.map((c) => [c.label, c.count]), [['000_06819fdf042cc0f1.txt', 1], ['001_e9a7ada696306544.txt', 3]]);
  });

  it('dates an article by the first full date in its text, or leaves it undated', () => {
    const tree = sampleTree('en');
    assert.deepEqual(tree.children('dates', 'd/2024-11-13').map((c) => c.label), ['004_2d39a1a82d06be46.txt']);
    assert.deepEqual(tree.children('dates', 'd/undated').map((c) => c.label), ['003_2fb0a89cc24e84ab.txt']);
    assert.deepEqual(tree.children('dates', 'd/2024').map((c) => c.label), ['November']);
    const fr = parseChunk('x', 'Publié le 3 février 2025 à Paris.');
    assert.deepEqual(articleDate(fr), { year: 2025, month: 2, day: 3, line: 0 });
  });

  it('tells phone-number senders from names', () => {
    assert.equal(isPhoneSender('+33 6 39 98 00 01'), true);
    assert.equal(isPhoneSender('06 12 34 56 78'), true);
    assert.equal(isPhoneSender('Rochane'), false);
    assert.equal(isPhoneSender('Team 2025'), false);
  });

  it('gets from the index records exactly what it would get from the parsed chunks', () => {
    const index = new CorpusIndex();
    for (const { id, chunk } of samples()) index.apply(id, chunk);
    const fromIndex = [...index.treeChunks()].sort((a, b) => a.id.localeCompare(b.id));
    assert.deepEqual(fromIndex, samples().map(({ id, chunk }) => treeChunk(id, chunk)));
    assert.ok(fromIndex.some((c) => c.date !== undefined) && fromIndex.some((c) => c.messages.length > 0));
  });
});
