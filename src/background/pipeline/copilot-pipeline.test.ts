import { describe, expect, it, vi } from 'vitest';
import type { DesktopContext } from '../../shared/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import type { ViewState } from '../../shared/view-state';
import { createInFlight } from '../cache/in-flight';
import type { RecommendationCache } from '../cache/recommendation-cache';
import type { ProviderQuery, ProviderResult, RecommendationProvider } from '../providers/provider';
import type { StoredContext } from '../tab-state';
import { createPipeline, type PipelineDeps } from './recommendation-pipeline';

/** The pipeline's Genesys-mode seams: the API's view of the context, a provider with its own cache, other suggestions. */
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, clientId: 'c', provider: 'conversation-suggestions', minRelevanceScore: 0.5 };
const PAGE: StoredContext = { tabId: 1, frameId: 0, receivedAt: 0, context: { conversationId: 'page-conv', channel: 'chat', transcript: [{ role: 'customer', text: 'hi' }], profileId: 'p' } };

function setup(resolveContext?: PipelineDeps['resolveContext'], result: ProviderResult = { items: [], invalidCount: 0 }) {
  const asked: ProviderQuery[] = [];
  const provider: RecommendationProvider = {
    id: 'conversation-suggestions',
    cacheable: false,
    needsTranscript: false,
    fetch: async (query) => {
      asked.push(query);
      return result;
    },
  };
  const cache: RecommendationCache = { lookup: vi.fn(async () => null), store: vi.fn(async () => undefined), clear: vi.fn(async () => undefined) };
  const published: ViewState[] = [];
  const pipeline = createPipeline({
    settings: async () => SETTINGS,
    ensureSignedIn: async () => undefined,
    agent: async () => ({ id: 'a', name: 'A', skills: [] }),
    provider: () => provider,
    readContext: async () => PAGE,
    readView: async () => null,
    publish: async (view) => {
      published.push(view);
    },
    cache,
    inFlight: createInFlight<ProviderResult>(),
    ...(resolveContext && { resolveContext }),
  });
  return { pipeline, asked, cache, published };
}

describe('pipeline in Genesys mode', () => {
  it('asks with the conversation and channel the API confirmed, and shows them', async () => {
    const resolved: DesktopContext = { ...PAGE.context, conversationId: 'api-conv', channel: 'message', transcript: [{ role: 'customer', text: 'from the API' }] };
    const { pipeline, asked, published } = setup(async () => resolved);
    await pipeline.refresh(1);
    expect(asked.map((query) => [query.conversationId, query.channel, query.transcript])).toEqual([['api-conv', 'message', resolved.transcript]]);
    expect(published.at(-1)).toMatchObject({ status: 'ready', conversationId: 'api-conv', channel: 'message' });
  });

  it('falls back to the page when the API cannot say', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { pipeline, asked, published } = setup(async () => {
      throw new Error('offline');
    });
    await pipeline.refresh(1);
    expect(asked[0]?.conversationId).toBe('page-conv');
    expect(published.at(-1)).toMatchObject({ status: 'ready', conversationId: 'page-conv', channel: 'chat' });
  });

  it('bypasses the recommendation cache for a provider with its own, and publishes other suggestions', async () => {
    const other = { id: 'o', kind: 'Script', title: 's', detail: '' };
    const { pipeline, cache, published } = setup(undefined, { items: [], invalidCount: 0, others: [other] });
    await pipeline.refresh(1);
    expect(cache.lookup).not.toHaveBeenCalled();
    expect(cache.store).not.toHaveBeenCalled();
    expect(published.at(-1)?.otherSuggestions).toEqual([other]);
  });
});
