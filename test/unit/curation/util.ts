// Shared by the curation tests: the codes, an in-memory workspace, and the samples.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyTextEdits, type TextEdit } from '../../../server/src/core';
import type { Workspace } from '../../../server/src/core';

export const CURATION_CODES = ['pii-phone', 'pii-email', 'pii-mention', 'boilerplate', 'artifact-hashtag', 'artifact-edited', 'artifact-media', 'mojibake', 'invisible-char', 'token-budget'];

export const SAMPLES = resolve(__dirname, '..', '..', '..', 'samples');

/** The samples as an in-memory corpus under `/c`. */
export function samplesWorkspace(): { workspace: Workspace; files: Map<string, Buffer> } {
  const files = new Map(readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => [`/c/${f}`, readFileSync(join(SAMPLES, f))]));
  return {
    files,
    workspace: { readFile: async (id) => { const b = files.get(id); if (!b) throw new Error(`ENOENT ${id}`); return b; }, listFiles: async () => [...files.keys()] },
  };
}

/**
 * What an editor's undo does: applies the edits, and gives the edits that, applied to the
 * result, bring back the original text (each edit's range in the result, with the text it replaced).
 */
export function inverse(original: string, edits: readonly TextEdit[]): { fixed: string; undo: TextEdit[] } {
  const fixed = applyTextEdits(original, edits);
  const lines = original.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const eol = /\r\n/.test(original) ? '\r\n' : '\n';
  const slice = (r: TextEdit['range']) => {
    if (r.start.line === r.end.line) return lines[r.start.line]!.slice(r.start.character, r.end.character);
    return [lines[r.start.line]!.slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line]!.slice(0, r.end.character)].join(eol);
  };
  const undo: TextEdit[] = [];
  let dLine = 0;
  let dChar = 0;
  let lastLine = -1;
  for (const e of [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)) {
    if (e.range.start.line !== lastLine) dChar = 0;
    const start = { line: e.range.start.line + dLine, character: e.range.start.character + dChar };
    const added = e.newText.split(/\r\n|\n|\r/);
    const end = added.length === 1 ? { line: start.line, character: start.character + e.newText.length } : { line: start.line + added.length - 1, character: added[added.length - 1]!.length };
    undo.push({ range: { start, end }, newText: slice(e.range) });
    dLine += added.length - 1 - (e.range.end.line - e.range.start.line);
    dChar = end.character - e.range.end.character;
    lastLine = e.range.end.line;
  }
  return { fixed, undo };
}
