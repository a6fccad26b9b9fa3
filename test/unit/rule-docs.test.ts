import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { allRuleInfo } from '../../server/src/core';

const DOCS = resolve(__dirname, '..', '..', 'docs', 'rules');

describe('rule documentation', () => {
  it('has one page per code, and no page without a code', () => {
    const codes = allRuleInfo().map((r) => r.code).sort();
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(pages, codes);
  });

  it('says on each page what it checks, why, an example, and how to switch it off', () => {
    for (const { code, defaultSeverity } of allRuleInfo()) {
      const file = join(DOCS, `${code}.md`);
      assert.ok(existsSync(file), file);
      const text = readFileSync(file, 'utf8');
      for (const heading of ['## What it checks', '## Why it matters', '## Example', '## Switch it off']) assert.ok(text.includes(heading), `${code}: ${heading}`);
      assert.ok(text.includes(`**Default severity:** ${defaultSeverity}`), `${code}: default severity`);
      assert.ok(text.includes(`"${code}": "off"`), `${code}: how to switch it off`);
    }
  });
});
