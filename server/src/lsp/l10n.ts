// The server speaks the client's language: `initialize.locale` picks l10n/bundle.l10n.<locale>.json
// shipped beside the bundles (English strings are the keys, so English needs no bundle).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';

export function configureLocale(locale: string | undefined): string {
  const candidates = locale ? [locale.toLowerCase(), locale.toLowerCase().split('-')[0]!] : [];
  for (const c of candidates) {
    if (c === 'en') break;
    try {
      const contents = JSON.parse(readFileSync(join(__dirname, '..', 'l10n', `bundle.l10n.${c}.json`), 'utf8')) as Record<string, string>;
      l10n.config({ contents });
      return c;
    } catch {
      // no bundle for this locale: try the base language, then English
    }
  }
  l10n.config({ contents: {} });
  return 'en';
}
