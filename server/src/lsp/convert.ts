// Core findings → LSP, in one place. Fix edits travel in the diagnostic's `data`, so a code
// action needs no second analysis.
import { CodeAction, CodeActionKind, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Fix, Severity, TextEdit } from '../core';
import { ruleDocUrl } from '../rule-docs';

export const SOURCE = 'chunk-review';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticData {
  readonly fixes: readonly Fix[];
}

export function toDiagnostic(f: Finding, docsBaseUrl: string): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleDocUrl(f.code, docsBaseUrl) },
    source: SOURCE,
    message: f.message,
    ...(f.related ? { relatedInformation: f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })) } : {}),
    ...(f.fixes && f.fixes.length > 0 ? { data: { fixes: f.fixes } satisfies DiagnosticData } : {}),
  };
}

export function toCodeActions(uri: string, diagnostic: Diagnostic): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (!data || !Array.isArray(data.fixes)) return [];
  return data.fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred ?? false,
    edit: { changes: { [uri]: fix.edits.map((e: TextEdit) => ({ range: e.range, newText: e.newText })) } },
  }));
}
