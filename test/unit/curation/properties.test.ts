// Property: any fix of any curation finding leaves the text outside the finding's range untouched,
// and Fix All on any text changes nothing outside flagged ranges and is undone exactly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText, applyTextEdits, planFixAll, Pseudonyms, type Position } from '../../../server/src/core';
import { CURATION_CODES } from './util';

const PIECES = [
  'Le projet ', 'hashtag#OpenAI', ' #IA ', '+33 6 39 98 00 01', '06.39.98.00.02', '@33639980003', 'jean@exemple.fr', 'dÃ©ment', 'lâ€™IA',
  '\u200b', '\u202e', '👨\u200d👩\u200d👧', '<Ce message a été modifié>', ' pic.twitter.com/abc123', ' — Name (@handle) January 21, 2025',
  'Partager l\'article :', 'LinkedIn', '0/400', 'Aucun commentaire', 'English', 'Español', 'Français (Afrique)', 'qrCode', 'Voir l\'original',
  '22/01/2025, 14:26 - +33 6 39 98 00 01: ', '22/01/2025, 14:27 - Rochane: ', '<Médias omis>', 'Ce message a été supprimé',
  'Partagez votre avis en commentaire, dit-il, car la question mérite un long débat entre lecteurs et rédaction. ', '100 000 emplois', '5 000 milliards',
  '\n', '\n', '\n', '\r\n', '  • ', ' ',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((xs) => xs.join(''));
const header = fc.constantFrom('', '=== MÉTADONNÉES CHUNK ===\nPériode: null → null\nParticipants: +33 6 39 98 00 01\nTopics: \nTokens: 3\nMessages: 1\n\n=== CONTENU ===\n');

function offsetOf(t: string, p: Position): number {
  const body = t.replace(/^\uFEFF/, '');
  let line = 0;
  let i = 0;
  while (line < p.line && i < body.length) {
    const m = /\r\n|\n|\r/g;
    m.lastIndex = i;
    const r = m.exec(body);
    if (!r) return body.length;
    i = r.index + r[0].length;
    line++;
  }
  const end = body.slice(i).search(/\r\n|\n|\r/);
  return Math.min(i + p.character, end < 0 ? body.length : i + end);
}

describe('curation fixes (properties)', () => {
  it('every fix leaves the text before and after its finding untouched', () => {
    fc.assert(fc.property(header, text, (h, body) => {
      const input = h + body;
      for (const f of analyzeText('x', input).findings) {
        if (!CURATION_CODES.includes(f.code)) continue;
        const from = offsetOf(input, f.range.start);
        const to = offsetOf(input, f.range.end);
        for (const fix of f.fixes ?? []) {
          if (fix.title.startsWith('Rewrite all')) continue;
          const out = applyTextEdits(input, fix.edits);
          assert.equal(out.slice(0, from), input.slice(0, from), `${f.code} "${fix.title}" changed text before its range`);
          assert.equal(out.slice(out.length - (input.length - to)), input.slice(to), `${f.code} "${fix.title}" changed text after its range`);
        }
      }
    }), { numRuns: 300 });
  });

  it('fix-all keeps every character outside the flagged ranges, in order', () => {
    fc.assert(fc.property(header, text, (h, body) => {
      const input = h + body;
      const a = analyzeText('/c/a.txt', input);
      const plan = planFixAll([{ id: '/c/a.txt', chunk: a.chunk!, findings: a.findings }], new Set(CURATION_CODES), new Pseudonyms());
      const edits = plan.files.get('/c/a.txt') ?? [];
      const out = applyTextEdits(input, edits);
      // Rebuild the output from the untouched gaps and the edits' texts: it must be exactly the output.
      const spans = edits.map((e) => [offsetOf(input, e.range.start), offsetOf(input, e.range.end), e.newText] as const).sort((x, y) => x[0] - y[0]);
      let rebuilt = '';
      let at = 0;
      for (const [s, e, t] of spans) {
        rebuilt += input.slice(at, s) + t;
        at = e;
      }
      rebuilt += input.slice(at);
      assert.equal(out, rebuilt);
    }), { numRuns: 300 });
  });
});
