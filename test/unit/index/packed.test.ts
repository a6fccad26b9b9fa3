// The index keeps each chunk's messages, mentions and figures packed as numbers (ChunkRecord):
// what it gives back must be what the extractors found, whether the record was built here or
// cloned from a worker.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { EntityRecognizer, extractEntities, parseChunk } from '../../../server/src/core';
import { buildRecord, CorpusIndex } from '../../../server/src/core/corpus-index';
import { extractFigures } from '../../../server/src/core/figures/extract';

const SAMPLES = resolve(__dirname, '..', '..', '..', 'samples');
const texts: [string, string][] = readdirSync(SAMPLES).filter((x) => x.endsWith('.txt')).map((f) => [`file:///corpus/${f}`, readFileSync(join(SAMPLES, f), 'utf8')]);
// Figures of every shape: a range, an approximation, `MM` and `billion` (two readings), a
// power, a negative-free zero, and a value past the int32 range.
texts.push(['file:///corpus/figures.txt', "Selon OpenAI et SoftBank, entre 5 000 et 7 000 milliards de dollars, environ 100MM$ et $7 trillion.\nMicrosoft vise ~10GW, 0 % et 3 000 000 000 000 000 000 000 € pour Nvidia, 1 billion de dollars.\n"]);

describe('packed index records', () => {
  const recognizer = new EntityRecognizer();

  it('give back the mentions and figures the extractors find, subjects included', () => {
    const index = new CorpusIndex(recognizer);
    let figures = 0;
    for (const [id, text] of texts) {
      const chunk = parseChunk(id, text);
      index.apply(id, chunk);
      const rec = index.record(id)!;
      assert.deepEqual(rec.entities, extractEntities(chunk, recognizer), id);
      const mentions = extractEntities(chunk, recognizer);
      const expected = extractFigures(chunk).map((f) => ({
        ...f,
        subjects: [...new Set(mentions.filter((e) => e.line === f.line && e.entity.startsWith('e:') && recognizer.get(e.entity)?.kind !== 'topic').map((e) => e.entity))],
      }));
      assert.deepEqual(rec.figures, expected, id);
      figures += expected.length;
    }
    const odd = index.record('file:///corpus/figures.txt')!.figures;
    assert.ok(odd.some((f) => f.inRange) && odd.some((f) => f.approximate) && odd.some((f) => f.scale?.alternative !== undefined) && odd.some((f) => f.value > 2 ** 53), JSON.stringify(odd));
    assert.ok(odd.some((f) => f.subjects.length >= 2));
    assert.ok(figures > 10);
  });

  it('answer the same whether a record is built here or cloned from a worker, even applied twice', () => {
    const here = new CorpusIndex(recognizer);
    const cloned = new CorpusIndex(recognizer);
    for (const [id, text] of texts) {
      const chunk = parseChunk(id, text);
      here.apply(id, chunk);
      const built = buildRecord(id, chunk, recognizer);
      cloned.applyRecord(id, structuredClone(built));
      // The index maps a record's string numbers on its own copy: the record stays as built.
      cloned.applyRecord(id, built);
      cloned.applyRecord(id, built);
    }
    assert.deepEqual(cloned.snapshot(), here.snapshot());
    for (const [id] of texts) {
      assert.deepEqual(cloned.entitiesOf(id), here.entitiesOf(id));
      assert.deepEqual(cloned.figuresOf(id), here.figuresOf(id));
    }
    for (const e of here.entities()) assert.deepEqual(cloned.entityCard(e.id), here.entityCard(e.id), e.id);
  });

  it('find the chunks of a figure key by family and bucket, and none for an unknown family', () => {
    const index = new CorpusIndex(recognizer);
    for (const [id, text] of texts) index.apply(id, parseChunk(id, text));
    const id = 'file:///corpus/figures.txt';
    const keys = index.figuresOf(id);
    assert.ok(keys.length > 0);
    for (const k of keys) assert.ok(index.chunksWithFigure(k.key)!.includes(id), k.key);
    assert.deepEqual(index.chunksWithFigure('furlongs:100'), []);
    assert.deepEqual(index.chunksWithFigure(keys[0]!.key.replace(/:-?\d+$/, ':x')), []);
  });
});
