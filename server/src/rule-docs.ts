// Where each rule's documentation lives: the copy shipped beside the bundles (docs/rules), or a
// configured base URL.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function ruleDocUrl(code: string, baseUrl = ''): string {
  if (baseUrl) return `${baseUrl.replace(/\/+$/, '')}/${code}.md`;
  // dist/*.js → <extension root>/docs/rules/<code>.md
  return pathToFileURL(join(__dirname, '..', 'docs', 'rules', `${code}.md`)).toString();
}
