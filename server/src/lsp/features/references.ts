// `textDocument/references`: on an entity, every mention of it in the corpus; on a sender,
// every message of that participant; on a figure, every quote of the same quantity.
import type { Location } from 'vscode-languageserver';
import type { Feature } from '../context';

export const references: Feature = (ctx) => {
  ctx.addCapabilities({ referencesProvider: true });
  ctx.connection.onReferences(ctx.guard('references', [] as Location[], (params): Location[] => {
    const index = ctx.corpus().index;
    const uri = params.textDocument.uri;
    const hit = index.at(uri, params.position);
    if (!hit) return [];
    switch (hit.type) {
      case 'entity':
        return index.mentions(hit.mention.entity).map(({ id, mention: m }) => ({ uri: id, range: { start: { line: m.line, character: m.start }, end: { line: m.line, character: m.end } } }));
      case 'sender':
        return index.senderMentions(hit.sender).map(({ id, range }) => ({ uri: id, range }));
      case 'figure':
        return index.figureMentions(uri, hit.figure).map(({ id, range }) => ({ uri: id, range }));
      default:
        return [];
    }
  }));
};
