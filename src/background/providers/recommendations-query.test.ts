import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import type { ApiCall, ApiClient, ApiResult } from '../genesys/api-client';
import { ApiError } from '../genesys/api-error';
import { RecommendationsQueryResponse } from '../genesys/schemas';
import { createRecommendationsQueryProvider, mapQueryItems, RECOMMENDATIONS_QUERY_PATH } from './recommendations-query';
import type { ProviderQuery } from './provider';

const item = (id: string, patch: Record<string, unknown> = {}) => ({
  id,
  title: `Article ${id}`,
  content: `Body of ${id}`,
  relevanceScore: 0.9,
  publishedDate: '2025-03-01T10:00:00Z',
  sourceId: 'kb-1',
  ...patch,
});

describe('mapQueryItems', () => {
  it('maps valid items to recommendations, dropping extra fields', () => {
    const result = mapQueryItems([item('a', { vendorField: 1 }), item('b', { relevanceScore: 0.3 })]);
    expect(result.invalidCount).toBe(0);
    expect(result.items).toEqual([
      { id: 'a', title: 'Article a', content: 'Body of a', relevanceScore: 0.9, publishedDate: '2025-03-01T10:00:00Z', sourceId: 'kb-1' },
      { id: 'b', title: 'Article b', content: 'Body of b', relevanceScore: 0.3, publishedDate: '2025-03-01T10:00:00Z', sourceId: 'kb-1' },
    ]);
  });

  it('counts invalid items instead of throwing, and keeps the valid ones in order', () => {
    const result = mapQueryItems([null, 'text', 42, item('a'), item('', {}), item('b', { relevanceScore: 2 }), item('c', { publishedDate: 'soon' }), {}, item('d')]);
    expect(result.items.map((recommendation) => recommendation.id)).toEqual(['a', 'd']);
    expect(result.invalidCount).toBe(7);
  });

  it('keeps the optional display name, article URL and matched terms, and drops them alone when malformed', () => {
    const extras = { sourceName: 'Billing & Payments', url: 'https://help.example.com/a', matchedTerms: ['double charge', 'refund'] };
    const result = mapQueryItems([item('a', extras), item('b', { sourceName: 42, url: ['x'], matchedTerms: 'refund' })]);
    expect(result.invalidCount).toBe(0);
    expect(result.items[0]).toMatchObject(extras);
    expect(result.items[1]).toEqual({ id: 'b', title: 'Article b', content: 'Body of b', relevanceScore: 0.9, publishedDate: '2025-03-01T10:00:00Z', sourceId: 'kb-1' });
  });

  it('handles an empty list', () => {
    expect(mapQueryItems([])).toEqual({ items: [], invalidCount: 0 });
  });
});

function fakeApi(response: unknown) {
  const calls: ApiCall<never>[] = [];
  const api: ApiClient = {
    async request<S extends z.ZodMiniType | undefined>(call: ApiCall<S>): Promise<ApiResult<S>> {
      calls.push(call as ApiCall<never>);
      if (response instanceof Error) throw response;
      return response as ApiResult<S>;
    },
  };
  return { api, calls };
}

const query: ProviderQuery = {
  conversationId: 'conv-42',
  channel: 'chat',
  transcript: [
    { role: 'customer', text: '  My   card was\n declined ' },
    { role: 'agent', text: 'Let me check.' },
    { role: 'customer', text: '   ' },
  ],
  agent: { id: 'agent-7', name: 'Ann', skills: ['Billing', 'Cards'] },
  knowledgeBaseIds: ['kb-1', 'kb-2'],
};

describe('createRecommendationsQueryProvider', () => {
  it('posts the contract body to the query path with the envelope schema and the signal', async () => {
    const { api, calls } = fakeApi({ items: [] });
    const provider = createRecommendationsQueryProvider(api);
    expect(provider.id).toBe('recommendations-query');
    const controller = new AbortController();
    await provider.fetch(query, controller.signal);
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.path).toBe(RECOMMENDATIONS_QUERY_PATH);
    expect(call.path).toBe('/api/v2/agentassist/recommendations/query');
    expect(call.schema).toBe(RecommendationsQueryResponse);
    expect(call.signal).toBe(controller.signal);
    expect(call.authenticated).not.toBe(false);
    expect(call.body).toEqual({
      interactionContext: { conversationId: 'conv-42', transcript: 'Customer: My card was declined\nAgent: Let me check.', channel: 'chat' },
      agentProfile: { agentId: 'agent-7', skills: ['Billing', 'Cards'] },
      knowledgeBaseIds: ['kb-1', 'kb-2'],
    });
  });

  it('sends channel "unknown" when the desktop did not say', async () => {
    const { api, calls } = fakeApi({ items: [] });
    await createRecommendationsQueryProvider(api).fetch({ ...query, channel: null }, new AbortController().signal);
    expect((calls[0]!.body as { interactionContext: { channel: string } }).interactionContext.channel).toBe('unknown');
  });

  it('copies the arrays it sends, so later changes to the query do not leak in', async () => {
    const skills = ['A'];
    const knowledgeBaseIds = ['kb-9'];
    const { api, calls } = fakeApi({ items: [] });
    await createRecommendationsQueryProvider(api).fetch({ ...query, agent: { ...query.agent, skills }, knowledgeBaseIds }, new AbortController().signal);
    skills.push('B');
    knowledgeBaseIds.push('kb-10');
    const body = calls[0]!.body as { agentProfile: { skills: string[] }; knowledgeBaseIds: string[] };
    expect(body.agentProfile.skills).toEqual(['A']);
    expect(body.knowledgeBaseIds).toEqual(['kb-9']);
  });

  it('returns the mapped items and the invalid count', async () => {
    const { api } = fakeApi({ items: [item('a'), { id: 'broken' }, item('b')], nextPageToken: null });
    const result = await createRecommendationsQueryProvider(api).fetch(query, new AbortController().signal);
    expect(result.items.map((recommendation) => recommendation.id)).toEqual(['a', 'b']);
    expect(result.invalidCount).toBe(1);
  });

  it('lets API errors through unchanged', async () => {
    const error = new ApiError('http', 'HTTP 503', { status: 503 });
    const { api } = fakeApi(error);
    await expect(createRecommendationsQueryProvider(api).fetch(query, new AbortController().signal)).rejects.toBe(error);
  });
});

describe('createRecommendationsQueryProvider and redactOutgoingText', () => {
  const quoting: ProviderQuery = { ...query, transcript: [{ role: 'customer', text: 'My card 4111 1111 1111 1111 was declined, mail me at jo@example.com or ring 020 7946 0958' }] };
  it('sends the transcript with customer data masked by default, and as it is when turned off', async () => {
    const masked = fakeApi({ items: [] });
    await createRecommendationsQueryProvider(masked.api).fetch(quoting, new AbortController().signal);
    expect((masked.calls[0]!.body as { interactionContext: { transcript: string } }).interactionContext.transcript).toBe('Customer: My card [card] was declined, mail me at [email] or ring [phone]');
    const plain = fakeApi({ items: [] });
    await createRecommendationsQueryProvider(plain.api, { redact: false }).fetch(quoting, new AbortController().signal);
    expect((plain.calls[0]!.body as { interactionContext: { transcript: string } }).interactionContext.transcript).toContain('4111 1111 1111 1111');
  });
});
