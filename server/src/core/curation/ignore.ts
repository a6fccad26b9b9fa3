// "Ignore this finding here": ignore entries in `.chunkreview.json` (by file and code, or by
// the flagged text's fingerprint), applied by the engine, and the edit that records one.
import { applyEdits, modify, parse } from 'jsonc-parser';
import picomatch from 'picomatch';
import type { IgnoreEntry, ProjectConfig } from '../config';
import type { Chunk, Finding, Position, Range, TextEdit } from '../model';
import { fingerprint } from './fingerprint';
import { textAt } from './text-edits';

/** The path of a file relative to the first root that holds it (the corpus root). */
export function relativeToRoots(id: string, roots: readonly string[] | undefined): string | undefined {
  for (const root of roots ?? []) {
    const r = root.endsWith('/') ? root : `${root}/`;
    if (id.startsWith(r)) return decodeURIComponent(id.slice(r.length));
  }
  return undefined;
}

export function findingFingerprint(chunk: Chunk, f: Pick<Finding, 'code' | 'range'>): string {
  return fingerprint(f.code, textAt(chunk, f.range));
}

/** Drops the findings an ignore entry of the config covers. */
export function filterIgnored(findings: Finding[], chunk: Chunk, config: ProjectConfig, roots: readonly string[] | undefined): Finding[] {
  if (config.ignore.length === 0) return findings;
  const rel = relativeToRoots(chunk.uri, roots);
  const entries = config.ignore.map((e) => ({ ...e, match: e.file === undefined ? undefined : picomatch(e.file, { dot: true }) }));
  return findings.filter((f) => !entries.some((e) => {
    if (e.code !== f.code) return false;
    if (e.match && (rel === undefined || !(e.match(rel) || e.file === rel))) return false;
    return e.fingerprint === undefined || e.fingerprint === findingFingerprint(chunk, f);
  }));
}

/**
 * The edits that append an ignore entry to `.chunkreview.json`: computed with jsonc-parser on
 * the file's text, so its comments and layout survive; `undefined` text means the file does not
 * exist yet (the caller creates it, and the one edit inserts the whole text).
 */
export function addIgnoreEntryEdits(configText: string | undefined, entry: IgnoreEntry): TextEdit[] {
  const text = configText ?? '';
  const base = text.trim() === '' ? '{}\n' : text;
  const current: unknown = parse(base, [], { allowTrailingComma: true });
  const list = current && typeof current === 'object' ? (current as { ignore?: unknown }).ignore : undefined;
  const edits = Array.isArray(list)
    ? modify(base, ['ignore', list.length], entry, { isArrayInsertion: true, formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } })
    : modify(base, ['ignore'], [entry], { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  if (base !== text) {
    // A new (or empty) file: one edit with the whole result.
    return [{ range: { start: { line: 0, character: 0 }, end: positionAt(text, text.length) }, newText: applyEdits(base, edits) }];
  }
  return edits.map((e) => ({ range: { start: positionAt(text, e.offset), end: positionAt(text, e.offset + e.length) }, newText: e.content }));
}

export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (const m of text.slice(0, offset).matchAll(/\r\n|\n|\r/g)) {
    line++;
    lineStart = m.index + m[0].length;
  }
  return { line, character: offset - lineStart };
}

export function fullRange(text: string): Range {
  return { start: { line: 0, character: 0 }, end: positionAt(text, text.length) };
}
