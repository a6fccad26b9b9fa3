// Quick fixes carried in each diagnostic's data (see convert.ts).
import type { Feature } from '../context';
import { toCodeActions } from '../convert';

export const quickFixes: Feature = (ctx) => {
  ctx.addCodeActionProvider((_entry, params) => params.context.diagnostics.flatMap((d) => toCodeActions(params.textDocument.uri, d)));
};
