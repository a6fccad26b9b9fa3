// The core's Workspace over the real file system, for the server (file URIs) and the CLI (paths).
import { closeSync, existsSync, openSync, promises as fs, readFileSync, readSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import type { PoolSettings } from './core/analysis-pool';
import { CONFIG_FILE, DEFAULT_CONFIG, parseProjectConfig, type ProjectConfig } from './core/config';
import type { Workspace } from './core/corpus';
import type { SeverityOverride } from './core/analyze';

const SKIP = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Lists files recursively, without following symbolic links (no cycles). */
export async function listFilesRecursive(dir: string, out: string[] = []): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP.has(e.name)) await listFilesRecursive(p, out);
    } else if (e.isFile()) out.push(p);
  }
  return out;
}

async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  const handle = await fs.open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The first bytes of a file, read synchronously (see Workspace.readHeadNow). */
function readHeadNow(path: string, bytes: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Ids are plain paths (the CLI). */
export const pathWorkspace: Workspace = {
  async readFile(id) {
    return fs.readFile(id);
  },
  async listFiles(folder) {
    return listFilesRecursive(folder);
  },
  readHead,
  readHeadNow,
  localPath: (id) => id,
  readFileNow: (id) => readFileSync(id),
};

/** The local path of a `file:` URI, for the synchronous reads. */
function localFile(id: string): string {
  const path = uriWorkspace.localPath!(id);
  if (path === undefined) throw new Error(`not a local file: ${id}`);
  return path;
}

/** Ids are `file:` URIs (the server). */
export const uriWorkspace: Workspace = {
  async readFile(id) {
    return fs.readFile(URI.parse(id).fsPath);
  },
  async listFiles(folder) {
    const files = await listFilesRecursive(URI.parse(folder).fsPath);
    return files.map((f) => URI.file(f).toString());
  },
  localPath(id) {
    const uri = URI.parse(id);
    return uri.scheme === 'file' ? uri.fsPath : undefined;
  },
  async readHead(id, bytes) {
    return readHead(URI.parse(id).fsPath, bytes);
  },
  readHeadNow(id, bytes) {
    return readHeadNow(localFile(id), bytes);
  },
  readFileNow(id) {
    return readFileSync(localFile(id));
  },
};

/**
 * Worker threads for a corpus scan: one per core, up to four (the main thread merges). None on
 * a single core, or when the worker bundle is missing (running from sources).
 */
export function scanWorkers(script: string, execArgv?: readonly string[]): PoolSettings | undefined {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  if (cores < 2 || !existsSync(script)) return undefined;
  return { script, size: Math.min(4, cores), ...(execArgv ? { execArgv } : {}) };
}

/**
 * The `.chunkreview.json` of a corpus root, for the command line, as the server reads it;
 * `--severity` flags win over the file's severities. No file or a broken one: the defaults.
 */
export async function readProjectConfig(root: string, flags: Readonly<Record<string, SeverityOverride>> = {}): Promise<ProjectConfig> {
  let config = DEFAULT_CONFIG;
  try {
    config = parseProjectConfig(await fs.readFile(join(root, CONFIG_FILE), 'utf8')).config;
  } catch {
    // No file: the defaults.
  }
  return { ...config, severity: { ...config.severity, ...flags } };
}
