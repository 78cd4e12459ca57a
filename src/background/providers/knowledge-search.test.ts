import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import type { ApiCall, ApiClient, ApiResult } from '../genesys/api-client';
import { ApiError } from '../genesys/api-error';
import { KnowledgeDocumentSearchRequest } from '../genesys/knowledge-schemas';
import { createKnowledgeBaseDirectory } from '../knowledge/knowledge-bases';
import { createKnowledgeSearchProvider } from './knowledge-search';
import type { ProviderQuery } from './provider';

const doc = (id: string, confidence: number, extra: Record<string, unknown> = {}) => ({
  confidence,
  document: {
    id,
    title: `Doc ${id}`,
    dateModified: '2025-03-02T00:00:00Z',
    datePublished: '2025-01-01T00:00:00Z',
    knowledgeBase: { id: 'kb-a' },
    variations: [
      {
        id: `var-${id}`,
        documentVersion: { id: `ver-${id}` },
        body: { blocks: [{ type: 'Paragraph', paragraph: { blocks: [{ type: 'Text', text: { text: 'Refunds take 3 days. Call us.' }, answerHighlight: { startIndex: 0, endIndex: 20 } }] } }] },
      },
    ],
    ...extra,
  },
});

const QUERY: ProviderQuery = {
  conversationId: 'conv-1',
  channel: 'message',
  transcript: [
    { role: 'customer', text: 'I was charged twice' },
    { role: 'agent', text: 'Let me check that for you.' },
    { role: 'customer', text: 'How long does a refund take?' },
  ],
  agent: { id: 'a', name: 'A', skills: [] },
  knowledgeBaseIds: [],
};

function fakeApi(answer: (call: ApiCall<never>) => unknown) {
  const calls: ApiCall<never>[] = [];
  const api: ApiClient = {
    async request<S extends z.ZodMiniType | undefined>(call: ApiCall<S>): Promise<ApiResult<S>> {
      calls.push(call as ApiCall<never>);
      const value = answer(call as ApiCall<never>);
      if (value instanceof Error) throw value;
      return value as ApiResult<S>;
    },
  };
  return { api, calls };
}

describe('createKnowledgeSearchProvider', () => {
  it('sends an AutoSearch of the customer’s words to each listed knowledge base and makes cards with engagement ids', async () => {
    const { api, calls } = fakeApi((call) =>
      call.method === 'GET'
        ? { entities: [{ id: 'kb-a', name: 'Billing' }, { id: 'kb-b', name: 'Devices' }] }
        : call.path.includes('kb-a')
          ? { searchId: 'search-a', results: [doc('d1', 0.9), doc('d2', 0.5)] }
          : { searchId: 'search-b', results: [{ confidence: 0.7, document: { id: 'd3', title: 'Doc d3', knowledgeBase: { id: 'kb-b' } } }, { document: { id: 'broken' } }] },
    );
    const provider = createKnowledgeSearchProvider({ api, directory: createKnowledgeBaseDirectory(api), settings: { knowledgeBaseIds: [], minRelevanceScore: 0.8 } });
    const result = await provider.fetch(QUERY, new AbortController().signal);
    const searches = calls.filter((call) => call.method === 'POST');
    expect(searches.map((call) => call.path)).toEqual(['/api/v2/knowledge/knowledgebases/kb-a/documents/search', '/api/v2/knowledge/knowledgebases/kb-b/documents/search']);
    expect(searches[0]!.body).toEqual({
      query: 'I was charged twice How long does a refund take?',
      pageSize: 10,
      queryType: 'AutoSearch',
      application: { type: 'SmartAdvisor' },
      conversationContext: { conversationId: 'conv-1', mediaType: 'Message' },
      confidenceThreshold: 0.4,
      answerHighlightTopResults: 3,
      answerMode: ['AnswerHighlight'],
    });
    expect(KnowledgeDocumentSearchRequest.safeParse(searches[0]!.body).success).toBe(true);
    expect(result.items.map((item) => item.id)).toEqual(['d1', 'd3', 'd2']);
    expect(result.invalidCount).toBe(1);
    expect(result.items[0]).toEqual({
      id: 'd1',
      title: 'Doc d1',
      content: 'Refunds take 3 days. Call us.',
      relevanceScore: 0.9,
      publishedDate: '2025-03-02T00:00:00Z',
      sourceId: 'kb-a',
      sourceName: 'Billing',
      knowledge: { documentId: 'd1', knowledgeBaseId: 'kb-a', variationId: 'var-d1', versionId: 'ver-d1', searchId: 'search-a', surfacing: 'Highlight', queryType: 'AutoSearch', mediaType: 'Message' },
    });
    // No variation ids: a card, but nothing to credit engagement to.
    expect(result.items[1]!.knowledge).toBeUndefined();
    expect(result.items[1]!.sourceName).toBe('Devices');
  });

  it('asks nothing until the customer has said enough, and reports a forbidden knowledge base beside the others', async () => {
    const forbidden = new ApiError('http', 'HTTP 403: missing permission', { status: 403 });
    const { api, calls } = fakeApi((call) => (call.method === 'GET' ? { entities: [{ id: 'kb-a', name: 'Billing' }] } : call.path.includes('kb-x') ? forbidden : { results: [doc('d1', 0.9)] }));
    const provider = createKnowledgeSearchProvider({ api, directory: createKnowledgeBaseDirectory(api), settings: { knowledgeBaseIds: ['kb-a', 'kb-x'], minRelevanceScore: 0.3 } });
    expect(provider.canAsk?.([{ role: 'agent', text: 'Hello, how can I help you today?' }])).toBe(false);
    expect(provider.canAsk?.([{ role: 'customer', text: 'hi' }])).toBe(false);
    expect(provider.canAsk?.(QUERY.transcript)).toBe(true);
    const result = await provider.fetch({ ...QUERY, knowledgeBaseIds: ['kb-a', 'kb-x'] }, new AbortController().signal);
    expect((calls.find((call) => call.method === 'POST')!.body as { confidenceThreshold: number }).confidenceThreshold).toBe(0.3);
    expect(result.items.map((item) => item.id)).toEqual(['d1']);
    expect(result.sourceProblems).toEqual([{ sourceId: 'kb-x', kind: 'forbidden', status: 403, message: 'HTTP 403: missing permission' }]);
  });
});
