// The users' own files: the five seeds (../shared/corpus/seeds beside the repo; where that is
// absent, samples/ stands in) and samples/ (the seeds with fictitious phone numbers, in the
// repo). The seeds' real numbers are never written here: they are read back through the
// substitution table of samples/README.md. The findings checked are the header contract's (one
// fixture folder per code in test/fixtures/rules); the curation rules are off here.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeBytes as analyzeAll, Corpus, formatPeriod, RULES, type Analysis, type AnalysisOptions, type Workspace } from '../../server/src/core';

const ROOT = resolve(__dirname, '..', '..');
const SAMPLES = join(ROOT, 'samples');
const SHARED_SEEDS = resolve(ROOT, '..', 'shared', 'corpus', 'seeds');
const SEEDS = existsSync(SHARED_SEEDS) ? SHARED_SEEDS : SAMPLES;

const FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');
const CONTRACT = readdirSync(FIXTURES).filter((d) => statSync(join(FIXTURES, d)).isDirectory());
const CONTRACT_ONLY: AnalysisOptions = { severity: Object.fromEntries(RULES.filter((r) => !CONTRACT.includes(r.code)).map((r) => [r.code, 'off' as const])) };
const analyzeBytes = (id: string, bytes: Uint8Array) => analyzeAll(id, bytes, CONTRACT_ONLY);

/** sample value → seed value, from the README's table (`| sender `seed` | `sample` |`). */
const sampleToSeed = new Map<string, string>();
for (const m of readFileSync(join(SAMPLES, 'README.md'), 'utf8').matchAll(/^\| \w+ `([^`]+)` \| `([^`]+)` \|$/gm)) {
  sampleToSeed.set(m[2]!, m[1]!);
}
/** A text written with the samples' numbers, as it reads in the files of `dir`. */
const numbersOf = (dir: string) => (s: string) => (dir === SAMPLES ? s : [...sampleToSeed].reduce((t, [sample, seed]) => t.split(sample).join(seed), s));

const CHAT = ['000_06819fdf042cc0f1.txt', '001_e9a7ada696306544.txt'];
const ARTICLES = ['002_ca120742179b46cf.txt', '003_2fb0a89cc24e84ab.txt', '004_2d39a1a82d06be46.txt'];

/** What the producer's rules give for each chat chunk, written with the samples' numbers. */
const DERIVED: Record<string, { tokens: number; messages: number; whatsappMessages: number; period: string; participants: string[] }> = {
  '000_06819fdf042cc0f1.txt': { tokens: 532, messages: 10, whatsappMessages: 1, period: '22/01/2025 → 22/01/2025', participants: ['+33 6 39 98 00 01'] },
  '001_e9a7ada696306544.txt': { tokens: 521, messages: 11, whatsappMessages: 3, period: '22/01/2025 → 22/01/2025', participants: ['Rochane', '+33 6 39 98 00 02'] },
};

const at = (a: Analysis) => a.findings.map((f) => `${f.code}@${f.range.start.line}`);

function memory(dir: string): Workspace {
  const files = new Map(readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => [`mem:/corpus/${f}`, readFileSync(join(dir, f))]));
  return { readFile: async (id) => files.get(id)!, listFiles: async () => [...files.keys()] };
}

it('the samples’ README maps the three phone numbers', () => {
  assert.equal(sampleToSeed.size, 3);
});

for (const [label, dir] of [[SEEDS === SAMPLES ? 'seeds (samples/ standing in: ../shared/corpus/seeds is absent)' : 'seeds', SEEDS], ['samples', SAMPLES]] as const) {
  describe(label, () => {
    const toSeed = numbersOf(dir);
    const analyse = (f: string) => analyzeBytes(`mem:/corpus/${f}`, readFileSync(join(dir, f)));

    it('holds the five files', () => {
      assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.txt')).sort(), [...CHAT, ...ARTICLES]);
    });

    for (const f of CHAT) {
      it(`${f}: exactly period-mismatch on line 1 and participants-mismatch on line 2`, () => {
        const a = analyse(f);
        assert.deepEqual(a.errors, []);
        assert.deepEqual(at(a), ['period-mismatch@1', 'participants-mismatch@2']);
        const d = DERIVED[f]!;
        const period = a.findings[0]!;
        assert.equal(period.message, `Période says null → null but the content runs from 22/01/2025 to 22/01/2025 (${d.whatsappMessages} dated message${d.whatsappMessages === 1 ? '' : 's'}).`);
        assert.deepEqual(period.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 20 } });
        const participants = a.findings[1]!;
        for (const p of d.participants) assert.ok(participants.message.includes(`"${toSeed(p)}"`), participants.message);
        assert.match(participants.message, d.participants.length === 1 ? /missing sender "/ : /missing senders "/);
      });

      it(`${f}: the producer's values recomputed from the Android export`, () => {
        const { derived, chunk } = analyse(f);
        const d = DERIVED[f]!;
        assert.equal(chunk!.kind, 'chat');
        assert.ok(chunk!.messages.every((m) => m.form === 'android'));
        assert.deepEqual(
          { tokens: derived!.tokens, messages: derived!.messages, whatsappMessages: derived!.whatsappMessages, period: formatPeriod(derived!.period), participants: derived!.participants },
          { ...d, participants: d.participants.map(toSeed) },
        );
      });

      it(`${f}: "Recompute header from content" rewrites the header lines only, and leaves nothing to find`, () => {
        const text = readFileSync(join(dir, f), 'utf8');
        const a = analyse(f);
        const fix = a.findings[0]!.fixes!.find((x) => x.title === 'Recompute header from content')!;
        assert.equal(fix.edits.length, 1);
        const { range, newText } = fix.edits[0]!;
        assert.deepEqual(range.start, { line: 0, character: 0 });
        assert.equal(range.end.line, 7, 'up to the content marker');
        const lines = text.split('\n');
        const fixed = [...newText.split('\n'), ...lines.slice(8)].join('\n');
        const d = DERIVED[f]!;
        assert.deepEqual(newText.split('\n'), [
          '=== MÉTADONNÉES CHUNK ===',
          `Période: ${d.period}`,
          `Participants: ${d.participants.map(toSeed).join(', ')}`,
          'Topics: ',
          `Tokens: ${d.tokens}`,
          `Messages: ${d.messages}`,
          '',
          '=== CONTENU ===',
        ]);
        assert.deepEqual(analyzeBytes('x', Buffer.from(fixed)).findings, []);
      });
    }

    for (const f of ARTICLES) {
      it(`${f}: an article, and no finding at all`, () => {
        const a = analyse(f);
        assert.equal(a.chunk!.kind, 'article');
        assert.equal(a.chunk!.header, undefined);
        assert.deepEqual(a.findings, []);
      });
    }

    it('as a corpus: the five are chunks, and only 001 adds the designed overlap with 000', async () => {
      const corpus = new Corpus(memory(dir), { roots: ['mem:/corpus'], ...CONTRACT_ONLY });
      await corpus.scan();
      assert.equal(corpus.size, 5);
      const codes = (f: string) => corpus.findings(`mem:/corpus/${f}`).map((x) => `${x.code}@${x.range.start.line}`);
      assert.deepEqual(codes(CHAT[0]!), ['period-mismatch@1', 'participants-mismatch@2']);
      assert.deepEqual(codes(CHAT[1]!), ['period-mismatch@1', 'participants-mismatch@2', 'overlap@8']);
      for (const f of ARTICLES) assert.deepEqual(codes(f), [], f);
    });
  });
}

it('the seeds and the samples give the same findings, but for the phone numbers', () => {
  for (const f of [...CHAT, ...ARTICLES]) {
    const show = (dir: string) => analyzeBytes(f, readFileSync(join(dir, f))).findings.map((x) => `${x.code} ${JSON.stringify(x.range)} ${x.message}`);
    assert.deepEqual(show(SEEDS), show(SAMPLES).map(numbersOf(SEEDS)), f);
  }
});
