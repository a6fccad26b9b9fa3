// Opening a chunk at a range, as a preview (while browsing a list) or for good.
import * as vscode from 'vscode';
export { chunkName } from '../../../server/src/core/chunk-name';

export function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export async function openAt(uri: string, range: vscode.Range | undefined, preview: boolean): Promise<void> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), {
    preview,
    preserveFocus: preview,
    ...(range ? { selection: range } : {}),
  });
  if (range) editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
