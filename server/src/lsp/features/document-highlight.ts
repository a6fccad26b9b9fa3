// `textDocument/documentHighlight`: the other mentions of the same entity, participant or
// quantity in the file.
import { DocumentHighlightKind, type DocumentHighlight, type Range } from 'vscode-languageserver';
import type { Feature } from '../context';

export const documentHighlight: Feature = (ctx) => {
  ctx.addCapabilities({ documentHighlightProvider: true });
  ctx.connection.onDocumentHighlight(ctx.guard('documentHighlight', [] as DocumentHighlight[], (params): DocumentHighlight[] => {
    const index = ctx.corpus().index;
    const uri = params.textDocument.uri;
    const rec = index.record(uri);
    const hit = index.at(uri, params.position);
    if (!rec || !hit) return [];
    let ranges: Range[];
    switch (hit.type) {
      case 'entity':
        ranges = rec.entities.filter((m) => m.entity === hit.mention.entity).map((m) => ({ start: { line: m.line, character: m.start }, end: { line: m.line, character: m.end } }));
        break;
      case 'sender':
        ranges = rec.messages.filter((m) => m.sender === hit.sender).map((m) => m.senderRange!);
        break;
      case 'date':
        ranges = rec.messages.filter((m) => m.day === hit.day).map((m) => m.dateRange);
        break;
      case 'figure':
        ranges = index.figureMentions(uri, hit.figure).filter((f) => f.id === uri).map((f) => f.range);
        break;
    }
    return ranges.map((range) => ({ range, kind: DocumentHighlightKind.Text }));
  }));
};
