// The index's answers on the samples: the cards the hovers show, from the core alone.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { Corpus, type CorpusIndex } from '../../../server/src/core';
import { MemoryWorkspace } from './memory-workspace';

const SAMPLES = resolve(__dirname, '..', '..', '..', 'samples');
const ROOT = 'mem:/samples';
const id = (n: string) => `${ROOT}/${n}_${{ '000': '06819fdf042cc0f1', '001': 'e9a7ada696306544', '002': 'ca120742179b46cf', '003': '2fb0a89cc24e84ab', '004': '2d39a1a82d06be46' }[n]}.txt`;
const short = (x: string) => x.slice(ROOT.length + 1, ROOT.length + 4);

describe('corpus index on the samples', () => {
  let index: CorpusIndex;
  before(async () => {
    const files = Object.fromEntries(readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => [`${ROOT}/${f}`, readFileSync(join(SAMPLES, f), 'utf8')]));
    const corpus = new Corpus(new MemoryWorkspace(files), { roots: [ROOT] });
    await corpus.scan();
    index = corpus.index;
  });

  it('OpenAI: 4 chunks (000, 002, 003, 004), its forms, dates and companions', () => {
    const card = index.entityCard('e:openai')!;
    assert.equal(card.chunks, 4);
    assert.deepEqual(card.links.map((l) => short(l.id)), ['000', '002', '003', '004']);
    assert.equal(card.kind, 'organisation');
    assert.equal(card.firstDate, '2025-01');
    assert.equal(card.lastDate, '2025-01-22');
    assert.ok(card.with.some((w) => w.name === 'Sam Altman'));
    assert.equal(index.mentions('e:openai').length, card.mentions);
  });

  it('the chunks of an entity or a figure, or nothing past a limit (related chunks skips those)', () => {
    assert.deepEqual(index.chunksWithEntity('e:openai', 4)!.map(short).sort(), ['000', '002', '003', '004']);
    assert.equal(index.chunksWithEntity('e:openai', 3), undefined);
    const fig = index.figuresOf(`${ROOT}/000_06819fdf042cc0f1.txt`).find((f) => /500 milliards/.test(f.label))!;
    assert.deepEqual(index.chunksWithFigure(fig.key, 10)!.map(short).sort(), ['000', '002']);
    assert.equal(index.chunksWithFigure(fig.key, 1), undefined);
  });

  it('Softbank and SoftBank are one entity; Trump and Donald Trump too', () => {
    const sb = index.entityCard('e:softbank')!;
    assert.deepEqual(sb.seen.slice().sort(), ['SoftBank', 'Softbank']);
    assert.deepEqual(sb.links.map((l) => short(l.id)), ['000', '002', '003']);
    assert.deepEqual(index.entityCard('e:donald trump')!.seen.slice().sort(), ['Donald Trump', 'President Trump', 'Trump']);
  });

  it('finds the entity, figure, sender and date under a position', () => {
    const line = readFileSync(join(SAMPLES, '000_06819fdf042cc0f1.txt'), 'utf8').split('\n')[10]!;
    const hit = index.at(id('000'), { line: 10, character: line.indexOf('Sam Altman') + 2 });
    assert.equal(hit?.type, 'entity');
    assert.equal(hit?.type === 'entity' && hit.mention.entity, 'e:sam altman');
    assert.equal(index.at(id('001'), { line: 13, character: 21 })?.type, 'sender');
    assert.equal(index.at(id('001'), { line: 13, character: 2 })?.type, 'date');
  });

  const figure = (n: string, surface: string) => {
    const f = index.record(id(n))!.figures.find((x) => x.surface === surface);
    assert.ok(f, `${surface} in ${n}`);
    return f;
  };

  it('500 milliards de $ (000) and 500 milliards de dollars (002) are the same figure', () => {
    const card = index.figureCard(id('000'), figure('000', '500 milliards de $'));
    assert.deepEqual(card.same.map((s) => [short(s.id), s.figure.surface]), [['002', '500 milliards de dollars']]);
  });

  it('$7 trillion (003) and 7 000 milliards de dollars (004) are the same figure', () => {
    const card = index.figureCard(id('003'), figure('003', '$7 trillion'));
    assert.deepEqual(card.same.map((s) => [short(s.id), s.figure.surface]), [['004', '7 000 milliards de dollars']]);
  });

  it('1 billion de dollars is read on the long scale and meets 1 000 milliards de dollars', () => {
    const f = figure('002', '1 billion de dollars');
    assert.equal(f.value, 1e12);
    assert.equal(f.scale!.reason, 'long-scale');
    assert.deepEqual(index.figureCard(id('002'), f).same.map((s) => s.figure.surface), ['1 000 milliards de dollars']);
  });

  it('says when two chunks give different figures for the same subject', () => {
    const card = index.figureCard(id('004'), figure('004', '5 000'));
    assert.ok(card.different.some((d) => d.subjectName === 'Sam Altman' && short(d.id) === '003'), JSON.stringify(card.different.map((d) => [d.subjectName, d.figure.surface])));
  });

  it('participants and days', () => {
    const p = index.participantCard('Rochane')!;
    assert.equal(p.messages, 2);
    assert.deepEqual(p.first, { day: '2025-01-22', time: '18:43' });
    assert.deepEqual(p.last, { day: '2025-01-22', time: '18:48' });
    const d = index.dayCard('2025-01-22');
    assert.equal(d.messages, 4);
    assert.deepEqual(d.links.map((l) => short(l.id)), ['000', '001']);
  });

  it('recognises a participant named in the text', async () => {
    const text = '=== MÉTADONNÉES CHUNK ===\nPériode: null → null\n\n=== CONTENU ===\n23/01/2025, 09:00 - Zoé: bonjour\n23/01/2025, 09:01 - Bob: merci à Zoé pour le lien\n';
    const corpus = new Corpus(new MemoryWorkspace({ 'mem:/z/a.txt': text }), { roots: ['mem:/z'] });
    await corpus.scan();
    assert.equal(corpus.index.entityCard('n:zoe')!.participant, 'Zoé');
  });
});
