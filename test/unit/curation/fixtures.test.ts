// Curation rule fixtures: test/fixtures/curation/<code>/<case>.txt is an input; <case>.expected.json
// lists ALL its curation findings (so a negative case proves nothing fires on real prose), and
// the entry with "applyFix" names the fix whose result is <case>.fixed.txt.
// CHUNK_REVIEW_UPDATE_FIXTURES=1 writes the expected files from the current output: review them.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText, applyTextEdits, rangeContains, textAt, type Finding } from '../../../server/src/core';
import { CURATION_CODES } from './util';
import { fixtureCases, type ExpectedFinding } from '../fixture-cases';

const ROOT = resolve(__dirname, '..', '..', 'fixtures', 'curation');
const UPDATE = process.env.CHUNK_REVIEW_UPDATE_FIXTURES === '1';

const summary = (f: Finding, text: string, applyFix?: string): ExpectedFinding => ({
  code: f.code, severity: f.severity, line: f.range.start.line, character: f.range.start.character, endLine: f.range.end.line, endCharacter: f.range.end.character,
  messageIncludes: f.message.slice(0, 60),
  ...(text.length <= 80 ? { text } : {}),
  ...(applyFix ? { applyFix } : {}),
});

describe('curation fixtures', () => {
  it('have one folder per curation code, each with a positive and a negative case', () => {
    assert.deepEqual(readdirSync(ROOT).sort(), [...CURATION_CODES].sort());
    for (const code of CURATION_CODES) {
      const found = fixtureCases(ROOT, code).map((n) => (JSON.parse(readFileSync(join(ROOT, code, `${n}.expected.json`), 'utf8')) as ExpectedFinding[]).some((e) => e.code === code));
      assert.ok(found.includes(true), `${code}: no positive case`);
      assert.ok(found.includes(false), `${code}: no negative case`);
    }
  });

  for (const code of CURATION_CODES) {
    describe(code, () => {
      for (const name of fixtureCases(ROOT, code)) {
        it(name, () => {
          const input = readFileSync(join(ROOT, code, `${name}.txt`), 'utf8');
          const analysis = analyzeText(`file:///fixtures/${code}/${name}.txt`, input);
          assert.deepEqual(analysis.errors, []);
          const chunk = analysis.chunk!;
          const found = analysis.findings.filter((f) => CURATION_CODES.includes(f.code));
          const expectedFile = join(ROOT, code, `${name}.expected.json`);
          const fixedFile = join(ROOT, code, `${name}.fixed.txt`);
          if (UPDATE) {
            const target = found.find((f) => f.code === code && f.fixes?.length);
            const title = target?.fixes!.find((x) => x.isPreferred)?.title ?? target?.fixes?.[0]?.title;
            writeFileSync(expectedFile, `${JSON.stringify(found.map((f) => summary(f, textAt(chunk, f.range), f === target ? title : undefined)), null, 2)}\n`);
            if (target && title) writeFileSync(fixedFile, applyTextEdits(input, target.fixes!.find((x) => x.title === title)!.edits));
            else rmSync(fixedFile, { force: true });
          }
          const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as ExpectedFinding[];
          const left = [...found];
          for (const e of expected) {
            const i = left.findIndex((f) => f.code === e.code && f.severity === e.severity && f.range.start.line === e.line && f.range.start.character === e.character
              && f.range.end.line === e.endLine && f.range.end.character === e.endCharacter && f.message.includes(e.messageIncludes));
            assert.ok(i >= 0, `expected but not found: ${JSON.stringify(e)}\nfound: ${left.map((f) => `${f.code} ${JSON.stringify(f.range)}`).join('\n')}`);
            if (e.text !== undefined) assert.equal(textAt(chunk, left[i]!.range), e.text);
            const f = left.splice(i, 1)[0]!;
            // Every fix stays inside its finding.
            for (const fix of f.fixes ?? []) if (!fix.title.startsWith('Rewrite all')) for (const ed of fix.edits) assert.ok(rangeContains(f.range, ed.range), `${fix.title} reaches outside ${f.code}`);
            if (e.applyFix) {
              const fix = f.fixes?.find((x) => x.title === e.applyFix);
              assert.ok(fix, `no fix "${e.applyFix}"; has ${f.fixes?.map((x) => x.title).join(' | ')}`);
              const fixed = applyTextEdits(input, fix.edits);
              assert.equal(fixed, readFileSync(fixedFile, 'utf8'));
              // The fix resolves its finding and brings no new curation finding.
              const after = analyzeText('x', fixed).findings.filter((x) => CURATION_CODES.includes(x.code));
              const n = (fs: readonly Finding[], c: string) => fs.filter((x) => x.code === c).length;
              assert.ok(n(after, e.code) < n(found, e.code), `after "${e.applyFix}" ${e.code} is still there`);
              for (const c of CURATION_CODES) assert.ok(n(after, c) <= n(found, c), `"${e.applyFix}" brings a new ${c}`);
            }
          }
          assert.deepEqual(left.map((f) => `${f.code} ${JSON.stringify(f.range)} ${f.message}`), [], 'found but not expected');
          assert.equal(existsSync(fixedFile), expected.some((e) => e.applyFix), `${name}.fixed.txt goes with an "applyFix"`);
        });
      }
    });
  }
});
