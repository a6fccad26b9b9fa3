// A minimal LSP client over the built server's stdio, for protocol tests: real process, real
// JSON-RPC framing, no editor.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';

export const ROOT = resolve(__dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');

export interface PublishedDiagnostics {
  uri: string;
  diagnostics: { code?: string | number; message: string; severity?: number; range: { start: { line: number; character: number }; end: { line: number; character: number } }; codeDescription?: { href: string }; data?: unknown }[];
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishedDiagnostics['diagnostics']>();
  /** Every publication, in order. */
  readonly published: PublishedDiagnostics[] = [];
  readonly logs: string[] = [];
  readonly progress: unknown[] = [];
  private constructor(readonly process: ChildProcess, readonly connection: MessageConnection, readonly stderr: string[]) {}

  static async start(folder: string, capabilities: Record<string, unknown> = {}, locale?: string): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const c = new TestClient(child, connection, stderr);
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => { c.diagnostics.set(p.uri, p.diagnostics); c.published.push(p); });
    connection.onNotification('window/logMessage', (p: { message: string }) => { c.logs.push(p.message); });
    connection.onNotification('$/progress', (p: unknown) => { c.progress.push(p); });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.listen();
    const uri = pathToFileURL(folder).toString();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      ...(locale ? { locale } : {}),
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'corpus' }],
      capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true }, ...capabilities },
    });
    await connection.sendNotification('initialized', {});
    return c;
  }

  async waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await probe();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.join('')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async waitIndexed(): Promise<{ chunks: number; indexed: boolean; findings: number }> {
    return this.waitFor('indexed', async () => {
      const s = await this.connection.sendRequest<{ chunks: number; indexed: boolean; findings: number }>('chunkReview/stats');
      return s.indexed ? s : undefined;
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    await new Promise<void>((r) => {
      if (this.process.exitCode !== null) return r();
      const t = setTimeout(() => { this.process.kill('SIGKILL'); r(); }, 2000);
      this.process.once('exit', () => { clearTimeout(t); r(); });
    });
  }
}

/** A temporary copy of a folder, removed by the returned function. */
export function copyFolder(src: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'chunk-review-'));
  cpSync(src, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function codes(ds: PublishedDiagnostics['diagnostics'] | undefined): string[] {
  return (ds ?? []).map((d) => String(d.code)).sort();
}
