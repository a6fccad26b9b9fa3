// Starts code-server (VS Code's server and web workbench) on the loopback interface with
// throw-away user data, and stops it. Used by the test harness and by `npm start`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const CACHE = process.env.CHUNK_REVIEW_E2E_CACHE ?? join(homedir(), '.cache', 'chunk-review-e2e');

/** What scripts/provision-e2e.sh installed; undefined when it has not run. */
export function tools() {
  const file = join(CACHE, 'env.json');
  if (!existsSync(file)) return undefined;
  const env = JSON.parse(readFileSync(file, 'utf8'));
  return existsSync(env.node24) && existsSync(join(env.codeServer, 'out', 'node', 'entry.js')) ? env : undefined;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
};

/**
 * Starts code-server. `options.smokeTestDriver` lets the workbench run an extension test suite
 * given in the URL's payload; `options.extensionsDir` may hold installed extensions.
 */
export async function startCodeServer(options = {}) {
  const env = tools();
  if (!env) throw new Error('code-server is not installed: run scripts/provision-e2e.sh');
  const port = options.port ?? (await freePort());
  const home = options.dataDir ?? mkdtempSync(join(tmpdir(), 'chunk-review-cs-'));
  const dirs = Object.fromEntries(['data', 'config', 'cache', 'state', 'user', 'extensions'].map((d) => [d, join(home, d)]));
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.user, 'User'), { recursive: true });
  writeFileSync(join(dirs.user, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...(options.settings ?? {}) }, null, 2));
  writeFileSync(join(home, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const extensionsDir = options.extensionsDir ?? dirs.extensions;
  const args = [
    join(env.codeServer, 'out', 'node', 'entry.js'),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', dirs.user,
    '--extensions-dir', extensionsDir,
    '--config', join(home, 'config.yaml'),
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(options.locale ? ['--locale', options.locale] : []),
    ...(options.folder ? [options.folder] : []),
  ];
  const child = spawn(env.node24, args, {
    env: { ...process.env, ...(options.env ?? {}), XDG_DATA_HOME: dirs.data, XDG_CONFIG_HOME: dirs.config, XDG_CACHE_HOME: dirs.cache, XDG_STATE_HOME: dirs.state },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = [];
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${output.join('')}`)), 60_000);
    const onData = (d) => {
      const s = d.toString();
      output.push(s);
      if (options.verbose) process.stderr.write(s);
      if (/HTTP server listening on/.test(output.join(''))) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}/`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}:\n${output.join('')}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => {
      const t = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone
        }
        r();
      }, 5000);
      child.once('exit', () => {
        clearTimeout(t);
        r();
      });
    });
    if (!options.dataDir) rmSync(home, { recursive: true, force: true });
  };
  return { url, port, stop, child, home, dirs, output };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function chromiumPath() {
  return tools()?.chromium || '/usr/bin/chromium';
}
