// `npm start`: the extension on samples/ in a real VS Code. Desktop `code` when it is on PATH
// (as an extension development host); otherwise code-server on 127.0.0.1 with the packaged
// extension installed, and the URL printed. `--screenshot FILE` instead drives the workbench in
// headless Chromium, opens a chunk, the Problems panel and a hover, and saves a picture.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const samples = join(root, 'samples');
const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const screenshot = shotIndex >= 0 ? resolve(args[shotIndex + 1] ?? 'workbench.png') : undefined;
const scene = args.includes('--trees') ? 'trees' : args.includes('--french') ? 'french' : 'problems';

const run = (cmd, argv, opts = {}) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const hasCode = !screenshot && spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).status === 0;
if (hasCode) {
  run(process.execPath, ['scripts/build.mjs']);
  run('code', [`--extensionDevelopmentPath=${root}`, samples]);
  console.log('Opened samples/ in VS Code with Chunk Review loaded.');
  process.exit(0);
}

const { startCodeServer, tools, chromiumPath, CHROMIUM_ARGS } = await import('../test/e2e/harness/code-server.mjs');
if (!tools()) run('bash', [join(root, 'scripts', 'provision-e2e.sh')]);
run(process.execPath, ['scripts/package.mjs']);
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = join(root, `${name}-${version}.vsix`);
if (!existsSync(vsix)) {
  console.error(`no ${vsix} after packaging`);
  process.exit(1);
}

const home = mkdtempSync(join(tmpdir(), 'chunk-review-start-'));
const env = tools();
const extensionsDir = join(home, 'extensions');
run(env.node24, [join(env.codeServer, 'out', 'node', 'entry.js'), '--extensions-dir', extensionsDir, '--user-data-dir', join(home, 'user'), '--install-extension', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });

const port = process.env.PORT ? Number(process.env.PORT) : undefined;
const server = await startCodeServer({
  dataDir: home,
  extensionsDir,
  folder: samples,
  ...(port ? { port } : {}),
  ...(scene === 'french' ? { locale: 'fr' } : {}),
  settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, 'window.commandCenter': false, 'workbench.layoutControl.enabled': false },
});
const url = `${server.url}?folder=${encodeURIComponent(samples)}`;

const cleanup = async () => {
  await server.stop();
  rmSync(home, { recursive: true, force: true });
};

if (!screenshot) {
  console.log(`\nChunk Review is running on the sample corpus: open ${url}\n(Ctrl+C to stop)`);
  const stop = async () => {
    await cleanup();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => undefined);
}

const { chromium } = await import('playwright-core');
const profile = mkdtempSync(join(tmpdir(), 'chunk-review-shot-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, viewport: { width: 1500, height: 900 }, locale: scene === 'french' ? 'fr-FR' : 'en-US' });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  const openFile = async (label) => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: label }).first().dblclick();
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  };
  if (scene === 'trees') {
    await openFile('001_e9a7ada696306544.txt');
    await page.locator('.activitybar .action-item a[aria-label^="Chunk Review"]').first().click();
    await page.waitForSelector('.monaco-list-row[aria-label*="Rochane"], .monaco-list-row:has-text("Rochane")', { timeout: 30_000 });
    for (const label of ['Rochane', '2025', 'janvier', 'January', '22/01/2025']) {
      const row = page.locator('.pane-body .monaco-list-row', { hasText: label }).first();
      if (await row.count()) {
        await row.click();
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(400);
      }
    }
  } else {
    await openFile('001_e9a7ada696306544.txt');
    await page.waitForSelector('.squiggly-warning, .squiggly-info', { timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
    // Hover the Tokens field of the header.
    const line = page.locator('.view-line', { hasText: 'Participants:' }).first();
    await line.hover({ position: { x: 40, y: 8 } });
    await page.waitForSelector('.monaco-hover-content', { timeout: 15_000 }).catch(() => undefined);
  }
  await page.waitForTimeout(1200);
  await page.screenshot({ path: screenshot });
  console.log(`saved ${screenshot}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await cleanup();
}
