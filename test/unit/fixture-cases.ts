// What the rule fixtures and the curation fixtures share: one case is <case>.txt with its
// <case>.expected.json (every finding it gives) and, where an entry names a fix, <case>.fixed.txt.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ExpectedFinding {
  code: string;
  severity: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  messageIncludes: string;
  /** The flagged text (short spans only), so a reader sees what is flagged. */
  text?: string;
  /** Title of one of this finding's fixes; the result is <case>.fixed.txt. */
  applyFix?: string;
}

/** The case names of one code's folder, sorted. */
export function fixtureCases(root: string, code: string): string[] {
  return readdirSync(join(root, code)).filter((f) => f.endsWith('.txt') && !f.endsWith('.fixed.txt')).map((f) => f.slice(0, -'.txt'.length)).sort();
}
