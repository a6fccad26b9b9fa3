// Which files are chunks, on an in-memory workspace, and the incremental corpus against a
// fresh scan: after any sequence of file events the two hold the same chunks with the same
// findings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeBytes, Corpus, type CorpusOptions, type Workspace } from '../../server/src/core';

const SAMPLES = resolve(__dirname, '..', '..', 'samples');
const sample = (f: string) => readFileSync(join(SAMPLES, f), 'utf8');
const CHAT = sample('000_06819fdf042cc0f1.txt');
const CHAT_NEXT = sample('001_e9a7ada696306544.txt');
const ARTICLE = sample('002_ca120742179b46cf.txt');
const ROOT = 'mem:/ws';

/** Files are ids → bytes; listFiles is recursive, like the real workspace's. */
class MemoryWorkspace implements Workspace {
  readonly files = new Map<string, Uint8Array>();
  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [name, content] of Object.entries(files)) this.write(`${ROOT}/${name}`, content);
  }
  write(id: string, content: string | Uint8Array): void {
    this.files.set(id, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }
  async readFile(id: string): Promise<Uint8Array> {
    const bytes = this.files.get(id);
    if (!bytes) throw new Error(`ENOENT: ${id}`);
    return bytes;
  }
  async listFiles(folder: string): Promise<string[]> {
    return [...this.files.keys()].filter((id) => id.startsWith(`${folder}/`)).sort();
  }
}

async function scanned(files: Record<string, string | Uint8Array>, options: Partial<CorpusOptions> = {}): Promise<{ ws: MemoryWorkspace; corpus: Corpus }> {
  const ws = new MemoryWorkspace(files);
  const corpus = new Corpus(ws, { roots: [ROOT], ...options });
  await corpus.scan();
  return { ws, corpus };
}

const ids = (corpus: Corpus) => [...corpus.all()].map((e) => e.id.slice(ROOT.length + 1)).sort();

describe('which files are chunks', () => {
  it('a folder with one header chunk makes its other .txt files chunks (articles)', async () => {
    const { corpus } = await scanned({ 'c/000.txt': CHAT, 'c/002.txt': ARTICLE, 'c/notes.md': ARTICLE, 'c/sub/003.txt': ARTICLE });
    assert.deepEqual(ids(corpus), ['c/000.txt', 'c/002.txt']);
    assert.equal(corpus.get(`${ROOT}/c/002.txt`)!.analysis.chunk!.kind, 'article');
    assert.equal(corpus.isChunk(`${ROOT}/c/sub/003.txt`), false, 'a sub-folder is a folder of its own');
  });

  it('a folder without any header chunk is not a corpus folder', async () => {
    const { corpus } = await scanned({ 'docs/002.txt': ARTICLE, 'docs/readme.txt': 'Lisez-moi.' });
    assert.deepEqual(ids(corpus), []);
    assert.equal(corpus.isChunk(`${ROOT}/docs/002.txt`), false);
  });

  it('a header with a BOM or a misspelled start marker still makes a corpus folder', async () => {
    const { corpus } = await scanned({ 'a/000.txt': `\uFEFF${CHAT}`, 'a/002.txt': ARTICLE, 'b/000.txt': CHAT.replace('MÉTADONNÉES', 'METADONNEES'), 'b/002.txt': ARTICLE });
    assert.deepEqual(ids(corpus), ['a/000.txt', 'a/002.txt', 'b/000.txt', 'b/002.txt']);
  });

  it('*.chunk and *.chunk.txt are chunks anywhere, with or without a header', async () => {
    const { corpus } = await scanned({ 'x/one.chunk': ARTICLE, 'y/deep/two.chunk.txt': ARTICLE, 'y/deep/three.txt': ARTICLE, 'THREE.CHUNK': CHAT });
    assert.deepEqual(ids(corpus), ['THREE.CHUNK', 'x/one.chunk', 'y/deep/two.chunk.txt']);
  });

  it('an include glob adds a folder (or files) whose .txt are chunks', async () => {
    const files = { 'articles/002.txt': ARTICLE, 'articles/notes.md': ARTICLE, 'articles/sub/003.txt': ARTICLE, 'other/004.txt': ARTICLE };
    assert.deepEqual(ids((await scanned(files, { include: ['articles'] })).corpus), ['articles/002.txt']);
    assert.deepEqual(ids((await scanned(files, { include: ['articles/**'] })).corpus), ['articles/002.txt', 'articles/sub/003.txt']);
    assert.deepEqual(ids((await scanned(files, { include: ['**/004.txt'] })).corpus), ['other/004.txt']);
  });

  it('node_modules (and .git) are skipped, even a header chunk or a *.chunk in them', async () => {
    const { corpus } = await scanned({ 'node_modules/pkg/000.txt': CHAT, 'node_modules/pkg/002.txt': ARTICLE, 'node_modules/pkg/a.chunk': CHAT, '.git/x.chunk': CHAT, 'c/000.txt': CHAT });
    assert.deepEqual(ids(corpus), ['c/000.txt']);
  });

  it('an unreadable file in a corpus folder is a chunk with one file-unreadable finding', async () => {
    const { corpus } = await scanned({ 'c/000.txt': CHAT, 'c/image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
    assert.deepEqual(corpus.findings(`${ROOT}/c/image.txt`).map((f) => f.code), ['file-unreadable']);
  });
});

describe('what a disk entry keeps', () => {
  it('parsed again, it gives back the chunk, header and findings it was analysed with', async () => {
    // More files than the corpus keeps parsed (256), in every dress: BOM, CRLF, an article.
    const files: Record<string, string | Uint8Array> = {};
    const dresses = [CHAT, CHAT_NEXT, ARTICLE, `\uFEFF${CHAT}`, CHAT_NEXT.replace(/\n/g, '\r\n')];
    for (let i = 0; i < 300; i++) files[`a/${String(i).padStart(3, '0')}.txt`] = dresses[i % dresses.length]!;
    files['a/bin.txt'] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]);
    const { ws, corpus } = await scanned(files);
    for (const pass of [1, 2]) {
      for (const e of corpus.all()) {
        const expected = analyzeBytes(e.id, ws.files.get(e.id)!);
        const got = e.analysis;
        assert.deepEqual(got.chunk, expected.chunk, `${e.id}, pass ${pass}`);
        assert.deepEqual(got.derived, expected.derived);
        assert.deepEqual(e.findings, expected.findings);
        assert.equal(e.hasChunk, expected.chunk !== undefined);
      }
    }
    assert.equal(corpus.get(`${ROOT}/a/bin.txt`)!.hasChunk, false);
  });

  it('reads heads synchronously where it can, skipping (and logging) a file it cannot read', async () => {
    const files = { 'c/000.txt': CHAT, 'c/001.txt': `\uFEFF${CHAT_NEXT}`, 'c/002.txt': ARTICLE, 'c/gone.txt': ARTICLE, 'docs/readme.txt': 'Lisez-moi.' };
    const ws = new MemoryWorkspace(files);
    const heads: string[] = [];
    const syncHeads: Workspace = Object.assign(Object.create(ws) as MemoryWorkspace, {
      readHeadNow(id: string, bytes: number) {
        heads.push(id);
        if (id.endsWith('gone.txt')) throw new Error(`EACCES: ${id}`);
        return ws.files.get(id)!.subarray(0, bytes);
      },
    });
    const log: string[] = [];
    const corpus = new Corpus(syncHeads, { roots: [ROOT] });
    await corpus.scan(undefined, (m) => log.push(m));
    assert.deepEqual(heads.map((id) => id.slice(ROOT.length + 1)).sort(), Object.keys(files).sort());
    assert.deepEqual(ids(corpus), ['c/000.txt', 'c/001.txt', 'c/002.txt']);
    assert.ok(log.some((m) => m.includes('Skipped') && m.includes('gone.txt')), log.join('\n'));
    // The same corpus as the promise reads give.
    const { corpus: plain } = await scanned(Object.fromEntries(Object.entries(files).filter(([k]) => !k.endsWith('gone.txt'))));
    assert.deepEqual(ids(corpus), ids(plain));
  });

  it('with a synchronous read, it keeps a fingerprint and reads the file again when asked', async () => {
    const files: Record<string, string | Uint8Array> = {};
    for (let i = 0; i < 300; i++) files[`a/${String(i).padStart(3, '0')}.txt`] = [CHAT, `\uFEFF${CHAT_NEXT}`, ARTICLE.replace(/\n/g, '\r\n')][i % 3]!;
    const ws = new MemoryWorkspace(files);
    let reads = 0;
    const rereading: Workspace = Object.assign(Object.create(ws) as MemoryWorkspace, {
      readFileNow(id: string) {
        reads++;
        const bytes = ws.files.get(id);
        if (!bytes) throw new Error(`ENOENT: ${id}`);
        return bytes;
      },
    });
    const corpus = new Corpus(rereading, { roots: [ROOT] });
    await corpus.scan();
    for (const e of corpus.all()) assert.deepEqual(e.analysis.chunk, analyzeBytes(e.id, ws.files.get(e.id)!).chunk, e.id);
    // Read again, not kept: more files than the parsed cache holds were each read once.
    assert.equal(reads, 300);
    // Changed behind the corpus's back (no file event yet): no chunk rather than the wrong text.
    const changed = `${ROOT}/a/299.txt`;
    ws.write(changed, CHAT.replace('Pour ceux', 'Pour celles'));
    ws.write(`${ROOT}/a/298.txt`, new Uint8Array(0));
    ws.files.delete(`${ROOT}/a/297.txt`);
    const fresh = new Corpus(rereading, { roots: [ROOT] });
    await fresh.scan();
    ws.write(`${ROOT}/a/000.txt`, CHAT.replace('Pour ceux', 'Pour celles'));
    assert.equal(fresh.get(`${ROOT}/a/000.txt`)!.analysis.chunk, undefined);
    assert.ok(fresh.get(changed)!.analysis.chunk, 'the version scanned is read back');
    assert.equal(fresh.get(`${ROOT}/a/297.txt`), undefined);
  });
});

describe('updates', () => {
  it('update() that adds the first header chunk to a folder reports its siblings as changed', async () => {
    const { corpus } = await scanned({ 'c/002.txt': ARTICLE, 'c/003.txt': ARTICLE, 'd/004.txt': ARTICLE });
    assert.deepEqual(ids(corpus), []);
    const id = `${ROOT}/c/000.txt`;
    const changed = corpus.update(id, CHAT, false);
    assert.deepEqual(changed.filter((x) => x !== id).sort(), [`${ROOT}/c/002.txt`, `${ROOT}/c/003.txt`]);
    await corpus.refresh(changed.filter((x) => x !== id));
    assert.deepEqual(ids(corpus), ['c/000.txt', 'c/002.txt', 'c/003.txt']);
  });

  it('update() that turns a file into a header chunk (an edit) does the same', async () => {
    const { corpus } = await scanned({ 'c/000.txt': ARTICLE, 'c/002.txt': ARTICLE });
    const id = `${ROOT}/c/000.txt`;
    const changed = corpus.update(id, CHAT, true);
    assert.ok(changed.includes(`${ROOT}/c/002.txt`));
    await corpus.refresh(changed.filter((x) => x !== id));
    assert.deepEqual(ids(corpus), ['c/000.txt', 'c/002.txt']);
  });

  it('remove() of the last header chunk turns the siblings back into plain files', async () => {
    const { corpus } = await scanned({ 'c/000.txt': CHAT, 'c/001.txt': CHAT_NEXT, 'c/002.txt': ARTICLE });
    assert.deepEqual(ids(corpus), ['c/000.txt', 'c/001.txt', 'c/002.txt']);
    const first = corpus.remove(`${ROOT}/c/000.txt`);
    assert.ok(!first.includes(`${ROOT}/c/002.txt`), 'another header chunk is left: nothing changes for the article');
    assert.deepEqual(ids(corpus), ['c/001.txt', 'c/002.txt']);
    const last = corpus.remove(`${ROOT}/c/001.txt`);
    assert.ok(last.includes(`${ROOT}/c/002.txt`));
    await corpus.refresh(last.filter((x) => x !== `${ROOT}/c/001.txt`));
    assert.deepEqual(ids(corpus), []);
  });

  it('an edit that removes the header is a remove of a header chunk for the folder', async () => {
    const { corpus } = await scanned({ 'c/000.txt': CHAT, 'c/002.txt': ARTICLE });
    const id = `${ROOT}/c/000.txt`;
    const changed = corpus.update(id, ARTICLE, false);
    await corpus.refresh(changed.filter((x) => x !== id));
    assert.deepEqual(ids(corpus), []);
  });
});

// The property: the incremental corpus equals a fresh scan of the final files.

const NAMES = ['a/000.txt', 'a/001.txt', 'a/002.txt', 'a/sub/003.txt', 'b/x.txt', 'b/y.chunk', 'c/z.chunk.txt', 'c/notes.md', 'inc/i.txt', 'node_modules/m/000.txt', 'node_modules/m/k.chunk'];
const TEXTS = [
  CHAT, CHAT_NEXT, ARTICLE, '', `\uFEFF${CHAT.replace(/\n/g, '\r\n')}`, CHAT.replace('MÉTADONNÉES', 'METADONNEES'),
  CHAT.replace('Tokens: 532', 'Tokens: 999'), CHAT_NEXT.split('\n').slice(0, 10).join('\n'), ARTICLE.split('\n').slice(0, 5).join('\n'), '=== MÉTADONNÉES CHUNK ===\nPériode: 22/0',
];
const BYTES = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), new TextEncoder().encode(`${CHAT}\u0000`), Buffer.from('=== MÉTADONNÉES CHUNK ===\nPériode: null\n', 'latin1')];

type Step =
  | { op: 'update'; file: number; text: number }
  | { op: 'disk'; file: number; bytes: number }
  | { op: 'remove'; file: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('update' as const), file: fc.nat(NAMES.length - 1), text: fc.nat(TEXTS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('disk' as const), file: fc.nat(NAMES.length - 1), bytes: fc.nat(BYTES.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), file: fc.nat(NAMES.length - 1) }) },
);

/** Each step as the server reacts to it: the core call, then a refresh of what it reports changed. */
async function apply(ws: MemoryWorkspace, corpus: Corpus, s: Step): Promise<void> {
  const id = `${ROOT}/${NAMES[s.file]}`;
  let changed: string[];
  if (s.op === 'update') {
    // A file written on disk (an open buffer is the corpus's to keep until it is closed, and a
    // fresh scan of the disk does not see it, so buffers are the incremental index test's business).
    ws.write(id, TEXTS[s.text]!);
    changed = corpus.update(id, TEXTS[s.text]!, false);
  } else if (s.op === 'disk') {
    ws.write(id, BYTES[s.bytes]!);
    changed = corpus.markFromDisk(id, BYTES[s.bytes]!);
  } else {
    ws.files.delete(id);
    changed = corpus.remove(id);
  }
  await corpus.refresh(changed.filter((x) => x !== id));
}

const OPTIONS = { roots: [ROOT], include: ['inc'] };

async function state(corpus: Corpus): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const e of [...corpus.all()].sort((a, b) => a.id.localeCompare(b.id))) {
    out[e.id] = corpus.findings(e.id).map((f) => `${f.code} ${f.severity} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`);
  }
  return out;
}

describe('incremental corpus equals a fresh scan', () => {
  it('after any sequence of update / remove / changes on disk', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.nat(TEXTS.length - 1), { nil: undefined }), { minLength: NAMES.length, maxLength: NAMES.length }), fc.array(step, { maxLength: 20 }), async (initial, steps) => {
        const ws = new MemoryWorkspace();
        NAMES.forEach((n, i) => initial[i] !== undefined && ws.write(`${ROOT}/${n}`, TEXTS[initial[i]!]!));
        const corpus = new Corpus(ws, OPTIONS);
        await corpus.scan();
        const countAll = (c: Corpus) => [...c.all()].reduce((n, e) => n + c.findings(e.id).length, 0);
        for (const s of steps) {
          await apply(ws, corpus, s);
          // The kept count follows every change (it is cached between changes).
          assert.equal(corpus.findingCount(), countAll(corpus));
        }
        const fresh = new Corpus(ws, OPTIONS);
        await fresh.scan();
        assert.deepEqual(await state(corpus), await state(fresh));
      }),
      { numRuns: 100, seed: 20250122 },
    );
  });
});
