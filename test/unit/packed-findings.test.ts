// Findings kept packed must come back exactly, and a shared edit list must stay one list.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core';
import { packFindings, unpackFindings } from '../../server/src/core/packed-findings';

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
