// The users' own files: the five seeds (from ../shared when present) and samples/ (in the repo).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { Corpus, formatPeriod, type Workspace } from '../../server/src/core';

const ROOT = resolve(__dirname, '..', '..');
const CURATION = /^(pii-|artifact-|boilerplate$|mojibake$|invisible-char$|token-budget$)/;
const folders = [resolve(ROOT, '..', 'shared', 'corpus', 'seeds'), join(ROOT, 'samples')].filter(existsSync);

function memory(dir: string): Workspace {
  const files = new Map(readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => [`/c/${f}`, readFileSync(join(dir, f))]));
  return { readFile: async (id) => files.get(id)!, listFiles: async () => [...files.keys()] };
}

for (const dir of folders) {
  describe(`seed corpus in ${dir.endsWith('samples') ? 'samples/' : 'shared/corpus/seeds'}`, () => {
    it('gives both chat chunks exactly period-mismatch (line 2) and participants-mismatch (line 3), and the articles no header finding', async () => {
      const corpus = new Corpus(memory(dir), { roots: ['/c'] });
      await corpus.scan();
      assert.equal(corpus.size, 5);
      for (const e of corpus.all()) {
        // The header contract's findings; the curation codes (issue 6) have their own tests.
        const own = e.analysis.findings.filter((f) => !CURATION.test(f.code)).map((f) => `${f.code}@${f.range.start.line}`);
        if (/\/00[01]_/.test(e.id)) assert.deepEqual(own, ['period-mismatch@1', 'participants-mismatch@2'], e.id);
        else assert.deepEqual(own, [], e.id);
        assert.equal(e.analysis.chunk!.kind, /\/00[01]_/.test(e.id) ? 'chat' : 'article');
      }
    });

    it('recomputes the header the producer would have written from an Android export', async () => {
      const corpus = new Corpus(memory(dir), { roots: ['/c'] });
      await corpus.scan();
      const d0 = corpus.get('/c/000_06819fdf042cc0f1.txt')!.analysis.derived!;
      assert.deepEqual([d0.tokens, d0.messages, d0.whatsappMessages, formatPeriod(d0.period)], [532, 10, 1, '22/01/2025 → 22/01/2025']);
      assert.equal(d0.participants.length, 1);
      assert.match(d0.participants[0]!, /^\+33 6 \d\d \d\d \d\d \d\d$/);
      const d1 = corpus.get('/c/001_e9a7ada696306544.txt')!.analysis.derived!;
      assert.deepEqual([d1.tokens, d1.messages, d1.whatsappMessages, formatPeriod(d1.period)], [521, 11, 3, '22/01/2025 → 22/01/2025']);
      assert.equal(d1.participants[0], 'Rochane');
      assert.equal(d1.participants.length, 2);
    });

    it('recognises the designed overlap of 001 with 000', async () => {
      const corpus = new Corpus(memory(dir), { roots: ['/c'] });
      await corpus.scan();
      const overlap = corpus.findings('/c/001_e9a7ada696306544.txt').filter((f) => f.code === 'overlap');
      assert.equal(overlap.length, 1);
      assert.equal(overlap[0]!.related![0]!.uri, '/c/000_06819fdf042cc0f1.txt');
    });
  });
}
