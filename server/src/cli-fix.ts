// `chunk-review lint --fix [--codes a,b]`: the same fixes as "Fix All in Corpus", written to
// disk. Each file is written atomically (a temporary file in the same folder, then a rename),
// so a crash never leaves half a chunk. Without --fix the CLI never writes.
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  applyTextEdits, Corpus, isCandidate, planFixAll, Pseudonyms, PSEUDONYMS_FILE,
  type FixAllInput, type SeverityOverride,
} from './core';
import { pathWorkspace, readProjectConfig, scanWorkers } from './node-workspace';

/** What `--fix` fixes without `--codes`: the curation findings whose fixes touch only their span. */
export const DEFAULT_FIX_CODES = ['pii-phone', 'pii-email', 'pii-mention', 'boilerplate', 'artifact-hashtag', 'artifact-edited', 'artifact-media', 'mojibake', 'invisible-char'];

export interface FixOptions {
  readonly paths: readonly string[];
  readonly severity: Readonly<Record<string, SeverityOverride>>;
  readonly codes: readonly string[];
}

export interface FileChange {
  readonly path: string;
  readonly edits: number;
  readonly byCode: ReadonlyMap<string, number>;
}

export async function writeAtomically(path: string, data: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Applies the fixes of the given codes to the chunks under each path; returns what changed. */
export async function fixPaths(o: FixOptions, log: (m: string) => void): Promise<FileChange[]> {
  const changes: FileChange[] = [];
  for (const p of o.paths) {
    const abs = resolve(p);
    const stat = await fs.stat(abs);
    const root = stat.isDirectory() ? abs : dirname(abs);
    const config = await readProjectConfig(root, o.severity);
    const workers = scanWorkers(join(__dirname, 'analysis-worker.js'));
    const corpus = new Corpus(pathWorkspace, { roots: [root], severity: o.severity, config, ...(workers ? { workers } : {}) });
    if (stat.isDirectory()) await corpus.scan(undefined, log);
    else await corpus.scanFiles((await fs.readdir(root)).map((n) => resolve(root, n)).filter((f) => isCandidate(f) || f === abs), log);
    const inputs: FixAllInput[] = corpus.fixAllInputs((id) => stat.isDirectory() || id === abs);
    const tablePath = join(root, PSEUDONYMS_FILE);
    const tableText = await fs.readFile(tablePath, 'utf8').catch(() => undefined);
    const plan = planFixAll(inputs, new Set(o.codes), Pseudonyms.parse(tableText, config.placeholder));
    for (const [id, edits] of plan.files) {
      const text = await fs.readFile(id, 'utf8');
      await writeAtomically(id, applyTextEdits(text, edits));
      const byCode = new Map<string, number>();
      for (const e of edits) byCode.set(e.code, (byCode.get(e.code) ?? 0) + 1);
      changes.push({ path: id, edits: edits.length, byCode });
    }
    if (plan.pseudonyms.isChanged) {
      await fs.mkdir(dirname(tablePath), { recursive: true });
      await writeAtomically(tablePath, plan.pseudonyms.serialize());
      changes.push({ path: tablePath, edits: 1, byCode: new Map() });
    }
  }
  return changes;
}
