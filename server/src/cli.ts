// `chunk-review lint`: the same core and corpus rules as the server, behind a command line.
// Exit codes: 0 no error-severity finding, 1 at least one, 2 usage or I/O failure.
import { promises as fs } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { Corpus, allRuleInfo, isCandidate, type Finding, type SeverityOverride } from './core';
import { listFilesRecursive, pathWorkspace, readProjectConfig, scanWorkers } from './node-workspace';
import { ruleDocUrl } from './rule-docs';
import { DEFAULT_FIX_CODES, fixPaths } from './cli-fix';

const VERSION = '0.1.0';
const USAGE = `usage: chunk-review lint [--format text|json|sarif] [--severity CODE=LEVEL]... [--docs-base-url URL] [--fix [--codes CODE,...]] PATH...
  PATH: chunk files or folders (recursively), judged by the corpus rules
  LEVEL: error | warning | information | hint | off
  --fix: apply the fixes first (each file written atomically) and print what changed; then lint
  --codes: the codes to fix (default: ${DEFAULT_FIX_CODES.join(', ')})`;

class UsageError extends Error {}

interface LintOptions {
  format: 'text' | 'json' | 'sarif';
  severity: Record<string, SeverityOverride>;
  docsBaseUrl: string;
  paths: string[];
  fix: boolean;
  codes?: string[];
}

function parseArgs(argv: string[]): LintOptions {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (command === '--version') {
    process.stdout.write(`${VERSION}\n`);
    process.exit(0);
  }
  if (command !== 'lint') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const o: LintOptions = { format: 'text', severity: {}, docsBaseUrl: '', paths: [], fix: false };
  const levels = new Set(['error', 'warning', 'information', 'hint', 'off']);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (a.startsWith(`${name}=`)) return a.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}" (text, json or sarif)`);
      o.format = f;
    } else if (a === '--severity' || a.startsWith('--severity=')) {
      const [code, level] = value('--severity').split('=');
      if (!code || !level || !levels.has(level)) throw new UsageError(`--severity takes CODE=LEVEL with LEVEL one of ${[...levels].join(', ')}`);
      o.severity[code] = level as SeverityOverride;
    } else if (a === '--docs-base-url' || a.startsWith('--docs-base-url=')) {
      o.docsBaseUrl = value('--docs-base-url');
    } else if (a === '--fix') {
      o.fix = true;
    } else if (a === '--codes' || a.startsWith('--codes=')) {
      const known = new Set(allRuleInfo().map((r) => r.code));
      o.codes = value('--codes').split(',').map((c) => c.trim()).filter(Boolean);
      const unknown = o.codes.filter((c) => !known.has(c));
      if (unknown.length) throw new UsageError(`unknown code${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in --codes`);
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option "${a}"`);
    } else o.paths.push(a);
  }
  if (o.paths.length === 0) throw new UsageError('no PATH given');
  if (o.codes && !o.fix) throw new UsageError('--codes goes with --fix');
  return o;
}

interface FileResult {
  path: string;
  findings: readonly Finding[];
}

async function lint(o: LintOptions, log: (m: string) => void): Promise<FileResult[]> {
  const results = new Map<string, FileResult>();
  for (const p of o.paths) {
    const abs = resolve(p);
    let stat: import('node:fs').Stats;
    try {
      stat = await fs.stat(abs);
    } catch (e) {
      throw new Error(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    // A folder is a root; a file is judged with its siblings, which decide whether its folder is a corpus folder.
    const root = stat.isDirectory() ? abs : dirname(abs);
    const workers = scanWorkers(resolve(__dirname, 'analysis-worker.js'));
    // The corpus's .chunkreview.json counts as it does in the editor (its ignores, budget, entities).
    const config = await readProjectConfig(root, o.severity);
    const corpus = new Corpus(pathWorkspace, { roots: [root], severity: o.severity, config, ...(workers ? { workers } : {}) });
    if (stat.isDirectory()) {
      await corpus.scan(undefined, log);
    } else {
      const siblings = (await fs.readdir(root)).map((n) => resolve(root, n)).filter((f) => isCandidate(f) || f === abs);
      await corpus.scanFiles(siblings, log);
      if (!corpus.isChunk(abs)) log(`skipped ${p}: not a chunk (no header, not *.chunk, and no chunk with a header in its folder)`);
    }
    const wanted = stat.isDirectory() ? undefined : abs;
    for (const e of corpus.all()) {
      if (wanted && e.id !== wanted) continue;
      results.set(e.id, { path: display(e.id), findings: corpus.findings(e.id) });
    }
  }
  return [...results.values()].sort((a, b) => a.path.localeCompare(b.path));
}

function display(abs: string): string {
  const r = relative(process.cwd(), abs);
  const shown = r.startsWith('..') ? abs : r;
  return shown.split(sep).join('/');
}

function formatText(files: FileResult[]): string {
  const lines: string[] = [];
  const count = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of files) {
    for (const d of f.findings) {
      count[d.severity]++;
      lines.push(`${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
    }
  }
  lines.push(`${files.length} chunk${files.length === 1 ? '' : 's'}: ${count.error} errors, ${count.warning} warnings, ${count.information} information, ${count.hint} hints`);
  return `${lines.join('\n')}\n`;
}

function formatJson(files: FileResult[]): string {
  return `${JSON.stringify({
    files: files.map((f) => ({
      path: f.path,
      diagnostics: f.findings.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
    })),
  })}\n`;
}

function formatSarif(files: FileResult[], docsBaseUrl: string): string {
  const rules = allRuleInfo();
  const index = new Map(rules.map((r, i) => [r.code, i]));
  const level = (s: Finding['severity']) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Chunk Review',
          version: VERSION,
          rules: rules.map((r) => ({
            id: r.code,
            shortDescription: { text: r.summary },
            helpUri: ruleDocUrl(r.code, docsBaseUrl),
            defaultConfiguration: { level: level(r.defaultSeverity) },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: files.flatMap((f) => f.findings.map((d) => ({
        ruleId: d.code,
        ruleIndex: index.get(d.code) ?? -1,
        level: level(d.severity),
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.path) },
            region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
          },
        }],
      }))),
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

export async function main(argv: string[]): Promise<number> {
  let o: LintOptions;
  try {
    o = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`chunk-review: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  let files: FileResult[];
  try {
    if (o.fix) {
      const changes = await fixPaths({ paths: o.paths, severity: o.severity, codes: o.codes ?? DEFAULT_FIX_CODES }, () => undefined);
      // The report goes to stdout with the text format, to stderr when stdout is JSON or SARIF.
      const report = (m: string) => (o.format === 'text' ? process.stdout : process.stderr).write(`${m}\n`);
      for (const c of changes) report(`fixed ${display(c.path)}: ${c.byCode.size ? [...c.byCode].map(([code, n]) => `${code} ×${n}`).join(', ') : 'pseudonym table updated'}`);
      report(`${changes.filter((c) => c.byCode.size > 0).length} file(s) changed, ${changes.reduce((n, c) => n + (c.byCode.size ? c.edits : 0), 0)} edit(s)`);
    }
    files = await lint(o, (m) => process.stderr.write(`chunk-review: ${m}\n`));
  } catch (e) {
    process.stderr.write(`chunk-review: ${(e as Error).message}\n`);
    return 2;
  }
  const out = o.format === 'json' ? formatJson(files) : o.format === 'sarif' ? formatSarif(files, o.docsBaseUrl) : formatText(files);
  process.stdout.write(out);
  return files.some((f) => f.findings.some((d) => d.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`chunk-review: ${(e as Error).message}\n`); process.exitCode = 2; },
  );
}

export { listFilesRecursive };
