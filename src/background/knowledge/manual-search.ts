import type { Channel } from '../../shared/conversation';
import type { Recommendation } from '../../shared/recommendation';
import type { SourceProblem } from '../../shared/view-state';
import type { ApiClient } from '../genesys/api-client';
import type { KnowledgeDocumentSearchRequest } from '../genesys/knowledge-schemas';
import { KNOWLEDGE_APPLICATION, mediaTypeOf } from '../providers/knowledge-search';
import { createKnowledgeBaseDirectory, type KnowledgeBaseDirectory } from './knowledge-bases';
import { searchKnowledgeBases } from './search-bases';

/**
 * The agent's own search, in every provider mode where the organisation has Genesys Knowledge:
 * `POST /api/v2/knowledge/knowledgebases/{kb}/documents/search` with `queryType: ManualSearch` and
 * the conversation as context (Genesys uses it for knowledge analytics), in each of the agent's
 * knowledge bases: the configured ones, else the ones the API lists. A knowledge base the user may
 * not search is reported beside the results of the others.
 */
export const SEARCH_PAGE_SIZE = 10;
export const MAX_SEARCH_RESULTS = 20;

export function buildSearchRequest(query: string, conversationId: string | null, channel: Channel | null = null): KnowledgeDocumentSearchRequest {
  const mediaType = mediaTypeOf(channel);
  return {
    query: query.trim(),
    pageSize: SEARCH_PAGE_SIZE,
    queryType: 'ManualSearch',
    application: KNOWLEDGE_APPLICATION,
    ...(conversationId !== null && { conversationContext: { conversationId, ...(mediaType !== undefined && { mediaType }) } }),
  };
}

export interface SearchOutcome {
  results: Recommendation[];
  invalidCount: number;
  searchedKnowledgeBases: number;
  sourceProblems?: SourceProblem[];
}

export async function searchKnowledge(
  api: ApiClient,
  options: { query: string; conversationId: string | null; channel?: Channel | null; knowledgeBaseIds: readonly string[]; directory?: KnowledgeBaseDirectory; signal?: AbortSignal },
): Promise<SearchOutcome> {
  const directory = options.directory ?? createKnowledgeBaseDirectory(api);
  const bases = await directory.toSearch(options.knowledgeBaseIds, options.signal);
  const body = buildSearchRequest(options.query, options.conversationId, options.channel ?? null);
  const outcome = await searchKnowledgeBases(api, bases, body, { queryType: 'ManualSearch' }, options.signal);
  return {
    results: outcome.items.slice(0, MAX_SEARCH_RESULTS).map((item) => ({ ...item, kind: 'ManualSearch' })),
    invalidCount: outcome.invalidCount,
    searchedKnowledgeBases: bases.length,
    ...(outcome.problems.length > 0 && { sourceProblems: outcome.problems }),
  };
}
