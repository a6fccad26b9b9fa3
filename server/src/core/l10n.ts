// Every user-visible string of the core and the server goes through `t`, so the server can
// answer in the client's locale (bundles in l10n/). Placeholders are `{0}`, `{1}`…
import { t as translate } from '@vscode/l10n';

/** A template cut at its placeholders: text, placeholder name, text, … (as @vscode/l10n reads them). */
type Parts = readonly string[];
const cut = new Map<string, Parts>();
const PLACEHOLDER = /{([^}]+)}/g;

function parts(template: string): Parts {
  let p = cut.get(template);
  if (p === undefined) {
    const out: string[] = [];
    let at = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      out.push(template.slice(at, m.index), m[1]!);
      at = m.index + m[0].length;
    }
    out.push(template.slice(at));
    p = out;
    // Templates are the code's literals (and their translations): a bound only against misuse.
    if (cut.size < 4096) cut.set(template, p);
  }
  return p;
}

/**
 * @vscode/l10n's `t`, formatted the same way (`{n}` is the n-th argument; a placeholder with no
 * argument is kept as it is) but from a template cut once, not by a regex replace each call:
 * findings format a message and a fix title each, thousands a second at start-up.
 */
export function t(message: string, ...args: Array<string | number | boolean>): string {
  const template = translate(message);
  if (args.length === 0) return template;
  const p = parts(template);
  // Joined, not concatenated: a flat string, which packFindings hashes and copies without
  // first flattening a chain of concatenations.
  const out: string[] = [p[0]!];
  for (let i = 1; i < p.length; i += 2) {
    const v = (args as unknown as Record<string, string | number | boolean | undefined>)[p[i]!];
    out.push(v === undefined || v === null ? `{${p[i]!}}` : String(v), p[i + 1]!);
  }
  return out.join('');
}
