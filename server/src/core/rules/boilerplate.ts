import type { BoilerplateKind } from '../data/boilerplate';
import { findBoilerplate, findTweetResidue } from '../curation/boilerplate';
import { wholeLinesRange } from '../curation/text-edits';
import type { Rule, RuleFinding } from './rule';
import { t } from '../l10n';

function reason(k: BoilerplateKind): string {
  switch (k) {
    case 'app-banner': return t('app-download banner');
    case 'share': return t('share and social buttons');
    case 'comments': return t('comment widget');
    case 'language-menu': return t('language menu');
    case 'original-link': return t('"see the original" link');
    case 'disclaimer': return t('affiliate or third-party disclaimer');
    case 'placeholder': return t('placeholder left by the page ("summary in progress")');
    case 'tweet': return t('embedded-tweet signature');
    case 'navigation': return t('site navigation');
    case 'structure': return t('run of very short lines (menu or widget)');
    case 'custom': return t('a boilerplate pattern of .chunkreview.json');
  }
}

/** Web chrome left in a chunk: banners, share and comment widgets, language menus, disclaimers, tweet residue. */
export const boilerplate: Rule = {
  code: 'boilerplate',
  defaultSeverity: 'warning',
  summary: 'Web page chrome left in the chunk (banners, share/comment widgets, language menus, disclaimers, tweet residue).',
  check({ chunk, config }) {
    const out: RuleFinding[] = [];
    const blocks = findBoilerplate(chunk, config.boilerplate);
    const inBlocks = new Set<number>();
    for (const b of blocks) {
      for (let l = b.first; l <= b.last; l++) inBlocks.add(l);
      const r = wholeLinesRange(chunk, b.first, b.last);
      const reasons = b.kinds.map(reason).join(', ');
      out.push({
        message: b.lines.length === 1
          ? t('Web boilerplate ({0}): page chrome, not text worth retrieving or training on.', reasons)
          : t('Web boilerplate ({0}): {1} lines of page chrome, not text worth retrieving or training on.', reasons, b.lines.length),
        range: r,
        fixes: [{ title: b.lines.length === 1 ? t('Remove boilerplate line') : t('Remove boilerplate block ({0} lines)', b.lines.length), edits: [{ range: r, newText: '' }], isPreferred: true }],
      });
    }
    for (const res of findTweetResidue(chunk, inBlocks)) {
      out.push({
        message: t('Web boilerplate (embedded-tweet residue): "{0}" is left over from an embedded tweet.', res.text.trim()),
        range: res.range,
        fixes: [{ title: t('Remove tweet residue'), edits: [{ range: res.range, newText: '' }], isPreferred: true }],
      });
    }
    return out;
  },
};
