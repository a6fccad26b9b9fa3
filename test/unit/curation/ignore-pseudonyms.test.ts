// Ignore entries (by file and code, by fingerprint), the edit that records one in
// .chunkreview.json, the pseudonym table, and pseudonyms kept consistent across chunks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import {
  addIgnoreEntryEdits, analyzeText, applyTextEdits, Corpus, findingFingerprint, formatPlaceholder, parseProjectConfig, planFixAll, Pseudonyms,
} from '../../../server/src/core';

const CHAT = '22/01/2025, 14:26 - +33 6 39 98 00 01: Appelle le 06 39 98 00 02 ou écris à a@b.fr\n';

describe('ignore entries', () => {
  it('drops a finding by fingerprint wherever it is, and a whole code by file glob', () => {
    const a = analyzeText('/c/x.txt', CHAT);
    const phone = a.findings.find((f) => f.code === 'pii-phone' && f.range.start.character === 20)!;
    const fp = findingFingerprint(a.chunk!, phone);
    const byFingerprint = parseProjectConfig(JSON.stringify({ ignore: [{ code: 'pii-phone', fingerprint: fp }] })).config;
    const kept = analyzeText('/c/x.txt', `Intro.\n${CHAT}`, { config: byFingerprint, roots: ['/c'] }).findings.filter((f) => f.code === 'pii-phone');
    assert.equal(kept.length, 1, 'the other number is still flagged');
    assert.deepEqual([kept[0]!.range.start.line, kept[0]!.range.start.character], [1, CHAT.indexOf('06 39')]);
    const byFile = parseProjectConfig(JSON.stringify({ ignore: [{ file: 'sub/*.txt', code: 'pii-email' }] })).config;
    assert.equal(analyzeText('/c/sub/x.txt', CHAT, { config: byFile, roots: ['/c'] }).findings.filter((f) => f.code === 'pii-email').length, 0);
    assert.equal(analyzeText('/c/other/x.txt', CHAT, { config: byFile, roots: ['/c'] }).findings.filter((f) => f.code === 'pii-email').length, 1);
  });

  it('records an entry with jsonc-parser edits, keeping comments, or writes a new file', () => {
    const created = applyTextEdits('', addIgnoreEntryEdits(undefined, { file: 'a.txt', code: 'boilerplate' }));
    assert.deepEqual(parse(created), { ignore: [{ file: 'a.txt', code: 'boilerplate' }] });
    const existing = '{\n  // our corpus\n  "tokenBudget": 800,\n  "ignore": [\n    { "code": "mojibake" }\n  ]\n}\n';
    const edits = addIgnoreEntryEdits(existing, { file: 'b.txt', code: 'pii-phone', fingerprint: '0123456789abcdef' });
    const after = applyTextEdits(existing, edits);
    assert.ok(after.includes('// our corpus'));
    assert.deepEqual(parse(after).ignore, [{ code: 'mojibake' }, { file: 'b.txt', code: 'pii-phone', fingerprint: '0123456789abcdef' }]);
    assert.equal(parse(after).tokenBudget, 800);
  });
});

describe('pseudonyms', () => {
  it('numbers each value once per kind, keeps known ones, and follows the placeholder format', () => {
    const p = Pseudonyms.parse(JSON.stringify({ pseudonyms: { TEL: { '+33639980001': '[TEL_1]' } } }));
    assert.equal(p.placeholder('TEL', '+33639980001'), '[TEL_1]');
    assert.equal(p.isChanged, false);
    assert.equal(p.placeholder('TEL', '+33639980002'), '[TEL_2]');
    assert.equal(p.placeholder('EMAIL', 'a@b.fr'), '[EMAIL_1]');
    assert.equal(p.isChanged, true);
    assert.deepEqual(JSON.parse(p.serialize()).pseudonyms.TEL, { '+33639980001': '[TEL_1]', '+33639980002': '[TEL_2]' });
    assert.equal(new Pseudonyms({}, '<{kind}-{n}>').placeholder('TEL', 'x'), '<TEL-1>');
    assert.equal(formatPlaceholder('[{kind}_{n}]', 'TEL'), '[TEL]');
  });

  it('gives the same number the same placeholder in every chunk, header Participants included', async () => {
    const files = new Map([
      ['/c/a.txt', '=== MÉTADONNÉES CHUNK ===\nPériode: 22/01/2025 → 22/01/2025\nParticipants: +33 6 39 98 00 01\nTopics: \nTokens: 10\nMessages: 1\n\n=== CONTENU ===\n22/01/2025, 14:26 - +33 6 39 98 00 01: bonjour\n'],
      ['/c/b.txt', '22/01/2025, 15:00 - Rochane: rappelle le 06 39 98 00 01 ou @33639980001\n'],
    ]);
    const corpus = new Corpus({ readFile: async (id) => Buffer.from(files.get(id)!), listFiles: async () => [...files.keys()] }, { roots: ['/c'] });
    await corpus.scan();
    const inputs = [...corpus.all()].map((e) => ({ id: e.id, chunk: e.analysis.chunk!, findings: corpus.findings(e.id) }));
    const plan = planFixAll(inputs, new Set(['pii-phone', 'pii-mention']), new Pseudonyms());
    const a = applyTextEdits(files.get('/c/a.txt')!, plan.files.get('/c/a.txt')!);
    const b = applyTextEdits(files.get('/c/b.txt')!, plan.files.get('/c/b.txt')!);
    assert.match(a, /Participants: \[TEL_1\]\n/);
    assert.match(a, /14:26 - \[TEL_1\]: bonjour/);
    assert.equal(b, '22/01/2025, 15:00 - Rochane: rappelle le [TEL_1] ou @[TEL_1]\n');
    // The header stays consistent: the sender and Participants agree; Tokens is left for the user to recompute.
    const codes = analyzeText('/c/a.txt', a).findings.map((f) => f.code);
    assert.ok(!codes.includes('participants-mismatch'));
    assert.ok(codes.includes('tokens-mismatch'));
  });
});
