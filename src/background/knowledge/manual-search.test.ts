import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import type { ApiCall, ApiClient, ApiResult } from '../genesys/api-client';
import { ApiError } from '../genesys/api-error';
import { buildSearchRequest, searchKnowledge } from './manual-search';

const result = (id: string, confidence: number | undefined, extra: Record<string, unknown> = {}) => ({
  ...(confidence !== undefined && { confidence }),
  document: { id, title: `Doc ${id}`, datePublished: '2025-03-01T00:00:00Z', knowledgeBase: { id: 'kb-1', languageCode: 'en-US' }, externalUrl: `https://kb.example.com/${id}`, ...extra },
});

describe('buildSearchRequest', () => {
  it('is a ManualSearch with the conversation (and its media type) as context', () => {
    expect(buildSearchRequest('  refund timeline ', 'conv-1', 'chat')).toEqual({
      query: 'refund timeline',
      pageSize: 10,
      queryType: 'ManualSearch',
      application: { type: 'SmartAdvisor' },
      conversationContext: { conversationId: 'conv-1', mediaType: 'Chat' },
    });
    expect(buildSearchRequest('refund', null)).toEqual({ query: 'refund', pageSize: 10, queryType: 'ManualSearch', application: { type: 'SmartAdvisor' } });
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
    expect(outcome.results[0]).toMatchObject({ kind: 'ManualSearch', url: 'https://kb.example.com/d2', publishedDate: '2025-03-01T00:00:00Z' });
    expect(outcome.searchedKnowledgeBases).toBe(2);
    expect(calls.filter((call) => call.method === 'POST').every((call) => (call.body as { queryType: string }).queryType === 'ManualSearch')).toBe(true);
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

  it('reports a knowledge base it may not search beside the others, and fails only when none answers', async () => {
    const forbidden = new ApiError('http', 'HTTP 403: Missing permission knowledge:knowledgebase:search', { status: 403 });
    const api: ApiClient = {
      async request<S extends z.ZodMiniType | undefined>(call: ApiCall<S>): Promise<ApiResult<S>> {
        if (call.path === '/api/v2/knowledge/knowledgebases') return { entities: [{ id: 'kb-a', name: 'Alpha' }, { id: 'kb-b', name: 'Beta' }] } as ApiResult<S>;
        if (call.path.includes('kb-b')) throw forbidden;
        return { results: [result('d1', 0.7)] } as ApiResult<S>;
      },
    };
    const outcome = await searchKnowledge(api, { query: 'q', conversationId: null, knowledgeBaseIds: ['kb-a', 'kb-b'] });
    expect(outcome.results.map((item) => item.id)).toEqual(['d1']);
    expect(outcome.sourceProblems).toEqual([{ sourceId: 'kb-b', sourceName: 'Beta', kind: 'forbidden', status: 403, message: forbidden.message }]);
    await expect(searchKnowledge(api, { query: 'q', conversationId: null, knowledgeBaseIds: ['kb-b'] })).rejects.toBe(forbidden);
  });
});
