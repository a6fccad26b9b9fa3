// A file's findings kept as UTF-8 JSON bytes instead of objects: about half the memory, none of
// it on the JS heap, and a worker hands them over without a structured clone. Findings may
// share one edit list ("rewrite all" of 25 000 matches): it is written once and shared again
// when read, never repeated per finding.
import type { Finding, TextEdit } from './model';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function packFindings(findings: readonly Finding[]): Uint8Array {
  if (findings.length === 0) return EMPTY;
  const seen = new Map<readonly TextEdit[], number>();
  return encoder.encode(JSON.stringify(findings, (key, value: unknown) => {
    if (key !== 'edits' || !Array.isArray(value)) return value;
    const at = seen.get(value);
    if (at !== undefined) return { $edits: at };
    seen.set(value, seen.size);
    return value;
  }));
}

export function unpackFindings(bytes: Uint8Array): Finding[] {
  if (bytes.length === 0) return [];
  const lists: unknown[] = [];
  // The reviver sees values in document order, so a list is met before any reference to it.
  return JSON.parse(decoder.decode(bytes), (key, value: unknown) => {
    if (key !== 'edits') return value;
    if (Array.isArray(value)) {
      lists.push(value);
      return value;
    }
    return lists[(value as { $edits: number }).$edits];
  }) as Finding[];
}

const EMPTY = new Uint8Array(0);
