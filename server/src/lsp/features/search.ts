// `chunkReview/search` and `chunkReview/relatedChunks`, answered from the corpus search
// structures; while the start-up scan runs they answer from what is indexed so far.
import {
  RelatedChunksRequest, SearchRequest,
  type RelatedChunksParams, type RelatedChunksResult, type SearchParams, type SearchResult,
} from '../../protocol';
import type { Feature } from '../context';

const MAX_LIMIT = 200;
const clamp = (n: unknown, fallback: number) => (typeof n === 'number' && n > 0 ? Math.min(Math.floor(n), MAX_LIMIT) : fallback);

export const search: Feature = (ctx) => {
  ctx.connection.onRequest(SearchRequest, ctx.guard('search', { items: [] } as SearchResult, (p: SearchParams): SearchResult => {
    if (typeof p?.query !== 'string' || p.query.trim() === '') return { items: [] };
    return { items: ctx.corpus().search.search(p.query, clamp(p.limit, 20)) };
  }));
  ctx.connection.onRequest(RelatedChunksRequest, ctx.guard('relatedChunks', { items: [] } as RelatedChunksResult, (p: RelatedChunksParams): RelatedChunksResult => {
    if (typeof p?.uri !== 'string') return { items: [] };
    return { items: ctx.corpus().search.related(p.uri, clamp(p.limit, 10)) };
  }));
};
