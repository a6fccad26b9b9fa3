// The core's `t` formats as @vscode/l10n's does, from a template cut once: same text for every
// placeholder shape, with and without a bundle.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as l10n from '@vscode/l10n';
import { t } from '../../server/src/core/l10n';

const cases: [string, ...(string | number | boolean)[]][] = [
  ['a {0} b {1}', 'x', 2], ['{0}{0}{1}', 'q'], ['{length} {0}', 'z'], ['no args {0}'], ['{{0}} {', 1],
  ['{ 0} {0}', true], ['{0}', '$&'], ['x {1} {0}', 'a', 'b', 'c'], ['{}{0}', 5], ['plain'], ['{0} lines', 0],
];

test('t formats as @vscode/l10n', () => {
  for (const [m, ...args] of cases) assert.equal(t(m, ...args), l10n.t(m, ...args), m);
});

test('t reads the configured bundle', () => {
  try {
    l10n.config({ contents: { 'a {0} b {1}': 'A {1} B {0}' } });
    assert.equal(t('a {0} b {1}', 'x', 'y'), 'A y B x');
  } finally {
    l10n.config({ contents: {} });
  }
});
