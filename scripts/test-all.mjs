// `npm test`: every suite, in order from fastest to slowest, and a closing count.
// Each suite runs even when an earlier one failed, so one run shows everything that is red.
import { spawn } from 'node:child_process';

const suites = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'build', cmd: process.execPath, args: ['scripts/build.mjs'] },
  { name: 'unit', cmd: process.execPath, args: ['scripts/run-node-tests.mjs', 'test/unit'] },
  { name: 'protocol', cmd: process.execPath, args: ['scripts/run-node-tests.mjs', 'test/protocol', 'test/cli'] },
  { name: 'grammar', cmd: 'npm', args: ['run', '--silent', 'test:grammar'] },
  { name: 'neovim', cmd: process.execPath, args: ['test/nvim/run.mjs'] },
  { name: 'e2e', cmd: process.execPath, args: ['test/e2e/run.mjs'] },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const summary = [];

for (const s of suites) {
  if (only.length > 0 && !only.includes(s.name)) continue;
  const started = Date.now();
  console.log(`\n━━━ ${s.name} ━━━`);
  const counts = { pass: 0, fail: 0, seen: false };
  const code = await new Promise((resolve) => {
    const child = spawn(s.cmd, s.args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const scan = (chunk, out) => {
      out.write(chunk);
      for (const line of chunk.toString().split('\n')) {
        let m = /^ℹ pass (\d+)/.exec(line);
        if (m) { counts.pass += Number(m[1]); counts.seen = true; }
        m = /^ℹ fail (\d+)/.exec(line);
        if (m) { counts.fail += Number(m[1]); counts.seen = true; }
        m = /(\d+) passed, (\d+) failed/.exec(line);
        if (m) { counts.pass += Number(m[1]); counts.fail += Number(m[2]); counts.seen = true; }
      }
    };
    child.stdout.on('data', (c) => scan(c, process.stdout));
    child.stderr.on('data', (c) => scan(c, process.stderr));
    child.on('error', (e) => { console.error(e.message); resolve(127); });
    child.on('close', (c) => resolve(c ?? 1));
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  // A suite without countable tests (typecheck, build, grammar) counts as one.
  if (!counts.seen) {
    if (code === 0) counts.pass = 1;
    else counts.fail = 1;
  } else if (code !== 0 && counts.fail === 0) counts.fail = 1;
  passed += counts.pass;
  failed += counts.fail;
  summary.push(`${code === 0 ? 'ok  ' : 'FAIL'} ${s.name.padEnd(10)} ${String(counts.pass).padStart(4)} passed ${String(counts.fail).padStart(3)} failed  ${seconds}s`);
}

console.log(`\n━━━ summary ━━━\n${summary.join('\n')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
