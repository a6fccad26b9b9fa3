// Rule fixtures: test/fixtures/rules/<code>/<case>.chunk, with <case>.expected.json listing ALL
// findings of the input (so a fixture also proves that nothing else fires) and, where a fix
// applies, <case>.fixed.chunk = the text after the fix named in "applyFix".
// CHUNK_REVIEW_UPDATE_FIXTURES=1 writes the expected files: review them before committing.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText, type Finding, type TextEdit } from '../../server/src/core';

const ROOT = resolve(__dirname, '..', 'fixtures', 'rules');
const UPDATE = process.env.CHUNK_REVIEW_UPDATE_FIXTURES === '1';

interface Expected {
  findings: { code: string; severity: string; line: number; character: number; endLine: number; endCharacter: number; message: string }[];
  applyFix?: string;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const summarize = (f: Finding) => ({ code: f.code, severity: f.severity, line: f.range.start.line, character: f.range.start.character, endLine: f.range.end.line, endCharacter: f.range.end.character, message: f.message });

for (const code of readdirSync(ROOT).sort()) {
  describe(`rule ${code}`, () => {
    for (const file of readdirSync(join(ROOT, code)).filter((f) => f.endsWith('.chunk') && !f.endsWith('.fixed.chunk')).sort()) {
      const name = file.slice(0, -'.chunk'.length);
      it(name, () => {
        const input = readFileSync(join(ROOT, code, file), 'utf8');
        const findings = analyzeText(`file:///fixtures/${code}/${file}`, input).findings;
        const expectedFile = join(ROOT, code, `${name}.expected.json`);
        const fixedFile = join(ROOT, code, `${name}.fixed.chunk`);
        if (UPDATE) {
          const old: Partial<Expected> = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : {};
          const fixTitle = old.applyFix ?? findings.find((f) => f.code === code)?.fixes?.[0]?.title;
          writeFileSync(expectedFile, `${JSON.stringify({ findings: findings.map(summarize), ...(fixTitle ? { applyFix: fixTitle } : {}) }, null, 2)}\n`);
          if (fixTitle) {
            const fix = findings.flatMap((f) => f.fixes ?? []).find((x) => x.title === fixTitle)!;
            writeFileSync(fixedFile, applyEdits(input, fix.edits));
          }
          return;
        }
        const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected;
        assert.deepEqual(findings.map(summarize), expected.findings);
        if (expected.applyFix) {
          const fix = findings.flatMap((f) => f.fixes ?? []).find((x) => x.title === expected.applyFix);
          assert.ok(fix, `no fix titled "${expected.applyFix}"`);
          assert.equal(applyEdits(input, fix.edits), readFileSync(fixedFile, 'utf8'));
          // A fix resolves its own finding.
          const after = analyzeText('x', applyEdits(input, fix.edits)).findings.filter((f) => f.code === code);
          assert.ok(after.length < findings.filter((f) => f.code === code).length, `${expected.applyFix} leaves the ${code} finding`);
        }
      });
    }
  });
}
