// `npm run test:e2e`: the extension's Mocha suite in a real VS Code. The unchanged
// @vscode/test-electron launcher runs it; on these machines (no VS Code download possible) the
// "executable" is a shim that runs the suite in code-server's workbench. With
// CHUNK_REVIEW_E2E_DESKTOP=1 the launcher downloads desktop VS Code instead.
// The workspace is a temporary copy of samples/, so tests may edit files freely.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { tools } from './harness/code-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const out = join(root, 'out', 'e2e', 'suite');

// The suite: each file bundled on its own, `vscode` and `mocha` left to the extension host.
rmSync(out, { recursive: true, force: true });
const entries = readdirSync(join(here, 'suite')).filter((f) => f.endsWith('.ts')).map((f) => join(here, 'suite', f));
await esbuild.build({ entryPoints: entries, outdir: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning' });

const desktop = process.env.CHUNK_REVIEW_E2E_DESKTOP === '1';
if (!desktop && !tools()) {
  const r = spawnSync('bash', [join(root, 'scripts', 'provision-e2e.sh')], { stdio: 'inherit' });
  if (r.status !== 0 || !tools()) {
    console.error('e2e: no VS Code to run the tests in (provisioning failed)');
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  }
}

const workspace = mkdtempSync(join(tmpdir(), 'chunk-review-e2e-ws-'));
cpSync(join(root, 'samples'), workspace, { recursive: true });
let code = 0;
try {
  await runTests({
    ...(desktop ? {} : { vscodeExecutablePath: join(here, 'harness', 'code-shim.sh') }),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(out, 'index.js'),
    launchArgs: [workspace],
    extensionTestsEnv: { CHUNK_REVIEW_E2E_WORKSPACE: workspace },
  });
} catch (e) {
  console.error(`e2e: ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(code);
