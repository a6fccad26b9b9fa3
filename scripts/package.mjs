// `npm run package`: a production build, then a .vsix holding only the allow-list of .vscodeignore.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['scripts/build.mjs', '--production']);
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const vsce = require.resolve('@vscode/vsce/vsce');
// Dependencies are bundled into dist/ by esbuild, so node_modules is not shipped.
// No public repository yet: relative README links stay relative (they work inside the .vsix).
run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', `${name}-${version}.vsix`]);
