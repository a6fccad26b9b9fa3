// `chunk-review lint --fix [--codes …]`: writes atomically and says what it changed; without
// --fix it never writes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
const snapshot = (dir: string) => new Map(readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(join(dir, f)).isFile()).map((f) => [f, readFileSync(join(dir, f))]));

describe('chunk-review lint --fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chunk-review-fix-'));
    cpSync(join(ROOT, 'samples'), join(dir, 'samples'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('never writes without --fix', () => {
    const before = snapshot(dir);
    const r = run(['lint', '--format', 'json', 'samples'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(snapshot(dir), before);
  });

  it('fixes the chosen codes, prints each changed file, leaves no temporary file, and a second run changes nothing', () => {
    const r = run(['lint', '--fix', '--codes', 'artifact-hashtag,pii-phone,pii-mention', 'samples'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^fixed samples\/000_06819fdf042cc0f1\.txt: pii-phone ×1, artifact-hashtag ×18$/m);
    assert.match(r.stdout, /^fixed samples\/001_e9a7ada696306544\.txt: artifact-hashtag ×7, pii-mention ×1, pii-phone ×1$/m);
    assert.match(r.stdout, /^fixed samples\/\.chunkreview\/pseudonyms\.json: pseudonym table updated$/m);
    assert.match(r.stdout, /^2 file\(s\) changed, 28 edit\(s\)$/m);
    const files = readdirSync(join(dir, 'samples'));
    assert.ok(!files.some((f) => f.endsWith('.tmp')), files.join());
    const t0 = readFileSync(join(dir, 'samples', '000_06819fdf042cc0f1.txt'), 'utf8');
    assert.ok(t0.includes('14:26 - [TEL_1]:') && !t0.includes('hashtag#'));
    // Untouched codes stay: 001 keeps its edited marker, the articles their boilerplate.
    assert.ok(readFileSync(join(dir, 'samples', '001_e9a7ada696306544.txt'), 'utf8').includes('<Ce message a été modifié>'));
    assert.deepEqual(readFileSync(join(dir, 'samples', '003_2fb0a89cc24e84ab.txt')), readFileSync(join(ROOT, 'samples', '003_2fb0a89cc24e84ab.txt')));
    // The lint that follows no longer sees the fixed codes, and the header says what changed.
    assert.doesNotMatch(r.stdout, /(pii-phone|artifact-hashtag|pii-mention):/);
    assert.match(r.stdout, /000_06819fdf042cc0f1\.txt:5:9: warning tokens-mismatch/);
    const before = snapshot(dir);
    const again = run(['lint', '--fix', '--codes', 'artifact-hashtag,pii-phone,pii-mention', 'samples'], dir);
    assert.match(again.stdout, /^0 file\(s\) changed, 0 edit\(s\)$/m);
    assert.deepEqual(snapshot(dir), before);
  });

  it('defaults to the curation codes, keeps pseudonyms from an existing table, and reports to stderr with --format json', () => {
    run(['lint', '--fix', '--codes', 'pii-mention', 'samples'], dir);
    const r = run(['lint', '--fix', '--format', 'json', 'samples'], dir);
    assert.equal(r.status, 0, r.stderr);
    JSON.parse(r.stdout);
    assert.match(r.stderr, /fixed samples\/003_2fb0a89cc24e84ab\.txt: boilerplate ×3/);
    const table = JSON.parse(readFileSync(join(dir, 'samples', '.chunkreview', 'pseudonyms.json'), 'utf8')) as { pseudonyms: { TEL: Record<string, string> } };
    assert.deepEqual(table.pseudonyms.TEL, { '+33639980001': '[TEL_2]', '+33639980002': '[TEL_3]', '+33639980003': '[TEL_1]' });
    assert.ok(readFileSync(join(dir, 'samples', '001_e9a7ada696306544.txt'), 'utf8').includes('Merci à @[TEL_1]'));
  });

  it('rejects unknown codes and --codes without --fix (exit 2)', () => {
    assert.equal(run(['lint', '--fix', '--codes', 'nope', 'samples'], dir).status, 2);
    assert.equal(run(['lint', '--codes', 'mojibake', 'samples'], dir).status, 2);
  });
});
