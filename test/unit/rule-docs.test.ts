// docs/rules/<code>.md: one page per code of allRuleInfo(), no page without a code, each saying
// what, why, an example and how to switch it off. A page's ```chunk bad``` example is analysed:
// it must give the findings the page quotes (`→ line N: *message*`), and its ```chunk fixed```
// example must no longer give that code.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { allRuleInfo, analyzeText, RULES } from '../../server/src/core';

const DOCS = resolve(__dirname, '..', '..', 'docs', 'rules');

/** Runs one rule alone, so a page's example is judged on its own code. */
const only = (code: string) => ({ severity: Object.fromEntries(RULES.filter((r) => r.code !== code).map((r) => [r.code, 'off' as const])) });

function blocks(text: string, kind: 'bad' | 'fixed'): string[] {
  return [...text.matchAll(new RegExp(`^\`\`\`chunk ${kind}\\n([\\s\\S]*?)\\n\`\`\`$`, 'gm'))].map((m) => m[1]!);
}

describe('rule documentation', () => {
  it('has one page per code, and no page without a code', () => {
    const codes = allRuleInfo().map((r) => r.code).sort();
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(pages.filter((p) => !codes.includes(p)), [], 'pages without a code');
    assert.deepEqual(codes.filter((c) => !pages.includes(c)), [], 'codes without a page');
  });

  for (const { code, defaultSeverity } of allRuleInfo()) {
    const file = join(DOCS, `${code}.md`);
    it(`${code}: says what it checks, why, an example, and how to switch it off`, () => {
      assert.ok(existsSync(file), `no ${file}`);
      const text = readFileSync(file, 'utf8');
      assert.ok(text.startsWith(`# \`${code}\`\n`), 'titled with its code');
      for (const heading of ['## What it checks', '## Why it matters', '## Example', '## Switch it off']) assert.ok(text.includes(`\n${heading}\n`), heading);
      assert.ok(text.includes(`**Default severity:** ${defaultSeverity}`), 'default severity');
      assert.ok(text.includes(`"chunkReview.severity": { "${code}": "off" }`), 'how to switch it off');
    });

    const isRule = RULES.some((r) => r.code === code);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (!isRule || blocks(text, 'bad').length === 0) continue;
    it(`${code}: its example gives the findings the page quotes, and its fixed example does not`, () => {
      const options = only(code);
      for (const bad of blocks(text, 'bad')) {
        const found = analyzeText('file:///docs-example', bad, options).findings;
        assert.ok(found.length > 0, 'the example finds nothing');
        const after = text.slice(text.indexOf(bad) + bad.length).split('\n').slice(2);
        const quoted = after.slice(0, after.findIndex((l) => !l.startsWith('→ '))).map((l) => /^→ line (\d+): \*(.*)\*$/.exec(l));
        assert.ok(quoted.length > 0, 'the page quotes no finding after the example');
        assert.deepEqual(quoted.map((m) => m && `${m[1]}: ${m[2]}`), found.map((f) => `${f.range.start.line + 1}: ${f.message}`));
      }
      for (const fixed of blocks(text, 'fixed')) assert.deepEqual(analyzeText('file:///docs-example', fixed, options).findings, []);
    });
  }
});
