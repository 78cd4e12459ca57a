import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import type { ApiCall, ApiClient, ApiResult } from '../genesys/api-client';
import { buildSearchRequest, mapSearchResults, searchKnowledge } from './knowledge-search';

const result = (id: string, confidence: number | undefined, extra: Record<string, unknown> = {}) => ({
  ...(confidence !== undefined && { confidence }),
  document: { id, title: `Doc ${id}`, datePublished: '2025-03-01T00:00:00Z', knowledgeBase: { id: 'kb-1', languageCode: 'en-US' }, externalUrl: `https://kb.example.com/${id}`, ...extra },
});

describe('buildSearchRequest', () => {
  it('is a ManualSearch with the conversation as context', () => {
    expect(buildSearchRequest('  refund timeline ', 'conv-1')).toEqual({ query: 'refund timeline', pageSize: 10, queryType: 'ManualSearch', conversationContext: { conversationId: 'conv-1' } });
    expect(buildSearchRequest('refund', null)).toEqual({ query: 'refund', pageSize: 10, queryType: 'ManualSearch' });
  });
});

describe('mapSearchResults', () => {
  it('maps documents with their publish date and counts invalid ones', () => {
    const mapped = mapSearchResults([result('d1', 0.8, { answer: 'Three days.' }), result('d2', undefined, { datePublished: 'soon' }), { document: { id: 'x' } }, null, result('d3', 3)], 'kb-x');
    expect(mapped.invalidCount).toBe(3);
    expect(mapped.items).toEqual([
      { id: 'd1', title: 'Doc d1', content: 'Three days.', relevanceScore: 0.8, publishedDate: '2025-03-01T00:00:00Z', sourceId: 'kb-1', url: 'https://kb.example.com/d1', kind: 'ManualSearch' },
      { id: 'd2', title: 'Doc d2', content: '', relevanceScore: 0, publishedDate: null, sourceId: 'kb-1', url: 'https://kb.example.com/d2', kind: 'ManualSearch' },
    ]);
  });
});

describe('searchKnowledge', () => {
  function fakeApi(byPath: Record<string, unknown>) {
    const calls: ApiCall<never>[] = [];
    const api: ApiClient = {
      async request<S extends z.ZodMiniType | undefined>(call: ApiCall<S>): Promise<ApiResult<S>> {
        calls.push(call as ApiCall<never>);
        return byPath[call.path] as ApiResult<S>;
      },
    };
    return { api, calls };
  }

  it('searches each configured knowledge base and merges best first', async () => {
    const { api, calls } = fakeApi({
      '/api/v2/knowledge/knowledgebases/kb-a/documents/search': { searchId: 's', results: [result('d1', 0.5), result('d2', 0.9)] },
      '/api/v2/knowledge/knowledgebases/kb-b/documents/search': { searchId: 't', results: [result('d3', 0.7), result('d2', 0.9)] },
    });
    const outcome = await searchKnowledge(api, { query: 'refund', conversationId: 'c', knowledgeBaseIds: ['kb-a', 'kb-b'] });
    expect(outcome.results.map((item) => item.id)).toEqual(['d2', 'd3', 'd1']);
    expect(outcome.searchedKnowledgeBases).toBe(2);
    expect(calls.every((call) => call.method === 'POST' && (call.body as { queryType: string }).queryType === 'ManualSearch')).toBe(true);
  });

  it('lists the knowledge bases when none are configured', async () => {
    const { api, calls } = fakeApi({
      '/api/v2/knowledge/knowledgebases': { entities: [{ id: 'kb-z', name: 'Z' }, { name: 'no id' }] },
      '/api/v2/knowledge/knowledgebases/kb-z/documents/search': { results: [result('d9', 0.6)] },
    });
    const outcome = await searchKnowledge(api, { query: 'q', conversationId: null, knowledgeBaseIds: [] });
    expect(outcome.results.map((item) => item.id)).toEqual(['d9']);
    expect(calls.map((call) => call.path)).toEqual(['/api/v2/knowledge/knowledgebases', '/api/v2/knowledge/knowledgebases/kb-z/documents/search']);
  });
});
