// Curation actions that need more than the diagnostic's own fixes: pseudonymising personal data
// through the corpus's pseudonym table, removing one line of a boilerplate block, recording
// "ignore this finding" in `.chunkreview.json`, and Fix All over the corpus (custom requests).
// Every multi-file change is one WorkspaceEdit, so the editor undoes it in one step.
import {
  CodeActionKind, type AnnotatedTextEdit, type ChangeAnnotation, type CodeAction, type CreateFile, type Diagnostic,
  type TextDocumentEdit, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  addIgnoreEntryEdits, CONFIG_FILE, DEFAULT_CONFIG, parseProjectConfig, findingFingerprint, findPii, fixableCounts, fullRange, planFixAll, Pseudonyms, PSEUDONYMS_FILE,
  relativeToRoots, replacementFor, t, wholeLinesRange, type Chunk, type CorpusEntry, type FixAllInput, type IgnoreEntry, type PiiMatch, type Range,
} from '../../core';
import { FixableCodesRequest, FixAllRequest, type FixableCodesResult, type FixAllParams } from '../../protocol';
import type { Feature, ServerContext } from '../context';
import { SOURCE } from '../convert';

const sameRange = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
const codeOf = (d: Diagnostic) => String(d.code ?? '');
const IGNORABLE = new Set(['pii-phone', 'pii-email', 'pii-mention', 'boilerplate', 'artifact-hashtag', 'artifact-edited', 'artifact-media', 'mojibake', 'invisible-char', 'token-budget']);

/** The corpus root a chunk belongs to (the first root when none holds it). */
function rootOf(ctx: ServerContext, uri: string): string | undefined {
  return ctx.roots().find((r) => uri.startsWith(`${r}/`)) ?? ctx.roots()[0];
}

/** A file's current text: the open buffer, else the disk; undefined when it does not exist. */
async function readText(ctx: ServerContext, uri: string): Promise<string | undefined> {
  const open = ctx.documents.get(uri);
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await ctx.workspace.readFile(uri));
  } catch {
    return undefined;
  }
}

function versionOf(ctx: ServerContext, uri: string): number | null {
  return ctx.documents.get(uri)?.version ?? null;
}

/** Replaces (or creates) a small JSON file owned by the corpus, as document changes. */
function writeFileChanges(ctx: ServerContext, uri: string, before: string | undefined, after: string, annotationId?: string): (TextDocumentEdit | CreateFile)[] {
  const edit: TextEdit | AnnotatedTextEdit = { range: before === undefined ? fullRange('') : fullRange(before), newText: after, ...(annotationId ? { annotationId } : {}) };
  const docEdit: TextDocumentEdit = { textDocument: { uri, version: versionOf(ctx, uri) }, edits: [edit] };
  return before === undefined ? [{ kind: 'create', uri, options: { ignoreIfExists: true }, ...(annotationId ? { annotationId } : {}) }, docEdit] : [docEdit];
}

async function loadPseudonyms(ctx: ServerContext, root: string): Promise<{ uri: string; text: string | undefined; table: Pseudonyms }> {
  const uri = `${root}/${PSEUDONYMS_FILE}`;
  const text = await readText(ctx, uri);
  // The placeholder format is the corpus's (`.chunkreview.json`), read as the server reads it.
  const configText = await readText(ctx, `${root}/${CONFIG_FILE}`);
  const placeholder = configText === undefined ? DEFAULT_CONFIG.placeholder : parseProjectConfig(configText).config.placeholder;
  return { uri, text, table: Pseudonyms.parse(text, placeholder) };
}

function chunkText(chunk: Chunk): string {
  return chunk.lines.join(chunk.eol);
}

/**
 * Corpus entries as the editor has them now: a buffer edited since its last analysis (the
 * server analyses after a short debounce) is analysed again first, so edits never land on stale
 * positions.
 */
function currentEntries(ctx: ServerContext): FixAllInput[] {
  const corpus = ctx.corpus();
  for (const open of ctx.documents.all()) {
    const chunk = corpus.get(open.uri)?.analysis.chunk;
    if (chunk && open.getText().replace(/^\uFEFF/, '') !== chunkText(chunk)) corpus.update(open.uri, open.getText(), true);
  }
  return corpus.fixAllInputs();
}

function piiMatchOf(entry: CorpusEntry | undefined, d: Diagnostic): PiiMatch | undefined {
  const chunk = entry?.analysis.chunk;
  return chunk ? findPii(chunk).find((m) => sameRange(m.range, d.range)) : undefined;
}

async function pseudonymiseActions(ctx: ServerContext, entry: CorpusEntry, d: Diagnostic, uri: string): Promise<CodeAction[]> {
  const m = piiMatchOf(entry, d);
  const root = rootOf(ctx, uri);
  if (!m || !root) return [];
  const { uri: tableUri, text, table } = await loadPseudonyms(ctx, root);
  const placeholder = table.placeholder(m.pseudonymKind, m.key);
  const tableChanges = table.isChanged ? writeFileChanges(ctx, tableUri, text, table.serialize()) : [];
  const here: CodeAction = {
    title: t('Pseudonymise as {0}', replacementFor(m, placeholder)),
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: { documentChanges: [{ textDocument: { uri, version: versionOf(ctx, uri) }, edits: [{ range: m.range, newText: replacementFor(m, placeholder) }] }, ...tableChanges] },
  };
  // Every occurrence of the same number, address or mention in the corpus, headers included.
  const perFile: TextDocumentEdit[] = [];
  let count = 0;
  for (const { id, chunk } of currentEntries(ctx)) {
    const edits = findPii(chunk).filter((x) => x.key === m.key && x.pseudonymKind === m.pseudonymKind).map((x) => ({ range: x.range, newText: replacementFor(x, placeholder) }));
    count += edits.length;
    if (edits.length > 0) perFile.push({ textDocument: { uri: id, version: versionOf(ctx, id) }, edits });
  }
  const actions = [here];
  if (count > 1) {
    actions.push({
      title: t('Pseudonymise as {0} everywhere in the corpus ({1} occurrences)', placeholder, count),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { documentChanges: [...perFile, ...tableChanges] },
    });
  }
  return actions;
}

function boilerplateLineAction(entry: CorpusEntry, d: Diagnostic, uri: string, line: number): CodeAction | undefined {
  const chunk = entry.analysis.chunk;
  if (!chunk || d.range.end.line - d.range.start.line < 1 || line < d.range.start.line || line > d.range.end.line) return undefined;
  if (chunk.lines[line]?.trim() === '' || (line === d.range.end.line && d.range.end.character === 0)) return undefined;
  return {
    title: t('Remove boilerplate line {0}', line + 1),
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: { changes: { [uri]: [{ range: wholeLinesRange(chunk, line, line), newText: '' }] } },
  };
}

async function ignoreActions(ctx: ServerContext, entry: CorpusEntry, d: Diagnostic, uri: string): Promise<CodeAction[]> {
  const root = rootOf(ctx, uri);
  const chunk = entry.analysis.chunk;
  const rel = relativeToRoots(uri, ctx.roots());
  if (!root || !chunk || rel === undefined) return [];
  const configUri = `${root}/${CONFIG_FILE}`;
  const text = await readText(ctx, configUri);
  const code = codeOf(d);
  const action = (title: string, entryToAdd: IgnoreEntry): CodeAction => {
    const edits = addIgnoreEntryEdits(text, entryToAdd);
    const docEdit: TextDocumentEdit = { textDocument: { uri: configUri, version: versionOf(ctx, configUri) }, edits };
    return {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { documentChanges: text === undefined ? [{ kind: 'create', uri: configUri, options: { ignoreIfExists: true } }, docEdit] : [docEdit] },
    };
  };
  return [
    action(t('Ignore this finding here (in {0})', CONFIG_FILE), { file: rel, code, fingerprint: findingFingerprint(chunk, { code, range: d.range }) }),
    action(t('Ignore {0} in this file (in {1})', code, CONFIG_FILE), { file: rel, code }),
  ];
}

export async function fixAllEdit(ctx: ServerContext, codes: readonly string[]): Promise<WorkspaceEdit> {
  const root = ctx.roots()[0];
  const inputs = currentEntries(ctx);
  const loaded = root ? await loadPseudonyms(ctx, root) : undefined;
  const plan = planFixAll(inputs, new Set(codes), loaded?.table ?? new Pseudonyms());
  const changeAnnotations: Record<string, ChangeAnnotation> = {};
  for (const [code, n] of plan.counts) {
    changeAnnotations[code] = { label: t('{0} ({1} fixed)', code, n), needsConfirmation: true, description: t('Chunk Review: Fix All in Corpus') };
  }
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const [id, edits] of plan.files) {
    documentChanges.push({ textDocument: { uri: id, version: versionOf(ctx, id) }, edits: edits.map((e) => ({ range: e.range, newText: e.newText, annotationId: e.code })) });
  }
  if (loaded && plan.pseudonyms.isChanged) {
    changeAnnotations.pseudonyms = { label: t('Pseudonym table ({0})', PSEUDONYMS_FILE), needsConfirmation: true };
    documentChanges.push(...writeFileChanges(ctx, loaded.uri, loaded.text, plan.pseudonyms.serialize(), 'pseudonyms'));
  }
  return { documentChanges, changeAnnotations };
}

export const curation: Feature = (ctx) => {
  ctx.addCodeActionProvider(async (entry, params) => {
    if (!entry) return [];
    const uri = params.textDocument.uri;
    const out: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE) continue;
      const code = codeOf(d);
      if (code === 'pii-phone' || code === 'pii-email' || code === 'pii-mention') out.push(...(await pseudonymiseActions(ctx, entry, d, uri)));
      if (code === 'boilerplate') {
        const a = boilerplateLineAction(entry, d, uri, params.range.start.line);
        if (a) out.push(a);
      }
    }
    // Curation findings are judgment calls, so they can be ignored; header findings have real fixes.
    for (const d of params.context.diagnostics) if (d.source === SOURCE && IGNORABLE.has(codeOf(d))) out.push(...(await ignoreActions(ctx, entry, d, uri)));
    return out;
  });
  ctx.connection.onRequest(FixableCodesRequest, ctx.guard('fixableCodes', { items: [] } as FixableCodesResult, (): FixableCodesResult => {
    const counts = fixableCounts(currentEntries(ctx));
    return { items: [...counts].map(([code, c]) => ({ code, ...c })).sort((a, b) => a.code.localeCompare(b.code)) };
  }));
  ctx.connection.onRequest(FixAllRequest, ctx.guard('fixAll', { documentChanges: [] } as WorkspaceEdit, (p: FixAllParams) => fixAllEdit(ctx, p.codes ?? [])));
};
