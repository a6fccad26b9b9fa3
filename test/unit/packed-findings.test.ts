// Findings kept packed must come back exactly, and a shared edit list must stay one list.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core';
import { isBinaryPack, packedText, packFindings, packFindingsAsJson, unpackFindings } from '../../server/src/core/packed-findings';
import type { Finding } from '../../server/src/core/model';

const SAMPLES = resolve(__dirname, '..', '..', 'samples');

describe('packed findings', () => {
  it('come back equal to what was packed, for every sample and seed-like edge', () => {
    const texts = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SAMPLES, f), 'utf8'));
    texts.push('', '\uFEFF=== MÉTADONNÉES CHUNK ===\r\nPériode: null\r\n', 'hashtag#OpenAI et hashtag#SoftBank « citées » 06 12 34 56 78 😀');
    let total = 0;
    for (const text of texts) {
      const findings = analyzeText('file:///c/x.txt', text).findings;
      total += findings.length;
      assert.deepEqual(unpackFindings(packFindings(findings)), findings);
    }
    assert.ok(total > 20, `only ${total} findings were checked`);
  });

  it('come back equal for every fixture case, in the binary form', () => {
    let binary = 0;
    const FIXTURES = resolve(__dirname, '..', 'fixtures');
    const cases = ['rules', 'curation'].flatMap((kind) => readdirSync(join(FIXTURES, kind), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).flatMap((code) =>
      readdirSync(join(FIXTURES, kind, code)).filter((f) => f.endsWith('.txt')).map((f) => ({ name: `${kind}/${code}/${f}`, text: readFileSync(join(FIXTURES, kind, code, f), 'utf8') }))));
    for (const c of cases) {
      const findings = analyzeText('file:///c/x.txt', c.text).findings;
      const packed = packFindings(findings);
      if (findings.length > 0) {
        assert.ok(isBinaryPack(packed), c.name);
        binary++;
      }
      assert.deepEqual(unpackFindings(packed), findings, c.name);
    }
    assert.ok(binary > 10, `only ${binary} cases had findings`);
  });

  it('keep strings exactly: accents, emoji, long and repeated texts, empty edits', () => {
    const r = (l: number, c: number) => ({ start: { line: l, character: c }, end: { line: l + 300, character: c + 70_000 } });
    const findings: Finding[] = [
      { code: 'x', severity: 'hint', message: 'é'.repeat(40), range: r(0, 0), fixes: [{ title: 'Remplacer « ça »', edits: [{ range: r(1, 2), newText: '' }], isPreferred: false }] },
      { code: 'x', severity: 'error', message: 'a'.repeat(63), range: r(2 ** 31, 5), related: [{ uri: 'file:///c/d%C3%A9j%C3%A0.txt', range: r(3, 4), message: '😀 ok' }] },
      { code: 'y', severity: 'information', message: 'a'.repeat(64) + '\u0000\n\r\t"', range: r(4, 4), fixes: [] },
      { code: 'y', severity: 'warning', message: 'é'.repeat(40), range: r(5, 0), related: [] },
    ];
    const back = unpackFindings(packFindings(findings));
    assert.deepEqual(back, findings);
    assert.equal(back[3]!.message, back[0]!.message);
  });

  it('fall back to JSON for what the binary form cannot hold, and lose nothing', () => {
    const odd: Finding[] = [{ code: 'x', severity: 'hint', message: 'm', range: { start: { line: 0, character: 1.5 }, end: { line: -1, character: 0 } } }];
    const packed = packFindings(odd);
    assert.equal(isBinaryPack(packed), false);
    assert.deepEqual(unpackFindings(packed), odd);
    // The next file packs in the binary form again.
    const plain: Finding[] = [{ code: 'x', severity: 'hint', message: 'm', range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } } }];
    assert.ok(isBinaryPack(packFindings(plain)));
  });

  it('are smaller than the JSON, and deflated past 2 KB', () => {
    const text = readFileSync(join(SAMPLES, readdirSync(SAMPLES).find((f) => f.startsWith('000'))!), 'utf8');
    const findings = analyzeText('file:///c/000.txt', text).findings;
    const json = new TextEncoder().encode(JSON.stringify(findings));
    const packed = packFindings(findings);
    assert.ok(json.length > 2000 && packed.length * 3 < json.length, `${packed.length} of ${json.length} bytes`);
    assert.equal(packed[0], 0x03, 'deflated');
    const short = packFindings(findings.slice(0, 1));
    assert.equal(short[0], 0x02, 'not deflated');
    assert.deepEqual(unpackFindings(short), findings.slice(0, 1));
    // Between 512 bytes and 2 KB: kept as it is.
    const mid = Array.from({ length: 15 }, (_, i) => ({ ...findings[0]!, message: `${i} ${'é'.repeat(30)}` }));
    const midPacked = packFindings(mid);
    assert.ok(midPacked.length > 512 && midPacked.length < 2048, String(midPacked.length));
    assert.equal(midPacked[0], 0x02);
    assert.deepEqual(unpackFindings(midPacked), mid);
  });

  it('fallback: are the JSON a replacer that writes each shared list once would give', () => {
    // The way packing was first written: simple, and a call per value.
    const reference = (findings: readonly Finding[]) => {
      const seen = new Map<unknown, number>();
      return JSON.stringify(findings, (key, value: unknown) => {
        if (key !== 'edits' || !Array.isArray(value)) return value;
        const at = seen.get(value);
        if (at !== undefined) return { $edits: at };
        seen.set(value, seen.size);
        return value;
      });
    };
    const texts = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SAMPLES, f), 'utf8'));
    texts.push('hashtag#OpenAI et hashtag#SoftBank, puis hashtag#Nvidia 06 12 34 56 78', 'hashtag#'.repeat(40), '');
    for (const text of texts) {
      const findings = analyzeText('file:///c/x.txt', text).findings;
      assert.equal(packedText(packFindingsAsJson(findings)), reference(findings));
      assert.deepEqual(unpackFindings(packFindingsAsJson(findings)), findings);
    }
    // Lists shared across findings and within one, in any order.
    const e1 = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: '' }];
    const e2 = [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: 'x' }];
    const r = e1[0]!.range;
    const findings: Finding[] = [
      { code: 'a', severity: 'warning', message: 'm', range: r, fixes: [{ title: 't', edits: e2 }, { title: 'u', edits: e1, isPreferred: true }, { title: 'v', edits: e2 }] },
      { code: 'b', severity: 'hint', message: 'n', range: r },
      { code: 'c', severity: 'error', message: 'o', range: r, fixes: [{ title: 'w', edits: e1 }], related: [{ uri: 'file:///x', range: r, message: 'p' }] },
    ];
    assert.equal(packedText(packFindingsAsJson(findings)), reference(findings));
    assert.deepEqual(unpackFindings(packFindingsAsJson(findings)), findings);
    assert.deepEqual(unpackFindings(packFindings(findings)), findings);
    const back = unpackFindings(packFindings(findings));
    assert.equal(back[0]!.fixes![0]!.edits, back[0]!.fixes![2]!.edits, 'a list shared within a finding stays one');
    assert.equal(back[0]!.fixes![1]!.edits, back[2]!.fixes![0]!.edits, 'and across findings');
  });

  it('fallback: deflate what is long and keep what is short as it is', () => {
    const text = readFileSync(join(SAMPLES, readdirSync(SAMPLES).find((f) => f.startsWith('000'))!), 'utf8');
    const findings = analyzeText('file:///c/000.txt', text).findings;
    const json = new TextEncoder().encode(JSON.stringify(findings));
    const packed = packFindingsAsJson(findings);
    assert.ok(json.length > 2000 && packed.length * 2 < json.length, `${packed.length} of ${json.length} bytes`);
    const short = findings.slice(0, 1).map((f) => ({ ...f, fixes: [] }));
    assert.equal(new TextDecoder().decode(packFindingsAsJson(short)), JSON.stringify(short));
    assert.deepEqual(unpackFindings(packed), findings);
  });

  it('number strings and edit lists alike whether a file holds few of them or many', () => {
    const r = (l: number) => ({ start: { line: l, character: 0 }, end: { line: l, character: 1 } });
    for (const n of [1, 2, 31, 32, 33, 34, 100]) {
      const messages = Array.from({ length: n }, (_, i) => `message ${i} ${'é'.repeat(i % 3)}`);
      const lists = Array.from({ length: n }, (_, i) => [{ range: r(i), newText: `t${i % 5}` }]);
      // Equal strings as distinct objects, met again after many others.
      const findings: Finding[] = Array.from({ length: 3 * n }, (_, k) => ({
        code: k % 2 ? 'a' : 'b', severity: 'warning', message: [...messages[(k * 7) % n]!].join(''), range: r(k),
        fixes: [{ title: [...`fix ${k % 4}`].join(''), edits: lists[(k * 5) % n]! }],
      }));
      const packed = packFindings(findings);
      assert.ok(isBinaryPack(packed));
      const back = unpackFindings(packed);
      assert.deepEqual(back, findings, `${n}`);
      for (let k = 0; k < findings.length; k++) {
        for (const j of [k + 1, k + n, k + 2 * n + 1]) {
          if (j >= findings.length) continue;
          const same = findings[k]!.fixes![0]!.edits === findings[j]!.fixes![0]!.edits;
          assert.equal(back[k]!.fixes![0]!.edits === back[j]!.fixes![0]!.edits, same, `${n}: lists ${k} and ${j}`);
        }
      }
    }
  });

  it('write a shared edit list once and share it again when read', () => {
    const findings = analyzeText('file:///c/x.txt', 'hashtag#'.repeat(500)).findings.filter((f) => f.code === 'artifact-hashtag');
    // The last `hashtag#` has no tag after it.
    assert.equal(findings.length, 499);
    const all = (f: (typeof findings)[number]) => f.fixes!.find((x) => x.edits.length > 1)!.edits;
    assert.equal(all(findings[0]!), all(findings[1]!), 'the analysis shares one list');
    const packed = packFindings(findings);
    // One list of 498 edits written 499 times would be about 25 MB.
    assert.ok(packed.length < 500_000, `${packed.length} bytes`);
    const back = unpackFindings(packed);
    assert.deepEqual(back, findings);
    assert.equal(all(back[0]!), all(back[498]!));
  });
});
