// The index keeps each chunk's messages, mentions and figures packed as numbers (ChunkRecord):
// what it gives back must be what the extractors found, whether the record was built here or
// cloned from a worker.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { Corpus, EntityRecognizer, extractEntities, parseChunk } from '../../../server/src/core';
import { buildRecord, CorpusIndex } from '../../../server/src/core/corpus-index';
import { extractFigures } from '../../../server/src/core/figures/extract';
import { inOneBuffer, prepareBytes } from '../../../server/src/core/prepare';
import { LocalTermTable } from '../../../server/src/core/search/term-table';
import { LocalStrings } from '../../../server/src/core/string-table';

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

  it('answer the same when two workers number the strings, each record sent once, interleaved', () => {
    const here = new CorpusIndex(recognizer);
    const there = new CorpusIndex(recognizer);
    const tables = [new LocalStrings(), new LocalStrings()];
    const translators = [there.stringTranslator(), there.stringTranslator()];
    let sent = 0;
    let fresh = 0;
    for (const round of [0, 1]) {
      for (const [k, [id, text]] of texts.entries()) {
        const w = (k + round) % 2;
        const chunk = parseChunk(id, text);
        here.apply(id, chunk);
        const p = prepareBytes(id, new TextEncoder().encode(text), { tokenizerCount: false }, recognizer, undefined, tables[w]);
        const r = structuredClone(p.record!);
        assert.notEqual(r.firstFresh, undefined);
        sent += new Set(r.strings).size === r.strings.length ? 1 : 0;
        fresh += r.strings.length;
        there.applyRecord(id, { ...r, numbering: translators[w]!.receive(r.strings, r.firstFresh!) });
      }
    }
    assert.equal(sent, texts.length * 2, 'no string is sent twice in one record');
    // The second round names strings the tables sent already: fewer fresh ones.
    assert.ok(fresh > 0);
    assert.deepEqual(there.snapshot(), here.snapshot());
    for (const e of here.entities()) assert.deepEqual(there.entityCard(e.id), here.entityCard(e.id), e.id);
    // A worker record that skipped its translator is refused, not misread.
    const [id, text] = texts[0]!;
    const p = prepareBytes(id, new TextEncoder().encode(text), { tokenizerCount: false }, recognizer, undefined, new LocalStrings());
    assert.throws(() => there.applyRecord(id, p.record), /stringTranslator/);
  });

  it('cross threads with their arrays in one buffer, and merge as when each had its own', () => {
    const typed = (p: object): ArrayBufferView[] => {
      const out: ArrayBufferView[] = [];
      const walk = (o: unknown) => {
        if (ArrayBuffer.isView(o)) out.push(o);
        else if (o && typeof o === 'object') for (const v of Object.values(o)) walk(v);
      };
      walk(p);
      return out;
    };
    const terms = [new LocalTermTable(), new LocalTermTable()];
    const strings = [new LocalStrings(), new LocalStrings()];
    const ids = texts.map(([id]) => id);
    const bytes = [...texts, ['file:///corpus/binary.txt', 'a\u0000b'], ['file:///corpus/empty.txt', '']].map(([id, text]) => [id, new TextEncoder().encode(text)] as const);
    const corpora = [0, 1].map(() => new Corpus({ readFile: async () => new Uint8Array(), listFiles: async () => [] }, { roots: ['file:///corpus'] }));
    const receivers = corpora.map((c) => ({ terms: c.search.translator(), strings: c.index.stringTranslator() }));
    // As a worker sends them: a batch of results, their arrays all views of one buffer.
    const plain = bytes.map(([id, b]) => prepareBytes(id, b, { tokenizerCount: false }, recognizer, terms[0], strings[0]));
    const shared = inOneBuffer(bytes.map(([id, b]) => prepareBytes(id, b, { tokenizerCount: false }, recognizer, terms[1], strings[1])));
    assert.deepEqual(shared, plain);
    const views = shared.flatMap(typed);
    assert.ok(views.length >= 5 * texts.length);
    assert.equal(new Set(views.map((v) => v.buffer)).size, 1);
    for (const v of views) assert.equal(v.byteOffset % 8, 0);
    // No two views overlap.
    const spans = views.map((v) => [v.byteOffset, v.byteOffset + v.byteLength] as const).sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i]![0] >= spans[i - 1]![1]);
    // Each corpus merges its version as a scan does, through its translators.
    for (const [k, results] of [structuredClone(plain), structuredClone(shared)].entries()) {
      for (const [i, r] of results.entries()) {
        const search = r.search && { ...r.search, terms: receivers[k]!.terms.receive(r.search.terms as never) };
        const record = r.record && { ...r.record, numbering: receivers[k]!.strings.receive(r.record.strings, r.record.firstFresh!) };
        (corpora[k] as unknown as { putPrepared(id: string, p: object, bytes: Uint8Array): void }).putPrepared(bytes[i]![0], { ...r, search, record }, bytes[i]![1]);
      }
    }
    const [a, b] = corpora as [Corpus, Corpus];
    assert.equal(b.size, a.size);
    assert.deepEqual(b.index.snapshot(), a.index.snapshot());
    assert.deepEqual(b.search.text.snapshot(), a.search.text.snapshot());
    for (const id of ids) {
      assert.deepEqual(b.findings(id), a.findings(id), id);
      assert.deepEqual(b.search.related(id, 5), a.search.related(id, 5), id);
    }
    assert.deepEqual(b.search.search('stargate milliards', 10), a.search.search('stargate milliards', 10));
  });

  it('give back each message\'s time as written, with or without seconds, and a time of another shape as it is', () => {
    const id = 'file:///corpus/times.txt';
    const chunk = parseChunk(id, '22/01/2025, 00:00 - Nadia: a\n[22/01/2025, 23:59:59] Karim: b\n22/01/2025, 9:05 PM - Nadia: c\n[22/01/2025, 07:00:00] Karim: d\n');
    assert.deepEqual(chunk.messages.map((m) => m.time), ['00:00', '23:59:59', '21:05', '07:00:00']);
    // The parser makes none of these; a chunk made by hand may.
    const odd = ['24:00', '08:60', '08:04:60', '8:04', '08:04 ', 'midi'];
    const byHand = { ...chunk, messages: odd.map((time, i) => ({ ...chunk.messages[i % 4]!, time })) };
    for (const [c, times] of [[chunk, chunk.messages.map((m) => m.time)], [byHand, odd]] as const) {
      const here = new CorpusIndex(recognizer);
      here.apply(id, c);
      assert.deepEqual(here.record(id)!.messages.map((m) => m.time), times);
      const there = new CorpusIndex(recognizer);
      const table = new LocalStrings();
      const built = buildRecord(id, c, recognizer, table);
      const taken = table.take();
      there.applyRecord(id, { ...built, strings: taken.fresh, firstFresh: taken.firstFresh, numbering: there.stringTranslator().receive(taken.fresh, taken.firstFresh) });
      assert.deepEqual(there.record(id)!.messages.map((m) => m.time), times);
    }
  });

  it('send the strings of a document that was never sent with the next, and refuse numbers out of order', () => {
    const table = new LocalStrings();
    const index = new CorpusIndex(recognizer);
    const translator = index.stringTranslator();
    table.number('Nadia');
    table.number('2025-01-22');
    // That document failed before its reply: the next one takes its strings along.
    assert.equal(table.number('2025-01-22'), 1);
    table.number('Karim');
    const taken = table.take();
    assert.deepEqual(taken, { fresh: ['Nadia', '2025-01-22', 'Karim'], firstFresh: 0 });
    const map = translator.receive(taken.fresh, taken.firstFresh);
    assert.deepEqual([...map].map((n) => index['strings' as never][n]), ['Nadia', '2025-01-22', 'Karim']);
    table.number('Inès');
    table.take();
    table.number('Léa');
    // The reply naming `Karim` was lost: the next one is out of order.
    assert.throws(() => translator.receive(...Object.values(table.take()) as [string[], number]), /out of order/);
  });

  it('keep a record built here (a chunk re-analysed as it is typed) in a buffer of its size, and no hostile chunk\'s tallies', () => {
    const index = new CorpusIndex(recognizer);
    const data = (id: string) => (index as unknown as { records: Map<string, { data: Int32Array }> }).records.get(id)!.data;
    const [id, text] = texts[0]!;
    for (let k = 0; k < 3; k++) {
      index.apply(id, parseChunk(id, `${text}\n22/01/2025, 18:0${k} - Léa: encore ${k}`));
      // In a shared page, every edit's copy could keep that page (128 KB) alive for good.
      assert.equal(data(id).byteLength, data(id).buffer.byteLength);
    }
    // A chunk with 2 000 senders: the tallies counted them, then let their arrays go.
    const lines = Array.from({ length: 2000 }, (_, i) => `22/01/2025, 18:00 - Sender ${i}: bonjour`);
    index.apply('file:///corpus/crowd.txt', parseChunk('file:///corpus/crowd.txt', `=== CONTENU ===\n${lines.join('\n')}\n`));
    assert.equal(index.record('file:///corpus/crowd.txt')!.messages.length, 2000);
    index.apply(id, parseChunk(id, text));
    const tally = (index as unknown as { senderTally: { keys: { kept: number }; counts: number[] } }).senderTally;
    assert.ok(tally.keys.kept <= 256 && tally.counts.length === tally.keys.kept, `${tally.keys.kept} keys kept`);
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
