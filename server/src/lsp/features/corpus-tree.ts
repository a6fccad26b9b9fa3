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
      // Built from the index's records: no chunk is parsed again until a node shows its lines.
      const corpus = ctx.corpus();
      tree = new CorpusTree(corpus.index.treeChunks(), (id) => corpus.get(id)?.analysis.chunk, ctx.locale());
    }
    return tree.children(p.kind, p.parent);
  }));
};
