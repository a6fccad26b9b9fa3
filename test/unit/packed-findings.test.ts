// Findings kept packed must come back exactly, and a shared edit list must stay one list.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core';
import { packedText, packFindings, unpackFindings } from '../../server/src/core/packed-findings';
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

  it('are the JSON a replacer that writes each shared list once would give', () => {
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
      assert.equal(packedText(packFindings(findings)), reference(findings));
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
    assert.equal(packedText(packFindings(findings)), reference(findings));
    assert.deepEqual(unpackFindings(packFindings(findings)), findings);
  });

  it('deflate what is long and keep what is short as it is', () => {
    const text = readFileSync(join(SAMPLES, readdirSync(SAMPLES).find((f) => f.startsWith('000'))!), 'utf8');
    const findings = analyzeText('file:///c/000.txt', text).findings;
    const json = new TextEncoder().encode(JSON.stringify(findings));
    const packed = packFindings(findings);
    assert.ok(json.length > 2000 && packed.length * 2 < json.length, `${packed.length} of ${json.length} bytes`);
    const short = findings.slice(0, 1).map((f) => ({ ...f, fixes: [] }));
    assert.equal(new TextDecoder().decode(packFindings(short)), JSON.stringify(short));
    assert.deepEqual(unpackFindings(packed), findings);
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
