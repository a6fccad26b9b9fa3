// Fix All: the edits that fix every finding of the chosen codes across a corpus, in one plan.
// Personal data is pseudonymised through one table, so the same number gets the same
// placeholder in every chunk; every other finding takes its preferred fix. Each edit stays
// inside its finding's range, and edits that would overlap are dropped, never merged, so
// nothing outside the flagged spans changes.
import type { Chunk, Finding, TextEdit } from '../model';
import { findPii, replacementFor } from './pii';
import { Pseudonyms } from './pseudonyms';
import { comparePositions, rangeContains, textAt } from './text-edits';

export const PII_CODES: ReadonlySet<string> = new Set(['pii-phone', 'pii-email', 'pii-mention']);

export interface FixAllInput {
  readonly id: string;
  readonly chunk: Chunk;
  readonly findings: readonly Finding[];
}

export interface CodedEdit extends TextEdit {
  readonly code: string;
}

export interface FixAllPlan {
  /** Per file, the edits to apply, in document order, none overlapping. */
  readonly files: ReadonlyMap<string, readonly CodedEdit[]>;
  /** Findings fixed per code. */
  readonly counts: ReadonlyMap<string, number>;
  readonly pseudonyms: Pseudonyms;
}

/** The edits of one finding: pseudonymisation for personal data, else its preferred fix. */
export function editsFor(chunk: Chunk, f: Finding, pseudonyms: Pseudonyms): TextEdit[] | undefined {
  if (PII_CODES.has(f.code)) {
    const m = findPii(chunk).find((x) => comparePositions(x.range.start, f.range.start) === 0 && comparePositions(x.range.end, f.range.end) === 0);
    if (!m) return undefined;
    return [{ range: f.range, newText: replacementFor(m, pseudonyms.placeholder(m.pseudonymKind, m.key)) }];
  }
  const fix = f.fixes?.find((x) => x.isPreferred) ?? f.fixes?.[0];
  if (!fix) return undefined;
  // A fix that reaches outside its finding (e.g. "rewrite all") is not a span fix.
  return fix.edits.every((e) => rangeContains(f.range, e.range)) ? [...fix.edits] : undefined;
}

/** Codes that have at least one fixable finding, with counts: what the Fix All picker offers. */
export function fixableCounts(inputs: readonly FixAllInput[]): Map<string, { findings: number; files: number }> {
  const out = new Map<string, { findings: number; files: number }>();
  for (const { findings } of inputs) {
    const seen = new Set<string>();
    for (const f of findings) {
      if (!(PII_CODES.has(f.code) || f.fixes?.some((x) => x.edits.every((e) => rangeContains(f.range, e.range))))) continue;
      const c = out.get(f.code) ?? { findings: 0, files: 0 };
      c.findings++;
      if (!seen.has(f.code)) {
        seen.add(f.code);
        c.files++;
      }
      out.set(f.code, c);
    }
  }
  return out;
}

export function planFixAll(inputs: readonly FixAllInput[], codes: ReadonlySet<string>, pseudonyms: Pseudonyms): FixAllPlan {
  const files = new Map<string, CodedEdit[]>();
  const counts = new Map<string, number>();
  // File order and position order make the placeholder numbering deterministic.
  for (const { id, chunk, findings } of [...inputs].sort((a, b) => a.id.localeCompare(b.id))) {
    const chosen: { f: Finding; edits: TextEdit[] }[] = [];
    for (const f of [...findings].sort((a, b) => comparePositions(a.range.start, b.range.start))) {
      if (!codes.has(f.code)) continue;
      const edits = editsFor(chunk, f, pseudonyms);
      if (edits && edits.length > 0) chosen.push({ f, edits });
    }
    // Larger ranges first at equal start, so a removed block wins over what it contains.
    chosen.sort((a, b) => comparePositions(a.f.range.start, b.f.range.start) || comparePositions(b.f.range.end, a.f.range.end));
    const kept: CodedEdit[] = [];
    let end: Finding['range']['end'] | undefined;
    for (const { f, edits } of chosen) {
      if (end && comparePositions(f.range.start, end) < 0) continue;
      // Zero-width edits at the very end of a kept range would land inside a removed span.
      if (end && comparePositions(f.range.start, end) === 0 && edits.some((e) => comparePositions(e.range.start, end!) === 0 && comparePositions(e.range.end, end!) === 0)) continue;
      for (const e of edits) kept.push({ range: e.range, newText: e.newText, code: f.code });
      end = f.range.end;
      counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    }
    const effective = kept.filter((e) => e.newText !== textAt(chunk, e.range));
    if (effective.length > 0) files.set(id, effective);
  }
  return { files, counts, pseudonyms };
}
