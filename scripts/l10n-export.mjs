// Collects every string passed to t(…) / l10n.t(…) / vscode.l10n.t(…) in client/src and
// server/src into l10n/bundle.l10n.json (English: keys are the strings), the file translators
// start from. `--check` lists the keys a translated bundle lacks and exits 1 when there are any.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CALL = /(?:\bl10n\.t|(?<![\w.])t)\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")/g;

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

export function collect(roots = ['client/src', 'server/src']) {
  const keys = new Set();
  for (const f of roots.flatMap(files)) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(CALL)) keys.add(JSON.parse(`"${(m[1] ?? m[2]).replace(/\\'/g, "'").replace(/"/g, '\\"').replace(/\\\\"/g, '\\"')}"`));
  }
  return [...keys].sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const keys = collect();
  if (process.argv.includes('--check')) {
    let failed = false;
    for (const locale of process.argv.slice(process.argv.indexOf('--check') + 1)) {
      const bundle = JSON.parse(readFileSync(`l10n/bundle.l10n.${locale}.json`, 'utf8'));
      const missing = keys.filter((k) => !(k in bundle));
      const stale = Object.keys(bundle).filter((k) => !keys.includes(k));
      for (const k of missing) console.log(`${locale}: missing "${k}"`);
      for (const k of stale) console.log(`${locale}: stale "${k}"`);
      failed ||= missing.length > 0;
    }
    process.exit(failed ? 1 : 0);
  }
  writeFileSync('l10n/bundle.l10n.json', `${JSON.stringify(Object.fromEntries(keys.map((k) => [k, k])), null, 2)}\n`);
  console.log(`${keys.length} strings → l10n/bundle.l10n.json`);
}
