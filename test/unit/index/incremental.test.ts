// The incremental index equals a rebuild from scratch after any sequence of edits and file
// events (foam's graph-incremental idea), checked with generated sequences.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Corpus, CorpusIndex } from '../../../server/src/core';
import { MemoryWorkspace } from './memory-workspace';

const SAMPLES = resolve(__dirname, '..', '..', '..', 'samples');
const texts = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SAMPLES, f), 'utf8'));
const ROOT = 'mem:/ws';
const NAMES = ['a/000.txt', 'a/001.txt', 'a/002.txt', 'b/x.txt', 'b/y.chunk', 'c/note.txt'];

/** Texts the steps write: the samples, edited copies of them, and small ones. */
const variants = [
  ...texts,
  ...texts.map((t) => t.replace(/OpenAI/g, 'Anthropic').replace(/500/g, '700')),
  ...texts.map((t) => t.split('\n').slice(0, 12).join('\n')),
  'Sam Altman a rencontré Rochane. Il parle de 10 milliards de dollars et de 100 000 emplois.',
  '=== MÉTADONNÉES CHUNK ===\nPériode: null → null\nParticipants: \n\n=== CONTENU ===\n23/01/2025, 09:00 - Rochane: OpenAI et la Chine, $7 trillion\n23/01/2025, 09:05 - Bob: ok\n',
  '',
];

type Step =
  | { op: 'edit' | 'write' | 'create'; file: number; text: number }
  | { op: 'close' | 'delete'; file: number }
  | { op: 'rename'; file: number; to: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constantFrom('edit' as const, 'write' as const, 'create' as const), file: fc.nat(NAMES.length - 1), text: fc.nat(variants.length - 1) }),
  fc.record({ op: fc.constantFrom('close' as const, 'delete' as const), file: fc.nat(NAMES.length - 1) }),
  fc.record({ op: fc.constant('rename' as const), file: fc.nat(NAMES.length - 1), to: fc.nat(NAMES.length - 1) }),
);

const id = (i: number) => `${ROOT}/${NAMES[i]}`;

/** The server's reactions to each event, on the core: update, markFromDisk, remove, refresh. */
async function run(ws: MemoryWorkspace, corpus: Corpus, buffers: Map<string, string>, s: Step): Promise<void> {
  const read = async (f: string) => ws.files.has(f) ? new TextEncoder().encode(ws.files.get(f)!) : undefined;
  const refresh = (changed: string[], except: string) => corpus.refresh(changed.filter((x) => x !== except));
  const f = id(s.file);
  switch (s.op) {
    case 'edit':
      buffers.set(f, variants[s.text]!);
      await refresh(corpus.update(f, variants[s.text]!, true), f);
      break;
    case 'close':
      if (!buffers.delete(f)) return;
      await refresh(corpus.markFromDisk(f, await read(f)), f);
      break;
    case 'write':
    case 'create':
      ws.files.set(f, variants[s.text]!);
      if (!buffers.has(f)) await refresh(corpus.markFromDisk(f, await read(f)), f);
      break;
    case 'delete':
      ws.files.delete(f);
      if (!buffers.has(f)) await refresh(corpus.remove(f), f);
      break;
    case 'rename': {
      const to = id(s.to);
      if (to === f || !ws.files.has(f) || buffers.has(f) || buffers.has(to)) return;
      ws.files.set(to, ws.files.get(f)!);
      ws.files.delete(f);
      // A rename arrives as a delete and a create.
      const changed = corpus.remove(f);
      changed.push(...corpus.markFromDisk(to, await read(to)));
      await corpus.refresh(changed.filter((x) => x !== f && x !== to));
      break;
    }
  }
}

describe('corpus index: incremental equals rebuild', () => {
  it('after any sequence of edits, closes and file create/change/delete/rename events', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(variants.length - 1), { minLength: NAMES.length, maxLength: NAMES.length }), fc.array(step, { maxLength: 25 }), async (initial, steps) => {
        const ws = new MemoryWorkspace(Object.fromEntries(NAMES.map((n, i) => [`${ROOT}/${n}`, variants[initial[i]!]!])));
        const corpus = new Corpus(ws, { roots: [ROOT] });
        await corpus.scan();
        const buffers = new Map<string, string>();
        for (const s of steps) await run(ws, corpus, buffers, s);

        // 1. The index equals one built from scratch over the same chunks.
        const rebuilt = new CorpusIndex();
        for (const e of corpus.all()) rebuilt.apply(e.id, e.analysis.chunk);
        assert.deepEqual(corpus.index.snapshot(), rebuilt.snapshot());
        assert.ok(corpus.index.equals(rebuilt));

        // 2. Each chunk's record equals the one a fresh scan of the disk, with the same open
        // buffers, builds. (Which files are chunks is the Corpus's business: it keeps an open
        // buffer that stopped being a chunk, a fresh scan does not, so only shared ids compare.)
        const fresh = new Corpus(ws, { roots: [ROOT] });
        await fresh.scan();
        for (const [f, text] of buffers) await fresh.refresh(fresh.update(f, text, true).filter((x) => x !== f));
        let compared = 0;
        for (const e of fresh.all()) {
          if (!corpus.get(e.id)) continue;
          assert.deepEqual(corpus.index.record(e.id), fresh.index.record(e.id), e.id);
          compared++;
        }
        assert.ok(compared > 0 || fresh.size === 0);
      }),
      { numRuns: 50, seed: 20250122 },
    );
  });

  it('counts chunks with dozens of distinct senders, days and figures as a rebuild does, one after another', () => {
    // Past 32 distinct keys of a kind a chunk's tally changes its way of counting; the tallies
    // are reused chunk after chunk, so a large chunk is followed by small ones here.
    const { parseChunk } = require('../../../server/src/core') as typeof import('../../../server/src/core');
    const chat = (n: number, shift: number) => Array.from({ length: n }, (_, i) => `${String((i % 28) + 1).padStart(2, '0')}/0${1 + ((i + shift) % 9)}/2025, 09:${String(i % 60).padStart(2, '0')} - Personne ${i + shift}: OpenAI annonce ${(i + 1) * 7 + shift} milliards de dollars et ${i * 3 + 1} % pour Nvidia.`).join('\n');
    const versions = [chat(60, 0), chat(3, 1), chat(45, 2), chat(1, 5), chat(40, 3)];
    const index = new CorpusIndex();
    for (const [k, text] of versions.entries()) {
      const id = `c${k % 2}`;
      index.apply(id, parseChunk(id, text));
      const rebuilt = new CorpusIndex();
      for (const [j, t] of versions.slice(0, k + 1).entries()) if (j >= k - 1) rebuilt.apply(`c${j % 2}`, parseChunk(`c${j % 2}`, t));
      assert.deepEqual(index.snapshot(), rebuilt.snapshot(), `after version ${k}`);
    }
    const record = index.record('c0')!;
    assert.ok(new Set(record.messages.map((m) => m.sender)).size > 32 && record.figures.length > 32);
  });

  it('takes a chunk out of every map when it goes', () => {
    const index = new CorpusIndex();
    const empty = JSON.stringify(index.snapshot());
    const chunkText = texts[0]!;
    const { parseChunk } = require('../../../server/src/core') as typeof import('../../../server/src/core');
    index.apply('a', parseChunk('a', chunkText));
    index.apply('b', parseChunk('b', texts[2]!));
    index.apply('a', parseChunk('a', texts[3]!));
    index.apply('a', undefined);
    index.apply('b', undefined);
    assert.equal(JSON.stringify(index.snapshot()), empty);
  });
});
