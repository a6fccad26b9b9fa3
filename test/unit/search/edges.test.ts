import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Chunk } from '../../../server/src/core/model';
import { edges, lineHash } from '../../../server/src/core/search/overlap';

/** `edges` as it was first written: filter every line, then slice both ends. */
function referenceEdges(chunk: Chunk): Float64Array {
  const content = chunk.contentLines.filter((l) => l.text.trim() !== '');
  const picked = [...content.slice(0, 3), ...content.slice(-3)];
  const e = [content.slice(0, 3).length, content.slice(-3).length];
  for (const l of picked) e.push(l.line, lineHash(l.text.trim()), l.text.trim().length, chunk.lines[l.line]?.length ?? 0);
  return Float64Array.from(e);
}

describe('overlap edges', () => {
  it('are the first and last three non-empty lines, however few or blank the lines', () => {
    const line = fc.constantFrom('', ' ', '\t \u00a0', '\ufeff', 'ok', '  Bonjour à tous  ', 'Une ligne assez longue pour compter comme bord.', '12/03/2024 10:00 - Ana: salut');
    fc.assert(fc.property(fc.array(line, { maxLength: 14 }), fc.nat(3), (texts, start) => {
      const lines = [...Array<string>(start).fill('header'), ...texts];
      const chunk = { lines, contentLines: texts.map((text, i) => ({ line: start + i, text, kind: 'message' })) } as unknown as Chunk;
      assert.deepEqual(edges(chunk), referenceEdges(chunk));
    }), { numRuns: 1000 });
  });
});
