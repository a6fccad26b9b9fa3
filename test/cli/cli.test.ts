import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
/** The curation codes (issue 6) have their own tests (test/cli/fix.test.ts); these check the header contract. */
const CURATION = /^(pii-|artifact-|boilerplate$|mojibake$|invisible-char$|token-budget$)/;

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('chunk-review lint', () => {
  it('prints the JSON shape of the contract with 0-based LSP positions, exit 0 on warnings only', () => {
    const r = run(['lint', '--format', 'json', 'samples']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[] };
    assert.deepEqual(out.files.map((f) => f.path), [
      'samples/000_06819fdf042cc0f1.txt', 'samples/001_e9a7ada696306544.txt', 'samples/002_ca120742179b46cf.txt',
      'samples/003_2fb0a89cc24e84ab.txt', 'samples/004_2d39a1a82d06be46.txt',
    ]);
    const first = out.files[0]!;
    assert.deepEqual(first.diagnostics.map((d) => d.code).filter((c) => !CURATION.test(c)), ['period-mismatch', 'participants-mismatch']);
    assert.deepEqual(Object.keys(first.diagnostics[0]!).sort(), ['code', 'message', 'range', 'severity']);
    assert.deepEqual(first.diagnostics[0]!.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 20 } });
    for (const f of out.files.slice(2)) assert.deepEqual(f.diagnostics.filter((d) => !CURATION.test(d.code)), [], f.path);
  });

  it('exits 1 when a finding has error severity, and a severity override can switch codes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chunk-review-cli-'));
    try {
      writeFileSync(join(dir, 'a.chunk'), '=== MÉTADONNÉES CHUNK ===\nTokens: abc\n');
      const r = run(['lint', dir]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /a\.chunk:2:9: error header-value-invalid: Tokens is not a number/);
      const off = run(['lint', '--severity', 'header-value-invalid=warning', '--severity', 'header-field-missing=off', '--severity', 'header-marker=off', dir]);
      assert.equal(off.code, 0, off.stdout);
      assert.doesNotMatch(off.stdout, /header-field-missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the corpus .chunkreview.json as the editor does, and --severity flags win over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chunk-review-cli-'));
    try {
      writeFileSync(join(dir, '000.txt'), readFileSync(join(ROOT, 'samples', '000_06819fdf042cc0f1.txt')));
      const codes = (args: string[]) => {
        const r = run(['lint', '--format', 'json', ...args, dir]);
        const out = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; severity: string; message: string }[] }[] };
        return out.files[0]!.diagnostics;
      };
      // Without a file: the producer's budget (500) and period-mismatch as a warning.
      assert.ok(codes([]).some((d) => d.code === 'period-mismatch'));
      assert.match(codes([]).find((d) => d.code === 'token-budget')!.message, /500/);
      writeFileSync(join(dir, '.chunkreview.json'), '{ "tokenBudget": 400, "severity": { "period-mismatch": "off" } }\n');
      assert.ok(!codes([]).some((d) => d.code === 'period-mismatch'), 'the file turns period-mismatch off');
      assert.match(codes([]).find((d) => d.code === 'token-budget')!.message, /400/);
      assert.equal(codes(['--severity', 'period-mismatch=error']).find((d) => d.code === 'period-mismatch')?.severity, 'error');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line and no stack trace on usage and I/O errors', () => {
    for (const args of [['lint', 'no-such-path'], ['lint', '--format', 'xml', 'samples'], ['frobnicate'], ['lint']]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr.split('\n')[0]!, /^chunk-review: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(r.stdout, '');
    }
  });

  it('judges a single file by its folder: an article next to a header chunk is a chunk', () => {
    const r = run(['lint', '--format', 'json', 'samples/003_2fb0a89cc24e84ab.txt']);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout).files.length, 1);
    const dir = mkdtempSync(join(tmpdir(), 'chunk-review-cli-'));
    try {
      writeFileSync(join(dir, 'lonely.txt'), readFileSync(join(ROOT, 'samples', '003_2fb0a89cc24e84ab.txt')));
      const lonely = run(['lint', '--format', 'json', join(dir, 'lonely.txt')]);
      assert.equal(JSON.parse(lonely.stdout).files.length, 0);
      assert.match(lonely.stderr, /skipped .*lonely\.txt: not a chunk/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes SARIF 2.1.0 that has the schema required fields, rules with ids and help URIs', () => {
    const r = run(['lint', '--format', 'sarif', 'samples']);
    assert.equal(r.code, 0);
    const sarif = JSON.parse(r.stdout);
    // The required parts of the SARIF 2.1.0 schema that this output uses.
    const schema = {
      type: 'object', required: ['version', 'runs'],
      properties: {
        version: { const: '2.1.0' },
        runs: { type: 'array', minItems: 1, items: {
          type: 'object', required: ['tool', 'results'],
          properties: {
            tool: { type: 'object', required: ['driver'], properties: { driver: { type: 'object', required: ['name', 'rules'], properties: {
              name: { type: 'string' },
              rules: { type: 'array', items: { type: 'object', required: ['id', 'helpUri', 'shortDescription'], properties: { id: { type: 'string' }, helpUri: { type: 'string', format: 'uri' }, shortDescription: { type: 'object', required: ['text'] } } } },
            } } } },
            results: { type: 'array', items: { type: 'object', required: ['ruleId', 'message', 'locations', 'level'], properties: {
              message: { type: 'object', required: ['text'] },
              level: { enum: ['none', 'note', 'warning', 'error'] },
              locations: { type: 'array', minItems: 1, items: { type: 'object', required: ['physicalLocation'], properties: { physicalLocation: { type: 'object', required: ['artifactLocation', 'region'], properties: { region: { type: 'object', required: ['startLine', 'startColumn'], properties: { startLine: { type: 'integer', minimum: 1 }, startColumn: { type: 'integer', minimum: 1 } } } } } } } },
            } } },
          },
        } },
      },
    };
    const ajv = new Ajv({ allErrors: true, validateFormats: false });
    const valid = ajv.validate(schema, sarif);
    assert.ok(valid, JSON.stringify(ajv.errors));
    const rules = sarif.runs[0].tool.driver.rules as { id: string; helpUri: string }[];
    assert.ok(rules.some((x) => x.id === 'period-mismatch' && /^file:.*period-mismatch\.md$/.test(x.helpUri)));
    assert.equal(sarif.runs[0].results.filter((x: { ruleId: string }) => !CURATION.test(x.ruleId)).length, 5);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine, 2);
  });
});
