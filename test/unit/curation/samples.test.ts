// Issue 6's "done when", on the samples: what is flagged, what is not, and Fix All then undo.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits, Corpus, planFixAll, Pseudonyms, textAt, type Finding, type Range } from '../../../server/src/core';
import { CURATION_CODES, inverse, samplesWorkspace } from './util';

async function samples() {
  const { workspace, files } = samplesWorkspace();
  const corpus = new Corpus(workspace, { roots: ['/c'] });
  await corpus.scan();
  const id = (prefix: string) => [...files.keys()].find((k) => k.startsWith(`/c/${prefix}`))!;
  return { corpus, files, id, of: (prefix: string, code: string) => corpus.findings(id(prefix)).filter((f) => f.code === code) };
}

/** Lines whose text a range covers (a range ending at column 0 does not cover that line). */
function coveredLines(r: Range): number[] {
  const last = r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
  return Array.from({ length: last - r.start.line + 1 }, (_, i) => r.start.line + i);
}

const blockLines = (fs: readonly Finding[]) => fs.filter((f) => f.range.start.character === 0).flatMap((f) => coveredLines(f.range));

describe('curation on the samples', () => {
  it('flags the sender phone numbers and the mention, hashtag# in 000 and the edited marker in 001', async () => {
    const { of } = await samples();
    assert.deepEqual(of('000', 'pii-phone').map((f) => f.range.start.line), [8]);
    assert.deepEqual(of('001', 'pii-phone').map((f) => f.range.start.line), [17]);
    assert.deepEqual(of('001', 'pii-mention').map((f) => [f.range.start.line, f.range.start.character]), [[13, 37]]);
    assert.equal(of('000', 'artifact-hashtag').length, 18);
    assert.deepEqual(of('001', 'artifact-edited').map((f) => f.range.start.line), [18]);
  });

  it('in 003 flags the banner, the widgets and the whole language menu, and none of the paragraphs', async () => {
    const { corpus, id, of } = await samples();
    const chunk = corpus.get(id('003'))!.analysis.chunk!;
    const flagged = blockLines(of('003', 'boilerplate'));
    // Banner 0–3; the summary placeholder 7–8; "Voir l'original", the disclaimer, the widgets, the second banner and the language menu 42–69.
    assert.deepEqual(flagged, [0, 1, 2, 3, 7, 8, ...Array.from({ length: 69 - 42 + 1 }, (_, i) => 42 + i)]);
    for (const l of ['0/400', 'Aucun commentaire', 'English', 'Bahasa Indonesia', 'Português (Brasil)', 'Scan pour télécharger Gate app']) {
      assert.ok(flagged.some((x) => chunk.lines[x]!.trim().endsWith(l)), l);
    }
    for (let l = 0; l < chunk.lines.length; l++) {
      const words = chunk.lines[l]!.split(/\s+/).length;
      if (words >= 12 && !/^Cette page peut inclure/.test(chunk.lines[l]!)) assert.ok(!flagged.includes(l), `paragraph on line ${l + 1} flagged`);
    }
  });

  it('in 002 flags the share block and the affiliate line, tweet residue inside its lines, and no paragraph', async () => {
    const { corpus, id, of } = await samples();
    const chunk = corpus.get(id('002'))!.analysis.chunk!;
    const fs = of('002', 'boilerplate');
    const lines = blockLines(fs);
    assert.deepEqual(lines.filter((l) => chunk.lines[l]!.trim() !== '').map((l) => chunk.lines[l]!.slice(0, 20)), ["Partager l'article :", 'LinkedIn', 'Notre blog est alime']);
    const residue = fs.filter((f) => f.range.start.character > 0);
    assert.deepEqual(residue.map((f) => textAt(chunk, f.range).trim()), ['— OpenAI (@OpenAI) January 21, 2025', 'pic.twitter.com/vpLSO9WlUs — Tsarathustra (@tsarnick) January 21, 2025']);
    for (const f of residue) assert.equal(f.range.end.character, chunk.lines[f.range.end.line]!.length, 'residue is the end of its line only');
  });

  it('gives every sample a token-budget finding (532, 521, 1159, 1019, 737 > 500) with the o200k count', async () => {
    const { of } = await samples();
    const got = ['000', '001', '002', '003', '004'].map((p) => of(p, 'token-budget')[0]?.message.match(/: (\d+) tokens by the producer's estimate.*?, (\d+) by the o200k/)?.slice(1).map(Number));
    assert.deepEqual(got.map((g) => g?.[0]), [532, 521, 1159, 1019, 737]);
    for (const g of got) assert.ok(g![1]! > 0);
  });

  it('fix-all over every curation code touches only flagged spans, pseudonymises consistently, and undo restores every byte', async () => {
    const { corpus, files } = await samples();
    const inputs = [...corpus.all()].map((e) => ({ id: e.id, chunk: e.analysis.chunk!, findings: corpus.findings(e.id) }));
    const plan = planFixAll(inputs, new Set(CURATION_CODES), new Pseudonyms());
    assert.equal(plan.files.size, 5);
    for (const { id, chunk, findings } of inputs) {
      const original = files.get(id)!.toString('utf8');
      const edits = plan.files.get(id)!;
      // Each edit lies inside a finding of its code.
      for (const e of edits) {
        assert.ok(findings.some((f) => f.code === e.code && cmp(f.range.start, e.range.start) <= 0 && cmp(e.range.end, f.range.end) <= 0), `${id}: edit outside a ${e.code} finding`);
      }
      const { fixed, undo } = inverse(original, edits);
      // Every line that no finding of a fixed code touches is still there, in order.
      const flagged = new Set(findings.filter((f) => CURATION_CODES.includes(f.code)).flatMap((f) => coveredLines(f.range).concat(f.range.end.line)));
      const out = fixed.split('\n');
      let j = 0;
      for (let l = 0; l < chunk.lines.length; l++) {
        if (flagged.has(l)) continue;
        while (j < out.length && out[j] !== chunk.lines[l]) j++;
        assert.ok(j < out.length, `${id}: untouched line ${l + 1} is missing after the fix`);
        j++;
      }
      assert.equal(applyTextEdits(fixed, undo), original, `${id}: undo does not restore the bytes`);
      assert.deepEqual(Buffer.from(applyTextEdits(fixed, undo), 'utf8'), files.get(id));
    }
    const all = [...plan.files.keys()].map((id) => applyTextEdits(files.get(id)!.toString('utf8'), plan.files.get(id)!)).join('\n');
    assert.ok(!/\+33 6 39 98 00 0\d|@3363998000\d/.test(all), 'no phone number is left');
    assert.match(all, /14:26 - \[TEL_1\]:/);
    assert.match(all, /Merci à @\[TEL_2\]/);
    assert.match(all, /18:47 - \[TEL_3\]:/);
    assert.ok(!all.includes('hashtag#') && !all.includes('<Ce message a été modifié>') && !all.includes('0/400'));
  });
});

function cmp(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}
