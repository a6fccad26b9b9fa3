// `chunkReview/corpusTree`: the participants and dates trees, rebuilt lazily after a change.
import { CorpusTree } from '../../core/corpus-tree';
import { CorpusTreeRequest, type CorpusTreeItem, type CorpusTreeParams } from '../../protocol';
import type { Feature } from '../context';

export const corpusTree: Feature = (ctx) => {
  let tree: CorpusTree | undefined;
  ctx.onCorpusChanged(() => {
    tree = undefined;
  });
  ctx.connection.onRequest(CorpusTreeRequest, ctx.guard('corpusTree', [] as CorpusTreeItem[], (p: CorpusTreeParams) => {
    if (p.kind !== 'participants' && p.kind !== 'dates') return [];
    if (!tree) {
      const chunks = [];
      for (const e of ctx.corpus().all()) if (e.analysis.chunk) chunks.push({ id: e.id, chunk: e.analysis.chunk });
      tree = new CorpusTree(chunks, ctx.locale());
    }
    return tree.children(p.kind, p.parent);
  }));
};
