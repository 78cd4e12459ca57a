import type { Recommendation } from '../../shared/recommendation';
import type { SourceProblem } from '../../shared/view-state';
import type { ApiClient } from '../genesys/api-client';
import { ApiError } from '../genesys/api-error';
import { KnowledgeDocumentSearch, type KnowledgeDocumentSearchRequest } from '../genesys/knowledge-schemas';
import type { KnowledgeBase } from './knowledge-bases';
import { mapKnowledgeResults, type MapContext } from './search-results';

/**
 * One search request in several knowledge bases at once (`POST
 * /api/v2/knowledge/knowledgebases/{knowledgeBaseId}/documents/search`), merged best first with
 * repeats removed. A knowledge base that fails (403: the user may not search it) is reported as a
 * problem of its own while the others answer; only when every one fails does the search fail,
 * with the first failure, so the usual error handling (sign-in, retries, Retry-After) applies.
 */
export function searchPath(knowledgeBaseId: string): string {
  return `/api/v2/knowledge/knowledgebases/${encodeURIComponent(knowledgeBaseId)}/documents/search`;
}

export interface MultiSearchOutcome {
  items: Recommendation[];
  invalidCount: number;
  problems: SourceProblem[];
}

function problemOf(base: KnowledgeBase, error: unknown): SourceProblem {
  const status = error instanceof ApiError ? error.status : undefined;
  const kind = status === 403 ? 'forbidden' : status === 404 ? 'not-found' : 'failed';
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  return { sourceId: base.id, ...(base.name !== undefined && { sourceName: base.name }), kind, ...(status !== undefined && { status }), message };
}

export async function searchKnowledgeBases(
  api: ApiClient,
  bases: readonly KnowledgeBase[],
  body: KnowledgeDocumentSearchRequest,
  context: Omit<MapContext, 'knowledgeBaseId' | 'knowledgeBaseName' | 'searchId'>,
  signal?: AbortSignal,
): Promise<MultiSearchOutcome> {
  const settled = await Promise.allSettled(
    bases.map(async (base) => {
      const response = await api.request({ method: 'POST', path: searchPath(base.id), body, schema: KnowledgeDocumentSearch, ...(signal && { signal }) });
      return mapKnowledgeResults(response.results ?? [], {
        ...context,
        knowledgeBaseId: base.id,
        ...(base.name !== undefined && { knowledgeBaseName: base.name }),
        ...(response.searchId !== undefined && { searchId: response.searchId }),
      });
    }),
  );
  const answered = settled.flatMap((entry) => (entry.status === 'fulfilled' ? [entry.value] : []));
  const failures = settled.flatMap((entry, index) => (entry.status === 'rejected' ? [{ base: bases[index]!, error: entry.reason as unknown }] : []));
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new ApiError('aborted', 'The search was cancelled');
  if (answered.length === 0 && failures.length > 0) throw failures[0]!.error;

  const best = new Map<string, Recommendation>();
  for (const item of answered.flatMap((answer) => answer.items)) {
    const seen = best.get(item.id);
    if (!seen || item.relevanceScore > seen.relevanceScore) best.set(item.id, item);
  }
  const items = [...best.values()].sort((a, b) => b.relevanceScore - a.relevanceScore || a.title.localeCompare(b.title));
  return {
    items,
    invalidCount: answered.reduce((sum, answer) => sum + answer.invalidCount, 0),
    problems: failures.map(({ base, error }) => problemOf(base, error)),
  };
}
