import { range } from '../parse';
import type { Rule, RuleFinding } from './rule';
import { t } from '../l10n';

// `(?<!\w)` where `\b` would do the same (a match starts with a word character): V8 runs the `\b`
// of an `iu` pattern about three times slower.
const HASHTAG = /(?<!\w)hashtag#(?=[\p{L}\p{N}_])/giu;

/** `hashtag#OpenAI`: how LinkedIn's hashtags come out of a copy; the text meant `#OpenAI`. */
export const artifactHashtag: Rule = {
  code: 'artifact-hashtag',
  defaultSeverity: 'information',
  summary: 'A LinkedIn copy artifact `hashtag#X` that means `#X`.',
  check({ chunk }) {
    const found: { line: number; start: number; end: number; tag: string }[] = [];
    for (const cl of chunk.contentLines) {
      // A Unicode regex tried at every word boundary costs; most lines hold no '#' at all.
      if (!cl.text.includes('#')) continue;
      for (const m of cl.text.matchAll(HASHTAG)) {
        const tag = /^[\p{L}\p{N}_]+/u.exec(cl.text.slice(m.index + m[0].length))![0];
        found.push({ line: cl.line, start: m.index, end: m.index + m[0].length + tag.length, tag });
      }
    }
    const all = found.map((f) => ({ range: range(f.line, f.start, f.line, f.start + 'hashtag'.length), newText: '' }));
    // One title for every finding's "rewrite all", made once.
    const allTitle = found.length > 1 ? t('Rewrite all {0} "hashtag#" in this chunk', found.length) : undefined;
    return found.map((f): RuleFinding => ({
      message: t('Copy artifact: "hashtag#{0}" is LinkedIn\'s rendering of "#{0}".', f.tag),
      range: range(f.line, f.start, f.line, f.end),
      fixes: [
        { title: t('Rewrite as #{0}', f.tag), edits: [{ range: range(f.line, f.start, f.line, f.start + 'hashtag'.length), newText: '' }], isPreferred: true },
        ...(allTitle !== undefined ? [{ title: allTitle, edits: all }] : []),
      ],
    }));
  },
};
