// Stands in for a VS Code executable: given --extensionDevelopmentPath, --extensionTestsPath and
// a folder (what @vscode/test-electron passes), runs that Mocha suite inside code-server's real
// workbench, driven by Chromium through Playwright, and exits with the suite's exit code.
// A suite that never reports (say, the payload was ignored) is a failure after a deadline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS, startCodeServer } from './code-server.mjs';

const argv = process.argv.slice(2);
const flag = (name) => {
  const a = argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : undefined;
};
const devPath = flag('extensionDevelopmentPath');
const testsPath = flag('extensionTestsPath');
const folder = argv.filter((a) => !a.startsWith('-')).pop();
const deadlineMs = Number(process.env.CHUNK_REVIEW_E2E_TIMEOUT_MS ?? 240_000);

if (!devPath || !testsPath) {
  console.error('usage: run-tests.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [FOLDER]');
  process.exit(2);
}

const server = await startCodeServer({ smokeTestDriver: true, verbose: process.env.CHUNK_REVIEW_E2E_VERBOSE === '1', ...(process.env.CHUNK_REVIEW_E2E_LOCALE ? { locale: process.env.CHUNK_REVIEW_E2E_LOCALE } : {}) });
const profile = mkdtempSync(join(tmpdir(), 'chunk-review-chromium-'));
let code = 1;
let context;
try {
  context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 } });
  const page = context.pages()[0] ?? (await context.newPage());
  let exit;
  const exited = new Promise((r) => (exit = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // The extension host's console: Mocha's reporter uses printf-style formats.
    const text = format(...(Array.isArray(args) ? args : [args]));
    (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (c) => exit(Number(c)));
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${resolve(p)}`;
  const payload = [['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)], ['skipWelcome', 'true']];
  const url = `${server.url}?${folder ? `folder=${encodeURIComponent(resolve(folder))}&` : ''}payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  const timeout = new Promise((r) => setTimeout(() => r('timeout'), deadlineMs));
  const result = await Promise.race([exited, timeout]);
  if (result === 'timeout') {
    console.error(`e2e: the suite did not report within ${deadlineMs / 1000} s (was the smoke-test payload ignored?)`);
    await page.screenshot({ path: join(tmpdir(), 'chunk-review-e2e-timeout.png') }).catch(() => undefined);
    console.log('e2e: 0 passed, 1 failed');
    code = 1;
  } else code = result;
} catch (e) {
  console.error(`e2e harness: ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  await context?.close().catch(() => undefined);
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(code);
