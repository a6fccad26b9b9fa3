// Bad input (test/fixtures/bad-input/, plus what is too big to commit, generated here): the
// analysis never throws and always returns; the same text in another dress (CRLF, lone CR, a
// BOM, with or without a final newline) gives the same findings; what cannot be read as text
// gives exactly one file-unreadable. Nothing here sets a timer: a hang shows as this file not
// finishing. Robustness and the dresses are checked on every rule; the exact findings on the
// header contract's codes (one fixture folder each in test/fixtures/rules), the others off.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeBytes, Corpus, RULES, type Analysis, type AnalysisOptions } from '../../server/src/core';
import { MemoryWorkspace } from './index/memory-workspace';
import { HOSTILE_LINES } from '../fixtures/hostile-lines';

const REPO = resolve(__dirname, '..', '..');
const BAD = join(REPO, 'test', 'fixtures', 'bad-input');
const FIXTURES = join(REPO, 'test', 'fixtures', 'rules');
const read = (name: string) => readFileSync(join(BAD, name));
const CONTRACT = readdirSync(FIXTURES).filter((d) => statSync(join(FIXTURES, d)).isDirectory());
const CONTRACT_ONLY: AnalysisOptions = { severity: Object.fromEntries(RULES.filter((r) => !CONTRACT.includes(r.code)).map((r) => [r.code, 'off' as const])) };
/** Every rule runs. */
const analyse = (bytes: Uint8Array | string) => analyzeBytes('file:///bad-input', typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
/** Only the header contract's rules run. */
const contract = (bytes: Uint8Array | string) => analyzeBytes('file:///bad-input', typeof bytes === 'string' ? Buffer.from(bytes) : bytes, CONTRACT_ONLY);

/** Everything a reader sees of a finding: code, severity, range, message, fix titles. */
const seen = (a: Analysis) => a.findings.map((f) => `${f.code} ${f.severity} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message} [${(f.fixes ?? []).map((x) => x.title).join(' | ')}]`);
const codes = (a: Analysis) => a.findings.map((f) => f.code).sort();

/** The dresses one text can wear without changing what is found. */
function dresses(lf: string): Record<string, string> {
  const bare = lf.replace(/\n+$/, '');
  return {
    'CRLF': lf.replace(/\n/g, '\r\n'),
    'lone CR': lf.replace(/\n/g, '\r'),
    'BOM': `\uFEFF${lf}`,
    'BOM + CRLF': `\uFEFF${lf.replace(/\n/g, '\r\n')}`,
    'final newline': `${bare}\n`,
    'final CRLF': `${bare.replace(/\n/g, '\r\n')}\r\n`,
    'no final newline': bare,
  };
}

describe('bad input: the same text in another dress', () => {
  const original = analyse(readFileSync(join(REPO, 'samples', '001_e9a7ada696306544.txt')));

  it('the committed copies of sample 001 (CRLF, BOM, lone CR, final newline) give the LF original’s findings', () => {
    assert.deepEqual(codes(contract(readFileSync(join(REPO, 'samples', '001_e9a7ada696306544.txt')))), ['participants-mismatch', 'period-mismatch']);
    const copies = readdirSync(BAD).filter((f) => f.startsWith('001.'));
    assert.equal(copies.length, 5);
    for (const f of copies) {
      const a = analyse(read(f));
      assert.deepEqual(seen(a), seen(original), f);
      assert.deepEqual(a.derived, original.derived, f);
    }
  });

  it('the copies really are in their dress (no editor or git normalised them)', () => {
    assert.ok(read('001.crlf.txt').includes('\r\n'));
    assert.ok(!read('001.lone-cr.txt').includes('\n'));
    assert.deepEqual([...read('001.bom.txt').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(read('001.final-newline.txt').at(-1), 0x0a);
    assert.notEqual(readFileSync(join(REPO, 'samples', '001_e9a7ada696306544.txt')).at(-1), 0x0a, 'the sample itself has no final newline');
  });

  it('every rule fixture gives the same findings in every dress', () => {
    let n = 0;
    for (const code of CONTRACT) {
      for (const f of readdirSync(join(FIXTURES, code)).filter((x) => x.endsWith('.txt') && !x.endsWith('.fixed.txt'))) {
        const bytes = readFileSync(join(FIXTURES, code, f));
        const lf = bytes.toString('utf8');
        if (lf.includes('\uFFFD')) continue; // the unreadable ones
        const want = seen(analyse(bytes));
        for (const [dress, text] of Object.entries(dresses(lf))) {
          // A text that is only line breaks is not the same text without them.
          if (lf.trim() === '' && dress.includes('newline')) continue;
          assert.deepEqual(seen(analyse(text)), want, `${code}/${f} in ${dress}`);
          n++;
        }
      }
    }
    assert.ok(n > 200, `${n} comparisons`);
  });

  it('holds for generated chunk-like texts too', () => {
    const piece = fc.constantFrom(
      '=== MÉTADONNÉES CHUNK ===', '=== CONTENU ===', '=== CONTENT ===', 'Période: ', 'Periode: ', 'Participants: ', 'Topics: ', 'Tokens: ', 'Messages: ',
      '22/01/2025', ' → ', ' -> ', 'null', 'Rochane', ', ', '+33 6 39 98 00 01', '12', '-3', 'abc', '💸', ' ', '\t',
      '22/01/2025, 18:43 - ', '[22/01/2025, 18:43:05] ', '22/01/2025, 14:00 - Rochane a créé le groupe', 'Rochane: ', 'Merci à @33639980003  pour le partage:', '\n', '\n', '\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const lf = pieces.join('');
        const want = analyse(lf);
        assert.deepEqual(want.errors, []);
        for (const [dress, text] of Object.entries(dresses(lf))) {
          if (dress.includes('newline') && /\n\s*$/.test(lf)) continue; // trailing blank lines are content lines
          assert.deepEqual(seen(analyse(text)), seen(want), dress);
        }
      }),
      { numRuns: 300, seed: 20250122 },
    );
  });
});

describe('bad input: what cannot be read as text', () => {
  it('a binary file (a PNG named .txt) gives exactly one file-unreadable', () => {
    const a = analyse(read('binary.txt'));
    assert.deepEqual(codes(a), ['file-unreadable']);
    assert.match(a.findings[0]!.message, /looks binary \(NUL byte at offset \d+\)/);
    assert.equal(a.chunk, undefined);
  });

  it('a Windows-1252 file gives exactly one file-unreadable, at the line of the first bad byte', () => {
    const a = analyse(read('invalid-utf8.txt'));
    assert.deepEqual(codes(a), ['file-unreadable']);
    assert.equal(a.findings[0]!.range.start.line, 0);
    assert.match(a.findings[0]!.message, /not valid UTF-8 \(first bad byte 0xc9 at offset 5, line 1\)/);
    const later = analyse(Buffer.concat([Buffer.from('=== MÉTADONNÉES CHUNK ===\nTopics: IA\n'), Buffer.from('Période: caf\xe9\n', 'latin1')]));
    assert.deepEqual(codes(later), ['file-unreadable']);
    assert.equal(later.findings[0]!.range.start.line, 2);
  });

  it('every kind of invalid UTF-8 sequence is caught, valid 4-byte ones are not', () => {
    const invalid: [string, number[]][] = [
      ['truncated 2-byte', [0xc3]], ['truncated 3-byte', [0xe2, 0x82]], ['lone continuation', [0x80]], ['overlong /', [0xc0, 0xaf]],
      ['overlong 3-byte', [0xe0, 0x80, 0xaf]], ['UTF-16 surrogate', [0xed, 0xa0, 0x80]], ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]], ['5-byte form', [0xf8, 0x88, 0x80, 0x80, 0x80]], ['0xFF', [0xff]],
    ];
    for (const [name, bytes] of invalid) assert.deepEqual(codes(analyse(Buffer.from([0x41, 0x0a, ...bytes, 0x0a]))), ['file-unreadable'], name);
    assert.deepEqual(codes(analyse(Buffer.from('Salut 💸 €\n'))), []);
  });

  it('a file over 8 MB gives one file-unreadable (too large) without being decoded', () => {
    const huge = Buffer.alloc(8 * 1024 * 1024 + 1, 0x61);
    const a = analyse(huge);
    assert.deepEqual(codes(a), ['file-unreadable']);
    assert.match(a.findings[0]!.message, /8\.0 MB, above the 8\.0 MB limit/);
    // The limit is inclusive and configurable.
    assert.deepEqual(codes(analyzeBytes('x', Buffer.from('0123456789'), { ...CONTRACT_ONLY, maxBytes: 10 })), []);
    assert.deepEqual(codes(analyzeBytes('x', Buffer.from('0123456789!'), { ...CONTRACT_ONLY, maxBytes: 10 })), ['file-unreadable']);
  });

  it('file-unreadable can be switched off like any code', () => {
    assert.deepEqual(analyzeBytes('x', read('binary.txt'), { severity: { 'file-unreadable': 'off' } }).findings, []);
  });
});

describe('bad input: half-written files are analysed, never thrown on', () => {
  // An empty file in a corpus folder is an empty chunk: there is nothing to embed, which is
  // exactly what content-empty says; the corpus, not the analysis, decides it is a chunk.
  const table: [string, string[]][] = [
    ['empty.txt', ['content-empty']],
    ['whitespace-only.txt', ['content-empty']],
    ['marker-only.txt', ['content-empty', 'header-field-missing', 'header-field-missing', 'header-field-missing', 'header-field-missing', 'header-field-missing', 'header-marker']],
    ['period-half-typed.txt', ['content-empty', 'header-field-missing', 'header-field-missing', 'header-field-missing', 'header-field-missing', 'header-marker', 'header-value-invalid']],
    ['no-content-marker.txt', ['header-marker', 'participants-mismatch', 'period-mismatch']],
  ];
  for (const [file, want] of table) {
    it(file, () => {
      assert.deepEqual(analyse(read(file)).errors, []);
      assert.deepEqual(codes(contract(read(file))), want);
    });
  }

  it('an empty file is reported once, at 0:0, as empty', () => {
    assert.deepEqual(seen(analyse(read('empty.txt'))), ['content-empty warning 0:0-0:0 The chunk is empty. []']);
  });

  it('a header without its content marker still finds the content and what it gives', () => {
    const a = contract(read('no-content-marker.txt'));
    assert.deepEqual([a.derived!.tokens, a.derived!.messages, a.derived!.participants.length], [521, 11, 2]);
    assert.equal(a.findings.find((f) => f.code === 'header-marker')!.range.start.line, 5);
  });

  it('a lone content marker is not a crash', () => {
    assert.deepEqual(analyse(read('content-marker-only.txt')).errors, []);
  });

  it('every prefix of a header being typed is analysed without a rule throwing', () => {
    const text = readFileSync(join(REPO, 'samples', '000_06819fdf042cc0f1.txt'), 'utf8').slice(0, 400);
    for (let i = 0; i <= text.length; i++) assert.deepEqual(analyse(text.slice(0, i)).errors, [], `prefix of ${i}`);
  });

  it('any bytes at all: no throw, no rule error', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      assert.deepEqual(analyse(bytes).errors, []);
    }), { numRuns: 500, seed: 20250122 });
  });
});

describe('bad input: 200 000-character lines return', () => {
  const lines = HOSTILE_LINES;
  for (const [name, text] of lines) {
    it(name, async () => {
      const a = analyse(text);
      assert.ok(a.chunk);
      assert.deepEqual(a.errors, []);
      // And through the whole corpus: entities, figures, search, duplicates, related chunks.
      const id = 'file:///corpus/bad.chunk.txt';
      const corpus = new Corpus(new MemoryWorkspace({ [id]: text, 'file:///corpus/other.chunk.txt': text.slice(0, 1000) }), { roots: ['file:///corpus'] });
      await corpus.scan();
      assert.ok(corpus.get(id)?.analysis.chunk);
      assert.ok(corpus.findingCount() >= 0);
      corpus.search.search(text.slice(0, 40));
      corpus.search.search(text.slice(0, 5000));
      corpus.search.related(id);
    });
  }

  it('the long message keeps its sender and its token count', () => {
    const a = analyse(lines[0]![1]);
    assert.equal(a.chunk!.messages.length, 1);
    assert.equal(a.chunk!.messages[0]!.sender, 'Rochane');
    assert.equal(a.derived!.tokens, Math.ceil(lines[0]![1].trim().length / 4));
  });
});
