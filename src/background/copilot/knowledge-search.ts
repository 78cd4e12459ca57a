import type { Recommendation } from '../../shared/recommendation';
import type { ApiClient } from '../genesys/api-client';
import { KnowledgeBaseListing, KnowledgeDocumentSearch, KnowledgeDocumentSearchResult, type KnowledgeDocumentSearchRequest } from '../genesys/copilot-schemas';

/**
 * The agent's own search (GENESYS-API.md "Manual search"): `POST
 * /api/v2/knowledge/knowledgebases/{kb}/documents/search` with `queryType: ManualSearch` and the
 * conversation as context (Genesys uses it for knowledge analytics), in each of the agent's
 * knowledge bases: the configured ones, else the ones the API lists.
 */
export const SEARCH_PAGE_SIZE = 10;
export const MAX_SEARCHED_KNOWLEDGE_BASES = 5;
export const MAX_SEARCH_RESULTS = 20;

export function buildSearchRequest(query: string, conversationId: string | null): KnowledgeDocumentSearchRequest {
  return {
    query: query.trim(),
    pageSize: SEARCH_PAGE_SIZE,
    queryType: 'ManualSearch',
    ...(conversationId !== null && { conversationContext: { conversationId } }),
  };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Results to our model (a result without a confidence ranks last); invalid ones are counted. */
export function mapSearchResults(results: readonly unknown[], knowledgeBaseId: string): { items: Recommendation[]; invalidCount: number } {
  const items: Recommendation[] = [];
  let invalidCount = 0;
  for (const raw of results) {
    const parsed = KnowledgeDocumentSearchResult.safeParse(raw);
    const title = parsed.success ? parsed.data.document.title?.trim() : undefined;
    const confidence = parsed.success ? (parsed.data.confidence ?? 0) : Number.NaN;
    if (!parsed.success || !title || !(confidence >= 0 && confidence <= 1)) {
      invalidCount++;
      continue;
    }
    const { document } = parsed.data;
    const published = document.datePublished && !Number.isNaN(Date.parse(document.datePublished)) ? document.datePublished : null;
    items.push({
      id: document.id,
      title: clip(title, 500),
      content: clip(document.answer?.trim() ?? '', 20_000),
      relevanceScore: confidence,
      publishedDate: published,
      sourceId: document.knowledgeBase?.id ?? knowledgeBaseId,
      ...(document.externalUrl !== undefined && { url: document.externalUrl }),
      kind: 'ManualSearch',
    });
  }
  return { items, invalidCount };
}

export interface SearchOutcome {
  results: Recommendation[];
  invalidCount: number;
  searchedKnowledgeBases: number;
}

export async function searchKnowledge(api: ApiClient, options: { query: string; conversationId: string | null; knowledgeBaseIds: readonly string[]; signal?: AbortSignal }): Promise<SearchOutcome> {
  let knowledgeBases = [...options.knowledgeBaseIds];
  if (knowledgeBases.length === 0) {
    const listing = await api.request({ method: 'GET', path: '/api/v2/knowledge/knowledgebases', query: { pageSize: '25' }, schema: KnowledgeBaseListing, ...(options.signal && { signal: options.signal }) });
    knowledgeBases = (listing.entities ?? []).map((entry) => entry.id ?? '').filter((id) => id !== '');
  }
  knowledgeBases = knowledgeBases.slice(0, MAX_SEARCHED_KNOWLEDGE_BASES);
  const body = buildSearchRequest(options.query, options.conversationId);
  const answers = await Promise.all(
    knowledgeBases.map(async (knowledgeBaseId) => {
      const path = `/api/v2/knowledge/knowledgebases/${encodeURIComponent(knowledgeBaseId)}/documents/search`;
      const response = await api.request({ method: 'POST', path, body, schema: KnowledgeDocumentSearch, ...(options.signal && { signal: options.signal }) });
      return mapSearchResults(response.results ?? [], knowledgeBaseId);
    }),
  );
  const seen = new Set<string>();
  const results = answers
    .flatMap((answer) => answer.items)
    .sort((a, b) => b.relevanceScore - a.relevanceScore || a.title.localeCompare(b.title))
    .filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)))
    .slice(0, MAX_SEARCH_RESULTS);
  return { results, invalidCount: answers.reduce((sum, answer) => sum + answer.invalidCount, 0), searchedKnowledgeBases: knowledgeBases.length };
}
