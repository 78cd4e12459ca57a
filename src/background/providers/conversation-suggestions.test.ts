import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import type { ApiCall, ApiClient, ApiResult } from '../genesys/api-client';
import type { StoredConversation, SuggestionStore } from '../copilot/suggestion-store';
import { replaceWithListing, upsertSuggestion } from '../copilot/suggestion-merge';
import { createConversationSuggestionsProvider, fetchAllSuggestions, MAX_SUGGESTION_PAGES } from './conversation-suggestions';
import type { ProviderQuery } from './provider';

const suggestion = (id: string, confidence = 0.9) => ({ id, type: 'KnowledgeSearch', state: 'Suggested', knowledgeSearch: { title: `T ${id}`, confidence } });
const QUERY: ProviderQuery = { conversationId: 'c-1', channel: 'message', transcript: [], agent: { id: 'a', name: 'A', skills: [] }, knowledgeBaseIds: [] };

function pagedApi(pages: Record<string, { entities: unknown[]; nextUri?: string }>) {
  const calls: ApiCall<never>[] = [];
  const api: ApiClient = {
    async request<S extends z.ZodMiniType | undefined>(call: ApiCall<S>): Promise<ApiResult<S>> {
      calls.push(call as ApiCall<never>);
      const page = pages[call.path];
      if (!page) throw new Error(`unexpected ${call.path}`);
      return page as ApiResult<S>;
    },
  };
  return { api, calls };
}

function memoryStore(): SuggestionStore & { data: Map<string, StoredConversation> } {
  const data = new Map<string, StoredConversation>();
  return {
    data,
    read: async (id) => data.get(id) ?? null,
    upsert: async (id, raw, at) => {
      const next = { syncedAt: data.get(id)?.syncedAt ?? null, entries: upsertSuggestion(data.get(id)?.entries ?? [], raw, at) };
      data.set(id, next);
      return next;
    },
    replace: async (id, listed, startedAt) => {
      const next = { syncedAt: startedAt, entries: replaceWithListing(data.get(id)?.entries ?? [], listed, startedAt) };
      data.set(id, next);
      return next;
    },
  };
}

describe('fetchAllSuggestions', () => {
  it('follows nextUri until the listing ends', async () => {
    const { api, calls } = pagedApi({
      '/api/v2/conversations/c-1/suggestions': { entities: [suggestion('a')], nextUri: '/api/v2/conversations/c-1/suggestions?pageSize=1&after=1' },
      '/api/v2/conversations/c-1/suggestions?pageSize=1&after=1': { entities: [suggestion('b')] },
    });
    const entities = await fetchAllSuggestions(api, 'c-1', new AbortController().signal);
    expect(entities).toEqual([suggestion('a'), suggestion('b')]);
    expect(calls[0]!.query).toEqual({ pageSize: '50' });
    expect(calls[1]!.query).toBeUndefined();
  });

  it('stops at a nextUri elsewhere, and after the page bound', async () => {
    const elsewhere = pagedApi({ '/api/v2/conversations/c-1/suggestions': { entities: [suggestion('a')], nextUri: 'https://evil.example/api/v2/conversations/c-1/suggestions' } });
    expect(await fetchAllSuggestions(elsewhere.api, 'c-1', new AbortController().signal)).toHaveLength(1);
    const loop = pagedApi({
      '/api/v2/conversations/c-1/suggestions': { entities: [], nextUri: '/api/v2/conversations/c-1/suggestions?after=0' },
      '/api/v2/conversations/c-1/suggestions?after=0': { entities: [suggestion('x')], nextUri: '/api/v2/conversations/c-1/suggestions?after=0' },
    });
    await fetchAllSuggestions(loop.api, 'c-1', new AbortController().signal);
    expect(loop.calls).toHaveLength(MAX_SUGGESTION_PAGES);
  });
});

describe('createConversationSuggestionsProvider', () => {
  it('backfills over REST when not live, and answers from the store once live and backfilled', async () => {
    const { api, calls } = pagedApi({ '/api/v2/conversations/c-1/suggestions': { entities: [suggestion('a'), { id: 'bad' }, { id: 'canned', cannedResponse: { response: { id: 'r' } } }] } });
    const store = memoryStore();
    let clock = 100;
    let liveSince: number | null = null;
    const provider = createConversationSuggestionsProvider({ api, store, live: { watch: async () => liveSince }, now: () => clock });
    expect(provider.cacheable).toBe(false);

    const first = await provider.fetch(QUERY, new AbortController().signal);
    expect(first.items.map((item) => item.id)).toEqual(['a']);
    expect(first.others?.map((item) => item.id)).toEqual(['canned']);
    expect(first.invalidCount).toBe(1);
    expect(calls).toHaveLength(1);

    // Live since after the last backfill: one more backfill, then the store is enough.
    liveSince = 150;
    clock = 200;
    await provider.fetch(QUERY, new AbortController().signal);
    expect(calls).toHaveLength(2);
    await store.upsert('c-1', suggestion('live', 0.95), 250);
    const third = await provider.fetch(QUERY, new AbortController().signal);
    expect(calls).toHaveLength(2);
    expect(third.items.map((item) => item.id)).toEqual(['a', 'live']);

    // A reconnect (events flow again only from 300): backfill once more.
    liveSince = 300;
    clock = 310;
    await provider.fetch(QUERY, new AbortController().signal);
    expect(calls).toHaveLength(3);
  });

  it('names knowledge bases from the listing and keeps ids it does not list', async () => {
    const inBase = (id: string, base: string) => ({ ...suggestion(id), knowledgeSearch: { title: `T ${id}`, confidence: 0.9, document: { id: `d-${id}`, selfUri: `/api/v2/knowledge/knowledgebases/${base}/documents/d-${id}` } } });
    const { api } = pagedApi({ '/api/v2/conversations/c-1/suggestions': { entities: [inBase('a', 'kb-1'), inBase('b', 'kb-unlisted')] } });
    const knowledgeBases = { names: async () => [{ id: 'kb-1', name: 'Billing' }] };
    const named = createConversationSuggestionsProvider({ api, store: memoryStore(), live: { watch: async () => null }, knowledgeBases });
    const result = await named.fetch(QUERY, new AbortController().signal);
    expect(result.items.map((item) => [item.sourceId, item.sourceName])).toEqual([
      ['kb-1', 'Billing'],
      ['kb-unlisted', undefined],
    ]);
  });
});
