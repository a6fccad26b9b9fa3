// Rule fixtures: test/fixtures/rules/<code>/<case>.txt is an input, <case>.expected.json lists
// ALL its findings (so a fixture also proves that nothing else fires), and where an entry has
// "applyFix", <case>.fixed.txt is the text after applying that finding's fix of that title.
// The fixtures cover the header contract's eleven codes; the other rules (curation) are switched
// off here, so their findings neither pollute nor hide these.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { allRuleInfo, analyzeBytes, applyTextEdits, RULES, type AnalysisOptions, type Finding, type TextEdit } from '../../server/src/core';
import { fixtureCases, type ExpectedFinding } from './fixture-cases';

const ROOT = resolve(__dirname, '..', 'fixtures', 'rules');

const show = (f: Finding) => `${f.code} ${f.severity} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`;
const showExpected = (e: ExpectedFinding) => `${e.code} ${e.severity} ${e.line}:${e.character}-${e.endLine}:${e.endCharacter} …${e.messageIncludes}…`;

function matches(f: Finding, e: ExpectedFinding): boolean {
  return f.code === e.code && f.severity === e.severity && f.range.start.line === e.line && f.range.start.character === e.character
    && f.range.end.line === e.endLine && f.range.end.character === e.endCharacter && f.message.includes(e.messageIncludes);
}

/** Pairs every expected finding with one actual finding; fails listing what is left on either side. */
function pair(actual: readonly Finding[], expected: readonly ExpectedFinding[]): Map<ExpectedFinding, Finding> {
  const left = [...actual];
  const pairs = new Map<ExpectedFinding, Finding>();
  const missing: ExpectedFinding[] = [];
  for (const e of expected) {
    const i = left.findIndex((f) => matches(f, e));
    if (i < 0) missing.push(e);
    else pairs.set(e, left.splice(i, 1)[0]!);
  }
  if (missing.length || left.length) {
    assert.fail(`findings differ\n  expected but not found:\n${missing.map((e) => `    ${showExpected(e)}`).join('\n') || '    -'}\n  found but not expected:\n${left.map((f) => `    ${show(f)}`).join('\n') || '    -'}`);
  }
  return pairs;
}

const folders = readdirSync(ROOT).filter((f) => statSync(join(ROOT, f)).isDirectory()).sort();
/** The header contract: what a chunk's header and its readability can be found wrong with. */
const CONTRACT = [
  'header-marker', 'header-field-missing', 'header-field-unknown', 'header-field-duplicate', 'header-value-invalid',
  'period-mismatch', 'participants-mismatch', 'tokens-mismatch', 'messages-mismatch', 'content-empty', 'file-unreadable',
].sort();
const CONTRACT_ONLY: AnalysisOptions = { severity: Object.fromEntries(RULES.filter((r) => !CONTRACT.includes(r.code)).map((r) => [r.code, 'off' as const])) };
const analyse = (id: string, bytes: Uint8Array) => analyzeBytes(id, bytes, CONTRACT_ONLY);

describe('rule fixtures', () => {
  it('have one folder per code of the header contract, and no other folder', () => {
    assert.deepEqual(folders, CONTRACT);
    const known = allRuleInfo().map((r) => r.code);
    for (const code of CONTRACT) assert.ok(known.includes(code), `${code} is not a rule`);
  });

  for (const code of folders) {
    it(`${code}: every case has its expected findings, at least one case finds ${code} and one does not`, () => {
      const names = fixtureCases(ROOT, code);
      for (const file of readdirSync(join(ROOT, code))) {
        const name = file.replace(/(\.expected\.json|\.fixed\.txt|\.txt)$/, '');
        assert.ok(names.includes(name), `${code}/${file} has no input ${name}.txt`);
      }
      const found = names.map((n) => (JSON.parse(readFileSync(join(ROOT, code, `${n}.expected.json`), 'utf8')) as ExpectedFinding[]).some((e) => e.code === code));
      assert.ok(found.includes(true), `no positive case for ${code}`);
      assert.ok(found.includes(false), `no negative case for ${code}`);
    });
  }
});

for (const code of folders) {
  describe(`rule ${code}`, () => {
    for (const name of fixtureCases(ROOT, code)) {
      it(name, () => {
        const bytes = readFileSync(join(ROOT, code, `${name}.txt`));
        const analysis = analyse(`file:///fixtures/${code}/${name}.txt`, bytes);
        assert.deepEqual(analysis.errors, []);
        const expected = JSON.parse(readFileSync(join(ROOT, code, `${name}.expected.json`), 'utf8')) as ExpectedFinding[];
        const pairs = pair(analysis.findings, expected);

        // Wherever it is offered, recomputing the header edits the header lines only.
        for (const fix of analysis.findings.flatMap((f) => f.fixes ?? []).filter((x) => x.title === 'Recompute header from content')) {
          for (const edit of fix.edits) assert.ok(edit.range.end.line < analysis.chunk!.contentStartLine, `an edit reaches line ${edit.range.end.line}, in the content`);
        }

        const withFix = expected.filter((e) => e.applyFix !== undefined);
        const fixedFile = join(ROOT, code, `${name}.fixed.txt`);
        assert.ok(withFix.length <= 1, 'one applyFix per case');
        assert.equal(existsSync(fixedFile), withFix.length === 1, `${name}.fixed.txt goes with exactly one "applyFix"`);
        if (withFix.length === 0) return;

        const e = withFix[0]!;
        const fix = pairs.get(e)!.fixes?.find((x) => x.title === e.applyFix);
        assert.ok(fix, `the ${e.code} finding has no fix titled "${e.applyFix}"; it has: ${pairs.get(e)!.fixes?.map((x) => x.title).join(' | ')}`);
        const input = bytes.toString('utf8');
        const fixed = applyTextEdits(input, fix.edits);
        assert.equal(fixed, readFileSync(fixedFile, 'utf8'));

        // The fix resolves its finding and brings no new kind of finding (others may move).
        const count = (fs: readonly Finding[]) => fs.reduce((m, f) => m.set(f.code, (m.get(f.code) ?? 0) + 1), new Map<string, number>());
        const before = count(analysis.findings);
        const after = count(analyse('x', Buffer.from(fixed)).findings);
        assert.ok((after.get(e.code) ?? 0) < before.get(e.code)!, `after "${e.applyFix}" the ${e.code} finding is still there`);
        for (const [c, n] of after) assert.ok(n <= (before.get(c) ?? 0), `"${e.applyFix}" brings a new ${c} finding`);

        // Recomputing the header rewrites the header lines only.
        if (e.applyFix === 'Recompute header from content') {
          const contentStart = analysis.chunk!.contentStartLine;
          const tail = (t: string, from: number) => t.split('\n').slice(from).join('\n');
          const newStart = analyse('x', Buffer.from(fixed)).chunk!.contentStartLine;
          assert.equal(tail(fixed, newStart), tail(input, contentStart));
        }

        // The same fix on the CRLF copy gives the CRLF copy of the result.
        const crlf = input.replace(/\n/g, '\r\n');
        const crlfFix = analyse('x', Buffer.from(crlf)).findings.flatMap((f) => f.code === e.code ? f.fixes ?? [] : []).find((x) => x.title === e.applyFix);
        assert.ok(crlfFix);
        assert.equal(applyTextEdits(crlf, crlfFix.edits), fixed.replace(/\n/g, '\r\n'));
      });
    }
  });
}

describe('applyTextEdits (the helper the fixtures rely on)', () => {
  it('reads LSP positions: UTF-16 characters, any line break, BOM not counted, edits from the end', () => {
    const edit = (l: number, c: number, l2: number, c2: number, newText: string): TextEdit => ({ range: { start: { line: l, character: c }, end: { line: l2, character: c2 } }, newText });
    assert.equal(applyTextEdits('💸a\nb', [edit(0, 2, 0, 3, 'A')]), '💸A\nb');
    assert.equal(applyTextEdits('a\r\nb\rc', [edit(1, 0, 1, 1, 'B'), edit(2, 0, 2, 1, 'C')]), 'a\r\nB\rC');
    assert.equal(applyTextEdits('\uFEFFab', [edit(0, 0, 0, 1, 'A')]), '\uFEFFAb');
    assert.equal(applyTextEdits('ab\ncd', [edit(0, 9, 1, 0, '')]), 'abcd');
  });
});
