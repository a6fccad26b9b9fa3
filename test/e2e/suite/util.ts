// Waiting for a state with a deadline, never for a fixed time.
import * as vscode from 'vscode';

export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

export const EXTENSION_ID = 'chunk-review.chunk-review';

/**
 * The quick fix titled `title` at `range`, asked again until it is offered, as the light bulb
 * asks again while the cursor moves: right after start-up the server may still be indexing.
 * On time-out the titles last offered are in the error.
 */
export function offered(uri: vscode.Uri, range: vscode.Range, title: string): Promise<vscode.CodeAction> {
  return waitFor(`the quick fix "${title}"`, async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === title);
    if (!fix) throw new Error(`offered: ${actions.map((a) => a.title).join(' | ') || 'nothing'}`);
    return fix;
  });
}
