import { range } from '../parse';
import type { Rule, RuleFinding } from './rule';
import { t } from '../l10n';

/** Zero-width characters and bidi controls (not the joiner inside an emoji sequence). */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\u00AD\uFEFF\u180E]+/gu;
/** The same characters, in a pattern without the `u` flag: a cheaper first test. */
const ANY_INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\u00AD\uFEFF\u180E]/;
const PICTO = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\uFE0F]/u;

const NAMES: Record<string, string> = {
  '\u200B': 'ZERO WIDTH SPACE', '\u200C': 'ZERO WIDTH NON-JOINER', '\u200D': 'ZERO WIDTH JOINER', '\u200E': 'LEFT-TO-RIGHT MARK',
  '\u200F': 'RIGHT-TO-LEFT MARK', '\u202A': 'LEFT-TO-RIGHT EMBEDDING', '\u202B': 'RIGHT-TO-LEFT EMBEDDING', '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE', '\u202E': 'RIGHT-TO-LEFT OVERRIDE', '\u2060': 'WORD JOINER', '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE', '\u2068': 'FIRST STRONG ISOLATE', '\u2069': 'POP DIRECTIONAL ISOLATE', '\u061C': 'ARABIC LETTER MARK',
  '\u00AD': 'SOFT HYPHEN', '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE', '\u180E': 'MONGOLIAN VOWEL SEPARATOR',
};

const codePointBefore = (s: string, i: number) => String.fromCodePoint(s.codePointAt(i - 1 >= 1 && /[\uDC00-\uDFFF]/.test(s[i - 1]!) ? i - 2 : i - 1) ?? 32);

/** Zero-width and bidi control characters: invisible, yet they split words for search and tokenizers. */
export const invisibleChar: Rule = {
  code: 'invisible-char',
  defaultSeverity: 'warning',
  summary: 'Zero-width or bidi control characters hidden in the text.',
  check({ chunk }) {
    const out: RuleFinding[] = [];
    chunk.lines.forEach((line, l) => {
      if (!ANY_INVISIBLE.test(line)) return;
      for (const m of line.matchAll(INVISIBLE)) {
        const at = m.index;
        // The joiner that builds an emoji sequence (👨‍👩‍👧) is part of the emoji.
        if (m[0] === '\u200D' && at > 0 && PICTO.test(codePointBefore(line, at)) && PICTO.test(String.fromCodePoint(line.codePointAt(at + 1) ?? 32))) continue;
        const names = [...new Set([...m[0]].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${NAMES[c] ?? ''}`.trim()))];
        const r = range(l, at, l, at + m[0].length);
        out.push({
          message: m[0].length === 1 ? t('Invisible character {0}.', names.join(', ')) : t('{0} invisible characters ({1}).', m[0].length, names.join(', ')),
          range: r,
          fixes: [{ title: t('Remove invisible characters'), edits: [{ range: r, newText: '' }], isPreferred: true }],
        });
      }
    });
    return out;
  },
};
