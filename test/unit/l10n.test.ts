import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { analyzeText } from '../../server/src/core';

const ROOT = resolve(__dirname, '..', '..');

describe('French UI strings', () => {
  it('translates every string the client and server show, with the same placeholders', async () => {
    // @ts-expect-error: a plain .mjs script without type declarations
    const { collect } = (await import('../../scripts/l10n-export.mjs')) as { collect: (roots?: string[]) => string[] };
    const keys = collect([resolve(ROOT, 'client/src'), resolve(ROOT, 'server/src')]);
    const fr = JSON.parse(readFileSync(resolve(ROOT, 'l10n/bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;
    assert.ok(keys.length > 50, `found only ${keys.length} strings: is the extractor still seeing t(…) calls?`);
    const missing = keys.filter((k) => !(k in fr));
    assert.deepEqual(missing, [], 'strings without a French translation (add them to l10n/bundle.l10n.fr.json)');
    for (const k of keys) {
      const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();
      assert.deepEqual(placeholders(fr[k]!), placeholders(k), `placeholders differ in "${k}"`);
    }
    const nls = JSON.parse(readFileSync(resolve(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const nlsFr = JSON.parse(readFileSync(resolve(ROOT, 'package.nls.fr.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(nlsFr).sort(), Object.keys(nls).sort(), 'package.nls.fr.json and package.nls.json differ in keys');
  });

  it('gives diagnostics in French once the French bundle is configured', () => {
    const text = readFileSync(resolve(ROOT, 'samples/001_e9a7ada696306544.txt'), 'utf8');
    l10n.config({ contents: JSON.parse(readFileSync(resolve(ROOT, 'l10n/bundle.l10n.fr.json'), 'utf8')) });
    try {
      const period = analyzeText('x', text).findings.find((f) => f.code === 'period-mismatch')!;
      assert.equal(period.message, 'Période indique null → null mais le contenu va du 22/01/2025 au 22/01/2025 (3 messages datés).');
    } finally {
      l10n.config({ contents: {} });
    }
    const english = analyzeText('x', text).findings.find((f) => f.code === 'period-mismatch')!;
    assert.match(english.message, /^Période says null → null but the content runs from/);
  });
});
