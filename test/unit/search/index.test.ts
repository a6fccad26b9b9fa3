import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseChunk } from '../../../server/src/core';
import { CorpusSearch, searchDigest, type RelatedSignals } from '../../../server/src/core/search';
import { hashString } from '../../../server/src/core/search/hash';
import { forTermIds, InvertedIndex, packTermIds, termBag } from '../../../server/src/core/search/inverted-index';
import { LocalTermTable, TermTranslator } from '../../../server/src/core/search/term-table';
import { lineHash, OverlapIndex } from '../../../server/src/core/search/overlap';
import { allWords, withoutStopWords } from '../../../server/src/core/search/tokenize';
import { jaccard, shingles, shinglesOfHashes, sortedShingles } from '../../../server/src/core/search/near-duplicates';

const WORDS = 'intelligence artificielle puissance calcul données énergie nucléaire investissement infrastructure semi-conducteurs modèle entreprise gouvernement recherche usine talents marché capital projet annonce'.split(' ');

/** A deterministic French-like paragraph. */
function prose(seed: number, words = 80): string {
  let x = seed * 2654435761 >>> 0;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (Math.imul(x ^ (x >>> 15), 2246822507) + i) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

/** An index built set by set ranks as one built from the final documents, on these queries. */
function assertRanksLikeRebuild(incremental: InvertedIndex, final: ReadonlyMap<string, string>, queries: readonly string[], limit: number, mustFind = false): void {
  const rebuilt = new InvertedIndex();
  for (const [id, text] of [...final].sort()) rebuilt.set(id, text);
  assert.deepEqual(incremental.snapshot(), rebuilt.snapshot());
  for (const q of queries) {
    const got = incremental.search(q, limit).map((h) => [h.id, h.score.toFixed(9)]);
    if (mustFind) assert.ok(got.length > 0, q);
    assert.deepEqual(got, rebuilt.search(q, limit).map((h) => [h.id, h.score.toFixed(9)]), q);
  }
}

describe('inverted index', () => {
  it('ranks exactly like a rebuild after any sequence of sets and removes', () => {
    const ops = fc.array(fc.record({ doc: fc.integer({ min: 0, max: 7 }), seed: fc.integer({ min: 0, max: 20 }), remove: fc.boolean() }), { maxLength: 30 });
    fc.assert(fc.property(ops, (sequence) => {
      const incremental = new InvertedIndex();
      const final = new Map<string, string>();
      for (const op of sequence) {
        const id = `doc${op.doc}`;
        if (op.remove) {
          incremental.remove(id);
          final.delete(id);
        } else {
          const text = prose(op.seed, 20 + op.seed);
          incremental.set(id, text);
          final.set(id, text);
        }
      }
      assertRanksLikeRebuild(incremental, final, ['calcul énergie', 'infrastructre', 'marché capital usine'], 5);
    }), { numRuns: 150 });
  });

  it('packs a document\'s term numbers and gives them back sorted', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 30 }), { maxLength: 300 }), (ids) => {
      const back: number[] = [];
      forTermIds(packTermIds(Int32Array.from(ids)), (id) => back.push(id));
      assert.deepEqual(back, [...ids].sort((a, b) => a - b));
    }), { numRuns: 300 });
  });

  it('ranks like a rebuild after its dead postings are compacted away', () => {
    // Past 1 000 removed documents and a quarter of all, the pool is rebuilt with live entries only.
    const incremental = new InvertedIndex();
    const final = new Map<string, string>();
    for (let round = 0; round < 3; round++) {
      for (let d = 0; d < 900; d++) {
        const text = prose(d * 7 + round, 15 + (d % 11));
        incremental.set(`doc${d}`, text);
        final.set(`doc${d}`, text);
      }
      for (let d = round; d < 900; d += 2) {
        incremental.remove(`doc${d}`);
        final.delete(`doc${d}`);
      }
    }
    assertRanksLikeRebuild(incremental, final, ['calcul énergie', 'infrastructre', 'marché capital usine', 'talents'], 8, true);
  });

  it('takes documents numbered by workers exactly as documents given as words', () => {
    const byWords = new InvertedIndex();
    const byNumbers = new InvertedIndex();
    // Two workers, each with its own numbering, their documents interleaved as a scan merges them.
    const tables = [new LocalTermTable(), new LocalTermTable()];
    const translators = [new TermTranslator(byNumbers), new TermTranslator(byNumbers)];
    for (let d = 0; d < 60; d++) {
      const text = prose(d, 10 + (d % 13)) + (d % 5 === 0 ? ' Stargate' : '');
      byWords.set(`doc${d}`, text);
      const w = d % 2;
      const local = structuredClone(tables[w]!.encodeWords(allWords(text)));
      byNumbers.setIds(`doc${d}`, translators[w]!.receive(local));
    }
    assert.deepEqual(byNumbers.snapshot(), byWords.snapshot());
    for (const q of ['stargte', 'calcul énergie', 'usine']) assert.deepEqual(byNumbers.search(q, 10), byWords.search(q, 10), q);
  });

  it('refuses a worker document whose new term numbers it never received', () => {
    const table = new LocalTermTable();
    const translator = new TermTranslator(new InvertedIndex());
    table.encodeWords(['calcul', 'energie']);
    // The first document's reply was lost: its two new terms are unknown here.
    assert.throws(() => translator.receive(table.encodeWords(['calcul', 'usine'])), /out of order/);
  });

  it('numbers a document\'s words as the term bag of its words without stop words', () => {
    const table = new LocalTermTable();
    // The table's numbering, rebuilt from what it says is fresh, as the main thread does.
    const names: string[] = [];
    for (let d = 0; d < 400; d++) {
      const words = allWords(prose(d * 3, 5 + (d % 17)) + (d % 4 === 0 ? ' de la de Stargate stargate' : ''));
      const local = table.encodeWords(words);
      assert.equal(local.firstFresh, names.length);
      names.push(...local.fresh);
      const bag = termBag(withoutStopWords(words));
      assert.deepEqual([...local.ids].map((n) => names[n]), bag.terms);
      assert.deepEqual([...local.counts], [...bag.counts]);
      assert.equal(local.length, bag.length);
    }
    // Every word of the vocabulary met, and numbered once.
    assert.equal(names.length, new Set(names).size);
    assert.ok(names.length > 20, String(names.length));
  });

  it('gives each word\'s hashString as it numbers it, stop words too, and the same digest', () => {
    const table = new LocalTermTable();
    for (let d = 0; d < 200; d++) {
      const words = allWords(prose(d * 7, 3 + (d % 11)) + (d % 3 === 0 ? ' de la the de Stargate d’OpenAI' : ''));
      const hashes = new Uint32Array(words.length);
      table.encodeWords(words, hashes);
      assert.deepEqual([...hashes], words.map(hashString), `document ${d}`);
      assert.deepEqual(shinglesOfHashes(hashes), sortedShingles(words));
    }
    fc.assert(fc.property(fc.array(fc.constantFrom('de', 'la', 'stargate', 'openai', 'calcul', 'énergie', 'x1', 'usine', 'the'), { maxLength: 40 }), (words) => {
      const hashes = new Uint32Array(words.length);
      table.encodeWords(words, hashes);
      assert.deepEqual([...hashes], words.map(hashString));
    }));
    // A whole chunk: the worker's digest and the main thread's have the same duplicate keys.
    // Whole chunks: the worker's digest and the main thread's have the same duplicate keys.
    const samples = resolve(__dirname, '..', '..', '..', 'samples');
    const shared = new LocalTermTable();
    for (const f of readdirSync(samples).filter((n) => n.endsWith('.txt'))) {
      const chunk = parseChunk(`mem:/c/${f}`, readFileSync(join(samples, f), 'utf8'));
      const a = searchDigest(chunk);
      const b = searchDigest(chunk, shared);
      assert.ok(a.bands, `${f} is long enough for duplicate keys`);
      assert.deepEqual(b.bands, a.bands, f);
      assert.equal(b.shingleCount, a.shingleCount, f);
      assert.deepEqual(b.edges, a.edges, f);
    }
  });

  it('ranks a document matching every query term above one matching a single term', () => {
    const idx = new InvertedIndex();
    idx.set('both', 'Stargate annonce par Trump');
    idx.set('one', 'Stargate Stargate Stargate un projet');
    idx.set('none', 'rien à voir');
    assert.deepEqual(idx.search('stargate trump').map((h) => h.id), ['both', 'one']);
  });

  it('completes the last word typed', () => {
    const idx = new InvertedIndex();
    idx.set('a', 'semi-conducteurs et nucléaire');
    assert.deepEqual(idx.search('nucl').map((h) => h.id), ['a']);
  });
});

const chat = (lines: string[]) => `=== MÉTADONNÉES CHUNK ===\nPériode: null → null\nParticipants: \nTopics: \nTokens: 0\nMessages: 0\n\n=== CONTENU ===\n${lines.join('\n')}`;

function corpusOf(files: Record<string, string>, signals?: RelatedSignals): CorpusSearch {
  const chunks = new Map(Object.entries(files).map(([id, text]) => [id, parseChunk(id, text)]));
  const search = new CorpusSearch((id) => chunks.get(id));
  search.signals = signals;
  for (const [id, c] of chunks) search.set(id, c);
  return search;
}

describe('overlap line hashes', () => {
  it('tell apart 200 000 lines that differ by one character, and stay below 2^53', () => {
    const seen = new Map<number, string>();
    const base = 'Le projet Stargate annonce 500 milliards de $ pour les centres de données';
    for (let i = 0; i < 200_000; i++) {
      // One changed character, a moved word, or a different length: what near lines look like.
      const line = i % 3 === 0 ? `${base} ${i}` : i % 3 === 1 ? base.slice(0, i % base.length) + String.fromCharCode(0x61 + (i % 26)) + base.slice((i % base.length) + 1) + i : `${i} ${base}`;
      const h = lineHash(line);
      assert.ok(Number.isSafeInteger(h) && h >= 0, line);
      const before = seen.get(h);
      if (before !== undefined) assert.equal(before, line, 'two different lines share a hash');
      seen.set(h, line);
    }
    assert.equal(lineHash(base), lineHash(`${base}`.slice(0)));
  });
});

describe('overlap index', () => {
  // Lines long enough to count (20+ characters), a few of them short ones that never do.
  const LINES = ['Une première ligne assez longue pour compter.', 'Une deuxième ligne assez longue, elle aussi.', 'Et une troisième, toujours assez longue ici.', 'La quatrième ligne du petit stock de lignes.', 'ok', '👍'];
  const body = (pick: number[]) => chat(pick.map((i) => LINES[i]!));

  /** The definition: my first k non-empty content lines are their last k, for the largest k ≤ 3. */
  function expected(files: Map<string, string[]>, id: string): { previous: string; k: number }[] {
    const mine = files.get(id)!.filter((l) => l.trim() !== '');
    const out: { previous: string; k: number }[] = [];
    if (mine.length === 0 || mine[0]!.trim().length < 20) return out;
    for (const [other, lines] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (other === id) continue;
      const theirs = lines.filter((l) => l.trim() !== '').slice(-3);
      if (!theirs.some((l) => l.trim() === mine[0]!.trim() && l.trim().length >= 20)) continue;
      for (let k = Math.min(3, mine.length, theirs.length); k >= 1; k--) {
        if (theirs.slice(-k).every((l, i) => l.trim() === mine[i]!.trim())) {
          out.push({ previous: other, k });
          break;
        }
      }
    }
    return out;
  }

  // A few chunks, or many sharing the same lines (keys that dozens of chunks are filed under,
  // chunk numbers given back and given out again as chunks come and go).
  for (const [docs, steps] of [[6, 40], [40, 160]] as const) it(`finds, after any sets and removes of ${docs + 1} chunks, exactly the continuations the definition gives`, () => {
    const ops = fc.array(fc.record({ doc: fc.integer({ min: 0, max: docs }), lines: fc.array(fc.integer({ min: 0, max: LINES.length - 1 }), { minLength: 1, maxLength: 5 }), remove: fc.boolean() }), { maxLength: steps });
    fc.assert(fc.property(ops, (sequence) => {
      const index = new OverlapIndex();
      const files = new Map<string, string[]>();
      for (const op of sequence) {
        const id = `c${op.doc}`;
        if (op.remove) {
          index.remove(id);
          files.delete(id);
        } else {
          index.set(id, parseChunk(id, body(op.lines)));
          files.set(id, op.lines.map((i) => LINES[i]!));
        }
      }
      for (const id of files.keys()) {
        assert.deepEqual(index.previousOf(id).map((e) => ({ previous: e.previous, k: e.lines.length })), expected(files, id), id);
        const next = [...files.keys()].filter((o) => expected(files, o).some((e) => e.previous === id)).sort();
        assert.deepEqual(index.nextOf(id), next, id);
      }
      // A removed chunk is in no one's answers, and has none.
      for (let d = 0; d <= docs; d++) {
        if (files.has(`c${d}`)) continue;
        assert.deepEqual(index.previousOf(`c${d}`), []);
        assert.deepEqual(index.nextOf(`c${d}`), []);
      }
    }), { numRuns: docs > 10 ? 60 : 300 });
  });
});

describe('overlap and near-duplicates', () => {
  const a = [
    '22/01/2025, 18:43 - Rochane: ' + prose(1, 40),
    prose(2, 40),
    'Une dernière ligne assez longue pour compter comme chevauchement voulu.',
  ];
  const b = [
    'Une dernière ligne assez longue pour compter comme chevauchement voulu.',
    '22/01/2025, 19:00 - Rochane: ' + prose(3, 60),
  ];
  const article = prose(7, 300);
  // A few words changed (one in 60) and the last ten words dropped.
  const nearCopy = article.split(' ').map((w, i) => (i % 60 === 30 ? 'modifié' : w)).slice(0, 290).join(' ');

  it('reports the designed overlap as overlap, not duplicate', () => {
    const s = corpusOf({ 'c/a.txt': chat(a), 'c/b.txt': chat(b) });
    const f = s.findings('c/b.txt', (_c, d) => d);
    assert.deepEqual(f.map((x) => x.code), ['overlap']);
    assert.equal(f[0]!.range.start.line, 8);
    assert.equal(f[0]!.related![0]!.uri, 'c/a.txt');
    assert.equal(f[0]!.related![0]!.range.start.line, 10);
    assert.deepEqual(s.findings('c/a.txt', (_c, d) => d), []);
    // Both ranges end where their lines end, trailing spaces included, as the parsed chunks say.
    const spaced = corpusOf({ 'c/a.txt': chat(a).replace(/voulu\./, 'voulu.   '), 'c/b.txt': chat(b).replace(/voulu\./, 'voulu. ').replace(/\n/g, '\r\n') });
    const g = spaced.findings('c/b.txt', (_c, d) => d)[0]!;
    const lineOf = (file: string, text: string, n: number) => parseChunk(file, text).lines[n]!;
    assert.equal(g.range.end.character, lineOf('c/b.txt', chat(b).replace(/voulu\./, 'voulu. '), g.range.end.line).length);
    assert.equal(g.range.end.character, 'Une dernière ligne assez longue pour compter comme chevauchement voulu. '.length);
    assert.equal(g.related![0]!.range.end.character, lineOf('c/a.txt', chat(a).replace(/voulu\./, 'voulu.   '), g.related![0]!.range.end.line).length);
    assert.equal(g.related![0]!.range.end.character, 'Une dernière ligne assez longue pour compter comme chevauchement voulu.   '.length);
  });

  it('finds a planted near copy (words changed, the end dropped) and names the similarity', () => {
    const j = jaccard(shingles(article), shingles(nearCopy));
    assert.ok(j >= 0.8 && j < 1, `planted copy similarity ${j}`);
    const s = corpusOf({ 'c/article.txt': article, 'c/copy.txt': nearCopy, 'c/other.txt': prose(99, 300) });
    const f = s.findings('c/copy.txt', (_c, d) => d);
    assert.deepEqual(f.map((x) => x.code), ['duplicate']);
    assert.match(f[0]!.message, /article\.txt \(\d\d% similar\)/);
    assert.deepEqual(s.findings('c/other.txt', (_c, d) => d), []);
  });

  it('switches a code off through the severity callback', () => {
    const s = corpusOf({ 'c/article.txt': article, 'c/copy.txt': nearCopy });
    assert.deepEqual(s.findings('c/copy.txt', (code, d) => (code === 'duplicate' ? undefined : d)), []);
  });
});

describe('related chunks', () => {
  it('ranks the chunk that continues this one first, then shared entities and figures', () => {
    const signals: RelatedSignals = {
      entitiesOf: (id) => (id === 'c/x.txt' || id === 'c/y.txt' ? [{ key: 'openai', label: 'OpenAI' }, { key: 'softbank', label: 'SoftBank' }] : []),
      figuresOf: (id) => (id === 'c/x.txt' || id === 'c/y.txt' ? [{ key: 'usd:5e11', label: '500 milliards $' }] : []),
      chunksWithEntity: () => ['c/x.txt', 'c/y.txt'],
      chunksWithFigure: () => ['c/x.txt', 'c/y.txt'],
    };
    const s = corpusOf({
      'c/x.txt': chat(['22/01/2025, 18:43 - Rochane: ' + prose(11, 50), 'Cette ligne finale est le chevauchement entre deux chunks.']),
      'c/next.txt': chat(['Cette ligne finale est le chevauchement entre deux chunks.', prose(12, 50)]),
      'c/y.txt': prose(13, 120),
      'c/z.txt': prose(14, 120),
    }, signals);
    const r = s.related('c/x.txt');
    assert.deepEqual(r.slice(0, 2).map((x) => x.uri), ['c/next.txt', 'c/y.txt']);
    assert.ok(r[0]!.reasons.includes('continues this chunk'));
    assert.ok(r[1]!.reasons.includes('shares OpenAI, SoftBank'), r[1]!.reasons.join());
    assert.ok(r[1]!.reasons.includes('same figure 500 milliards $'));
    const zRank = r.findIndex((x) => x.uri === 'c/z.txt');
    assert.ok(zRank === -1 || zRank > 1);
  });

  it('follows a chunk that moves to another day, keeps one that stays, and forgets one removed', () => {
    const texts: Record<string, string> = {
      'c/a.txt': chat(['22/01/2025, 18:43 - Rochane: ' + prose(21, 30)]),
      'c/b.txt': chat(['22/01/2025, 19:02 - Inès: ' + prose(22, 30)]),
      'c/c.txt': chat(['23/01/2025, 09:15 - Marc: ' + prose(23, 30)]),
    };
    const chunks = new Map(Object.entries(texts).map(([id, text]) => [id, parseChunk(id, text)]));
    const s = new CorpusSearch((id) => chunks.get(id));
    for (const [id, c] of chunks) s.set(id, c);
    const sameDay = (id: string) => s.related(id).filter((r) => r.reasons.some((x) => x.startsWith('same day'))).map((r) => r.uri).sort();
    assert.deepEqual(sameDay('c/a.txt'), ['c/b.txt']);
    // b moves to the 23rd, then is edited on that day again.
    for (const minute of ['10', '11']) {
      const moved = parseChunk('c/b.txt', chat([`23/01/2025, 10:${minute} - Inès: ` + prose(22, 30)]));
      chunks.set('c/b.txt', moved);
      s.set('c/b.txt', moved);
      assert.deepEqual(sameDay('c/a.txt'), []);
      assert.deepEqual(sameDay('c/c.txt'), ['c/b.txt']);
    }
    s.remove('c/b.txt');
    chunks.delete('c/b.txt');
    assert.deepEqual(sameDay('c/c.txt'), []);
  });
});
