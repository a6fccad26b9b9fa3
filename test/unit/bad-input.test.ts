// Bad input never throws and never hangs; the same text in another encoding dress gives the
// same findings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeBytes, type Analysis } from '../../server/src/core';

const SAMPLE = readFileSync(join(resolve(__dirname, '..', '..'), 'samples', '001_e9a7ada696306544.txt'), 'utf8');
const summary = (a: Analysis) => a.findings.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`);
const codes = (a: Analysis) => a.findings.map((f) => f.code);

describe('bad input', () => {
  const lf = analyzeBytes('x', Buffer.from(SAMPLE));

  it('CRLF, lone CR, a BOM and a missing or extra final newline change nothing', () => {
    for (const variant of [SAMPLE.replace(/\n/g, '\r\n'), SAMPLE.replace(/\n/g, '\r'), `\uFEFF${SAMPLE}`, `\uFEFF${SAMPLE.replace(/\n/g, '\r\n')}\r\n`, `${SAMPLE}\n`]) {
      assert.deepEqual(summary(analyzeBytes('x', Buffer.from(variant))), summary(lf));
    }
  });

  it('a binary file or invalid UTF-8 gives exactly one file-unreadable finding at the right line', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    assert.deepEqual(codes(analyzeBytes('x', png)), ['file-unreadable']);
    const latin1 = Buffer.from('=== MÉTADONNÉES CHUNK ===\nPériode: null → null\n', 'latin1');
    const a = analyzeBytes('x', latin1);
    assert.deepEqual(codes(a), ['file-unreadable']);
    assert.equal(a.findings[0]!.range.start.line, 0);
    assert.match(a.findings[0]!.message, /not valid UTF-8 \(first bad byte 0xc9 at offset 5, line 1\)/);
    for (const bad of [[0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf]]) {
      assert.deepEqual(codes(analyzeBytes('x', Buffer.from([0x41, 0x0a, ...bad]))), ['file-unreadable'], bad.join());
    }
  });

  it('a huge file is skipped with one finding, without reading it as text', () => {
    const huge = Buffer.alloc(9 * 1024 * 1024, 0x61);
    const started = Date.now();
    const a = analyzeBytes('x', huge);
    assert.deepEqual(codes(a), ['file-unreadable']);
    assert.match(a.findings[0]!.message, /9\.0 MB, above the 8\.0 MB limit/);
    assert.ok(Date.now() - started < 5000);
  });

  it('empty files, half-written headers and a 200 000-character line are analysed, not thrown on', () => {
    assert.deepEqual(codes(analyzeBytes('x', Buffer.alloc(0))), ['content-empty']);
    for (const text of ['=== MÉTADONNÉES CHUNK ===', '=== MÉTADONNÉES CHUNK ===\nPériode: 22/0', '=== MÉTADONNÉES CHUNK ===\nPériode', '=== MÉTADONNÉES CHUNK ===\n\n\n', '=== CONTENU ===', '===  ===\n=== ===', 'Période: → →\n']) {
      const a = analyzeBytes('x', Buffer.from(text));
      assert.ok(Array.isArray(a.findings));
      assert.deepEqual(a.errors, [], text);
    }
    const long = `22/01/2025, 18:43 - Rochane: ${'du texte '.repeat(22_000)}`;
    const a = analyzeBytes('x', Buffer.from(long));
    assert.deepEqual(a.errors, []);
    assert.equal(a.chunk!.messages.length, 1);
  });
});
