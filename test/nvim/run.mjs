// `npm run test:nvim`: the server checked through Neovim's own LSP client, on a copy of samples/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const corpus = mkdtempSync(join(tmpdir(), 'chunk-review-nvim-'));
cpSync(join(root, 'samples'), corpus, { recursive: true });
let passed = 0;
let failed = 0;
const check = (name, ok, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✔' : '✖'} ${name}${ok ? '' : ` — ${detail}`}`);
};
try {
  const nvim = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(here, 'check.lua')}`], {
    env: { ...process.env, CHUNK_REVIEW_SERVER: join(root, 'dist', 'server.js'), CHUNK_REVIEW_ROOT: corpus, CHUNK_REVIEW_FILE: join(corpus, '000_06819fdf042cc0f1.txt') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (nvim.error) throw nvim.error;
  const line = [...`${nvim.stdout}\n${nvim.stderr}`.split(/\r?\n/)].reverse().find((l) => l.trim().startsWith('{'));
  if (!line) throw new Error(`no result from Neovim (exit ${nvim.status}):\n${nvim.stdout}\n${nvim.stderr}`);
  const r = JSON.parse(line.trim());
  const codes = r.codes ?? [];
  check('Neovim received the diagnostics', r.waited === true, JSON.stringify(r));
  check('000 has period-mismatch and participants-mismatch', codes.includes('period-mismatch') && codes.includes('participants-mismatch'), codes.join(','));
  check('000 has neither tokens-mismatch nor messages-mismatch', !codes.includes('tokens-mismatch') && !codes.includes('messages-mismatch'), codes.join(','));
  check('hover on Tokens gives the recomputed 532', /532/.test(r.hover ?? ''), r.hover);
  check('chunkReview/stats says indexed and counts the 5 sample chunks', r.indexed === true && r.chunks === 5, `indexed ${r.indexed}, chunks ${r.chunks}`);
} catch (e) {
  check('Neovim ran the check', false, e instanceof Error ? e.message : String(e));
} finally {
  rmSync(corpus, { recursive: true, force: true });
}
console.log(`nvim: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
