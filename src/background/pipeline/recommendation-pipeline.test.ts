import { describe, expect, it, vi } from 'vitest';
import type { Agent } from '../../shared/conversation';
import type { DesktopContext } from '../../shared/messages';
import type { Recommendation } from '../../shared/recommendation';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { ViewState, emptyViewState } from '../../shared/view-state';
import { freshnessOf } from '../cache/cache-policy';
import { createInFlight } from '../cache/in-flight';
import type { CacheEntry, RecommendationCache } from '../cache/recommendation-cache';
import { ApiError } from '../genesys/api-error';
import type { ProviderQuery, ProviderResult, RecommendationProvider } from '../providers/provider';
import type { StoredContext } from '../tab-state';
import { createPipeline, type PipelineDeps } from './recommendation-pipeline';
import { deferred, type Deferred } from '../../shared/testing/deferred';

const NOW = Date.parse('2025-03-10T12:00:00Z');
const DAY = 86_400_000;
const TAB = 5;
const AGENT: Agent = { id: 'agent-1', name: 'Ann', skills: ['Billing'] };
const CONFIGURED: Settings = { ...DEFAULT_SETTINGS, clientId: 'client-1', knowledgeBaseIds: ['kb-1'] };

function rec(id: string, relevanceScore: number, ageDays: number | null = 1): Recommendation {
  return { id, title: `T ${id}`, content: 'c', relevanceScore, publishedDate: ageDays === null ? null : new Date(NOW - ageDays * DAY).toISOString(), sourceId: 'kb-1' };
}

function stored(context: Partial<DesktopContext>, tabId = TAB): StoredContext {
  return {
    tabId,
    frameId: 0,
    receivedAt: NOW,
    context: { conversationId: 'conv-1', channel: 'chat', transcript: [{ role: 'customer', text: 'card declined' }], profileId: 'simulator', ...context },
  };
}

interface FetchCall {
  query: ProviderQuery;
  signal: AbortSignal;
  answer: Deferred<ProviderResult>;
}

/** The cache's contract over a Map, with the real freshness policy. */
function memoryCache() {
  const entries = new Map<string, CacheEntry>();
  const cache = {
    lookup: vi.fn(async (key: string, ttlMs: number, now: number) => {
      const entry = entries.get(key);
      if (!entry) return null;
      const freshness = freshnessOf(entry.storedAt, now, ttlMs);
      return freshness === 'expired' ? null : { entry, freshness };
    }),
    store: vi.fn(async (key: string, value: Omit<CacheEntry, 'version'>) => {
      entries.set(key, { version: 1, ...structuredClone(value) });
    }),
    clear: vi.fn(async () => entries.clear()),
  } satisfies RecommendationCache;
  return { cache, entries };
}

interface HarnessOptions {
  settings?: Settings;
  contexts?: StoredContext[];
  views?: ViewState[];
  ensureSignedIn?: () => Promise<void>;
  needsTranscript?: boolean;
  canAsk?: RecommendationProvider['canAsk'];
}

function harness(options: HarnessOptions = {}) {
  let clock = NOW;
  const { cache, entries } = memoryCache();
  const contexts = new Map((options.contexts ?? [stored({})]).map((context) => [context.tabId, context]));
  const views = new Map((options.views ?? []).map((view) => [view.tabId, view]));
  const published: ViewState[] = [];
  const fetches: FetchCall[] = [];
  const provider: RecommendationProvider = {
    id: 'recommendations-query',
    needsTranscript: options.needsTranscript ?? true,
    ...(options.canAsk && { canAsk: options.canAsk }),
    fetch(query, signal) {
      const answer = deferred<ProviderResult>();
      fetches.push({ query, signal, answer });
      return answer.promise;
    },
  };
  const deps = {
    settings: vi.fn(async () => options.settings ?? CONFIGURED),
    ensureSignedIn: vi.fn(options.ensureSignedIn ?? (async () => undefined)),
    agent: vi.fn(async () => AGENT),
    provider: vi.fn((_settings: Settings) => provider),
    readContext: vi.fn(async (tabId: number) => contexts.get(tabId) ?? null),
    readView: vi.fn(async (tabId: number) => views.get(tabId) ?? null),
    publish: vi.fn(async (view: ViewState) => {
      published.push(view);
      views.set(view.tabId, view);
    }),
    cache,
    inFlight: createInFlight<ProviderResult>(),
    now: () => clock,
  } satisfies PipelineDeps;
  return {
    pipeline: createPipeline(deps),
    deps,
    published,
    fetches,
    contexts,
    views,
    cache,
    cacheEntries: entries,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const statuses = (views: readonly ViewState[]) => views.map((view) => view.status);

function readyView(conversationId: string, recommendations: Recommendation[]): ViewState {
  return { ...emptyViewState(TAB, 'ready'), conversationId, channel: 'chat', recommendations, hidden: [{ recommendation: rec('h', 0.1), reason: 'low-score' }], invalidCount: 2, updatedAt: NOW - 1000 };
}

describe('createPipeline: states before any request', () => {
  it('publishes not-configured without a client id, and asks no one else', async () => {
    const h = harness({ settings: { ...DEFAULT_SETTINGS } });
    await h.pipeline.refresh(TAB);
    expect(statuses(h.published)).toEqual(['not-configured']);
    expect(h.published[0]).toMatchObject({ tabId: TAB, conversationId: 'conv-1', channel: 'chat', recommendations: [], error: null, updatedAt: NOW });
    expect(h.deps.ensureSignedIn).not.toHaveBeenCalled();
    expect(h.fetches).toHaveLength(0);
  });

  it('publishes not-configured for a custom region without URLs', async () => {
    const h = harness({ settings: { ...CONFIGURED, region: 'custom' } });
    await h.pipeline.refresh(TAB);
    expect(statuses(h.published)).toEqual(['not-configured']);
  });

  it('publishes signed-out when there is no usable token', async () => {
    const h = harness({
      ensureSignedIn: async () => {
        throw new ApiError('auth', 'Not signed in', { status: 401 });
      },
    });
    await h.pipeline.refresh(TAB);
    expect(statuses(h.published)).toEqual(['signed-out']);
    expect(h.fetches).toHaveLength(0);
  });

  it('publishes no-conversation when the tab reported nothing', async () => {
    const h = harness({ contexts: [] });
    await h.pipeline.refresh(TAB);
    expect(statuses(h.published)).toEqual(['no-conversation']);
    expect(h.published[0]).toMatchObject({ conversationId: null, channel: null, idleReason: 'no-selection' });
    expect(h.fetches).toHaveLength(0);
  });

  it('publishes no-conversation, saying it is unidentified, when the desktop shows a conversation but no id', async () => {
    const h = harness({ contexts: [stored({ conversationId: null, channel: 'voice' })] });
    await h.pipeline.refresh(TAB);
    expect(statuses(h.published)).toEqual(['no-conversation']);
    expect(h.published[0]).toMatchObject({ conversationId: null, channel: 'voice', idleReason: 'unidentified' });
    const named = harness({ contexts: [stored({ conversationId: null, channel: null, participantName: 'Jordan Lee' })] });
    await named.pipeline.refresh(TAB);
    expect(named.published[0]).toMatchObject({ status: 'no-conversation', idleReason: 'unidentified' });
    expect(named.fetches).toHaveLength(0);
  });

  it('says no conversation is selected when the desktop shows none', async () => {
    const h = harness({ contexts: [stored({ conversationId: null, channel: null, transcript: [] })] });
    await h.pipeline.refresh(TAB);
    expect(h.published[0]).toMatchObject({ status: 'no-conversation', idleReason: 'no-selection' });
  });

  it('waits for a transcript instead of asking a transcript-matching provider about nothing', async () => {
    const h = harness({ contexts: [stored({ transcript: [] })] });
    await h.pipeline.refresh(TAB);
    expect(statuses(h.published)).toEqual(['waiting-for-transcript']);
    expect(h.published[0]).toMatchObject({ conversationId: 'conv-1' });
    expect(h.fetches).toHaveLength(0);
  });

  it('keeps waiting while the provider finds nothing in the transcript to ask about', async () => {
    const h = harness({ canAsk: (transcript) => transcript.some((turn) => turn.text.length > 20) });
    await h.pipeline.refresh(TAB);
    expect(statuses(h.published)).toEqual(['waiting-for-transcript']);
    expect(h.fetches).toHaveLength(0);
  });

  it('shows a partial answer with its source problems, and does not cache it', async () => {
    const h = harness();
    const run = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
    const problem = { sourceId: 'kb-2', sourceName: 'Devices', kind: 'forbidden' as const, status: 403, message: 'HTTP 403' };
    h.fetches[0]!.answer.resolve({ items: [rec('a', 0.9)], invalidCount: 0, sourceProblems: [problem] });
    await run;
    expect(h.published.at(-1)).toMatchObject({ status: 'ready', sourceProblems: [problem] });
    expect(h.published.at(-1)!.recommendations.map((item) => item.id)).toEqual(['a']);
    expect(h.cache.store).not.toHaveBeenCalled();
  });

  it('asks a provider that works from the conversation id even before anything is said', async () => {
    const h = harness({ contexts: [stored({ transcript: [] })], needsTranscript: false });
    void h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
  });
});

describe('createPipeline: loading and ready', () => {
  it('publishes loading, asks the provider with the context, agent and settings, then ready with filtered results', async () => {
    const h = harness({ settings: { ...CONFIGURED, minRelevanceScore: 0.5, maxContentAgeDays: 3 } });
    const refreshing = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
    expect(statuses(h.published)).toEqual(['loading']);
    expect(h.published[0]).toMatchObject({ conversationId: 'conv-1', channel: 'chat', recommendations: [], error: null });

    const call = h.fetches[0]!;
    expect(call.query).toEqual({
      conversationId: 'conv-1',
      channel: 'chat',
      transcript: [{ role: 'customer', text: 'card declined' }],
      agent: AGENT,
      knowledgeBaseIds: ['kb-1'],
    });
    expect(call.signal.aborted).toBe(false);

    call.answer.resolve({ items: [rec('mid', 0.6), rec('low', 0.4), rec('top', 0.95), rec('stale', 0.99, 4)], invalidCount: 3 });
    await refreshing;
    expect(statuses(h.published)).toEqual(['loading', 'ready']);
    const ready = h.published[1]!;
    expect(ready.recommendations.map((item) => item.id)).toEqual(['top', 'mid']);
    expect(ready.hidden.map((hidden) => [hidden.recommendation.id, hidden.reason])).toEqual([
      ['stale', 'too-old'],
      ['low', 'low-score'],
    ]);
    expect(ready.invalidCount).toBe(3);
    // Each card says which customer line the query was built from.
    expect(ready.recommendations.map((item) => item.customerLine)).toEqual(['card declined', 'card declined']);
    expect(ready.error).toBeNull();
    expect(ready.updatedAt).toBe(NOW);
    for (const view of h.published) expect(ViewState.safeParse(view).success).toBe(true);
  });

  it('keeps the previous results visible while loading the same conversation', async () => {
    const previous = readyView('conv-1', [rec('old-a', 0.9)]);
    const h = harness({ views: [previous] });
    const refreshing = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
    expect(h.published[0]).toMatchObject({ status: 'loading', recommendations: previous.recommendations, hidden: previous.hidden, invalidCount: 2 });
    h.fetches[0]!.answer.resolve({ items: [rec('new-a', 0.9)], invalidCount: 0 });
    await refreshing;
    expect(h.published[1]!.recommendations.map((item) => item.id)).toEqual(['new-a']);
    expect(h.published[1]!.hidden).toEqual([]);
    expect(h.published[1]!.invalidCount).toBe(0);
  });

  it('does not show another conversation’s results while loading', async () => {
    const previous = readyView('conv-OTHER', [rec('old-a', 0.9)]);
    const h = harness({ views: [previous] });
    const refreshing = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
    expect(h.published[0]).toMatchObject({ status: 'loading', conversationId: 'conv-1', recommendations: [], hidden: [], invalidCount: 0 });
    h.fetches[0]!.answer.resolve({ items: [], invalidCount: 0 });
    await refreshing;
  });
});

describe('createPipeline: errors', () => {
  it('publishes the error and keeps the previous results of the same conversation', async () => {
    const previous = readyView('conv-1', [rec('old-a', 0.9)]);
    const h = harness({ views: [previous] });
    const refreshing = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
    h.fetches[0]!.answer.reject(new ApiError('http', 'HTTP 503', { status: 503, code: 'service.unavailable', correlationId: 'corr-9' }));
    await refreshing;
    expect(statuses(h.published)).toEqual(['loading', 'error']);
    expect(h.published[1]).toMatchObject({
      recommendations: previous.recommendations,
      hidden: previous.hidden,
      error: { kind: 'provider', message: 'HTTP 503', status: 503, code: 'service.unavailable', correlationId: 'corr-9' },
    });
  });

  it('does not carry another conversation’s results into the error state', async () => {
    const h = harness({ views: [readyView('conv-OTHER', [rec('old-a', 0.9)])] });
    const refreshing = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
    h.fetches[0]!.answer.reject(new ApiError('timeout', 'No answer within 15 s'));
    await refreshing;
    expect(h.published[1]).toMatchObject({ status: 'error', recommendations: [], error: { kind: 'timeout' } });
  });

  it('turns an auth error from the provider into signed-out, clearing the results', async () => {
    const h = harness({ views: [readyView('conv-1', [rec('old-a', 0.9)])] });
    const refreshing = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
    h.fetches[0]!.answer.reject(new ApiError('auth', 'Sign in again', { status: 401 }));
    await refreshing;
    expect(statuses(h.published)).toEqual(['loading', 'signed-out']);
    expect(h.published[1]).toMatchObject({ recommendations: [], error: { kind: 'auth', message: 'Sign in again', status: 401 } });
  });

  it('reports an unexpected provider failure as a provider error, never a crash', async () => {
    const h = harness();
    const refreshing = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
    h.fetches[0]!.answer.reject(new TypeError('x is undefined'));
    await expect(refreshing).resolves.toBeUndefined();
    expect(h.published[1]).toMatchObject({ status: 'error', error: { kind: 'provider', message: 'x is undefined' } });
  });
});

describe('createPipeline: superseded runs', () => {
  it('aborts the older run when a newer one starts, and the older one publishes nothing afterwards', async () => {
    const h = harness();
    const first = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
    expect(h.published).toHaveLength(1); // loading of the first run

    h.contexts.set(TAB, stored({ conversationId: 'conv-2' }));
    const second = h.pipeline.refresh(TAB);
    expect(h.fetches[0]!.signal.aborted).toBe(true);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(2));
    expect(h.fetches[1]!.signal.aborted).toBe(false);
    const publishedBefore = h.published.length;

    // The older provider answers anyway (it ignored its signal): nothing of it may be shown.
    h.fetches[0]!.answer.resolve({ items: [rec('from-first', 0.99)], invalidCount: 0 });
    await first;
    expect(h.published).toHaveLength(publishedBefore);

    h.fetches[1]!.answer.resolve({ items: [rec('from-second', 0.9)], invalidCount: 0 });
    await second;
    const last = h.published.at(-1)!;
    expect(last).toMatchObject({ status: 'ready', conversationId: 'conv-2' });
    expect(last.recommendations.map((item) => item.id)).toEqual(['from-second']);
    expect(h.published.some((view) => view.recommendations.some((item) => item.id === 'from-first'))).toBe(false);
  });

  it('does not publish an error for the older run when it fails after being superseded', async () => {
    const h = harness();
    const first = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
    const second = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(2));
    h.fetches[0]!.answer.reject(new ApiError('aborted', 'The request was cancelled'));
    await first;
    expect(h.published.some((view) => view.status === 'error')).toBe(false);
    h.fetches[1]!.answer.resolve({ items: [], invalidCount: 0 });
    await second;
    expect(h.published.at(-1)!.status).toBe('ready');
  });

  it('does not let a run superseded before its first await publish anything', async () => {
    const h = harness();
    const first = h.pipeline.refresh(TAB);
    const second = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
    await first;
    expect(statuses(h.published)).toEqual(['loading']);
    h.fetches[0]!.answer.resolve({ items: [], invalidCount: 0 });
    await second;
    expect(statuses(h.published)).toEqual(['loading', 'ready']);
  });

  it('does not abort a run for another tab', async () => {
    const h = harness({ contexts: [stored({}, 1), stored({ conversationId: 'conv-b' }, 2)] });
    const one = h.pipeline.refresh(1);
    const two = h.pipeline.refresh(2);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(2));
    expect(h.fetches.every((call) => !call.signal.aborted)).toBe(true);
    for (const call of h.fetches) call.answer.resolve({ items: [rec(`for-${call.query.conversationId}`, 0.9)], invalidCount: 0 });
    await Promise.all([one, two]);
    const readyByTab = new Map(h.published.filter((view) => view.status === 'ready').map((view) => [view.tabId, view.recommendations[0]!.id]));
    expect(readyByTab).toEqual(
      new Map([
        [1, 'for-conv-1'],
        [2, 'for-conv-b'],
      ]),
    );
  });
});

describe('createPipeline: cache and shared requests', () => {
  async function refreshAnswering(h: ReturnType<typeof harness>, tabId: number, result: ProviderResult) {
    const before = h.fetches.length;
    const refreshing = h.pipeline.refresh(tabId);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(before + 1));
    h.fetches[before]!.answer.resolve(result);
    await refreshing;
  }

  it('records the context time, the run start and the provider time on the view', async () => {
    const h = harness({ contexts: [{ ...stored({}), receivedAt: NOW - 40 }] });
    const refreshing = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
    h.advance(250);
    h.fetches[0]!.answer.resolve({ items: [rec('a', 0.9)], invalidCount: 0 });
    await refreshing;
    expect(h.published.at(-1)).toMatchObject({ status: 'ready', source: 'provider', providerMs: 250, contextReceivedAt: NOW - 40, requestedAt: NOW, updatedAt: NOW + 250 });
  });

  it('times a context that waited while the agent was signed out from the run after sign-in', async () => {
    let signedIn = false;
    const h = harness({
      ensureSignedIn: async () => {
        if (!signedIn) throw new ApiError('auth', 'Not signed in');
      },
    });
    await h.pipeline.refresh(TAB);
    expect(h.published.at(-1)).toMatchObject({ status: 'signed-out', contextReceivedAt: NOW });
    h.advance(20_000);
    signedIn = true;
    const refreshing = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(1));
    h.advance(161);
    h.fetches[0]!.answer.resolve({ items: [rec('a', 0.9)], invalidCount: 0 });
    await refreshing;
    const ready = h.published.at(-1)!;
    expect(ready).toMatchObject({ status: 'ready', contextReceivedAt: NOW, requestedAt: NOW + 20_000 });
    expect(ready.updatedAt - ready.requestedAt!).toBe(161);
  });

  it('answers the same context from the cache within the TTL, without asking the provider', async () => {
    const h = harness();
    await refreshAnswering(h, TAB, { items: [rec('a', 0.9), rec('low', 0.1)], invalidCount: 1 });
    expect(h.cache.store).toHaveBeenCalledTimes(1);
    h.published.length = 0;
    h.advance(119_000);
    await h.pipeline.refresh(TAB);
    expect(h.fetches).toHaveLength(1);
    expect(h.published).toHaveLength(1);
    expect(h.published[0]).toMatchObject({ status: 'ready', source: 'cache', stale: false, invalidCount: 1 });
    expect(h.published[0]!.recommendations.map((item) => item.id)).toEqual(['a']);
    expect(h.published[0]!.hidden.map((hidden) => hidden.recommendation.id)).toEqual(['low']);
  });

  it('shows a stale entry at once, marked stale, then revalidates from the provider', async () => {
    const h = harness();
    await refreshAnswering(h, TAB, { items: [rec('cached', 0.9)], invalidCount: 0 });
    h.published.length = 0;
    h.advance(120_000); // TTL 120 s: stale now
    const refreshing = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(2));
    expect(h.published).toHaveLength(1);
    expect(h.published[0]).toMatchObject({ status: 'ready', source: 'cache', stale: true });
    expect(h.published[0]!.recommendations.map((item) => item.id)).toEqual(['cached']);
    h.fetches[1]!.answer.resolve({ items: [rec('fresh', 0.9)], invalidCount: 0 });
    await refreshing;
    expect(h.published[1]).toMatchObject({ status: 'ready', source: 'provider', stale: false });
    expect(h.published[1]!.recommendations.map((item) => item.id)).toEqual(['fresh']);
  });

  it('keeps the stale cached results, still marked stale, when revalidation fails', async () => {
    const h = harness();
    await refreshAnswering(h, TAB, { items: [rec('cached', 0.9)], invalidCount: 0 });
    h.published.length = 0;
    h.advance(200_000);
    const refreshing = h.pipeline.refresh(TAB);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(2));
    h.fetches[1]!.answer.reject(new ApiError('network', 'Failed to fetch'));
    await refreshing;
    expect(statuses(h.published)).toEqual(['ready', 'error']);
    expect(h.published[1]).toMatchObject({ stale: true, error: { kind: 'offline' } });
    expect(h.published[1]!.recommendations.map((item) => item.id)).toEqual(['cached']);
  });

  it('neither reads nor writes the cache when the TTL is 0', async () => {
    const h = harness({ settings: { ...CONFIGURED, cacheTtlSeconds: 0 } });
    await refreshAnswering(h, TAB, { items: [rec('a', 0.9)], invalidCount: 0 });
    await refreshAnswering(h, TAB, { items: [rec('a', 0.9)], invalidCount: 0 });
    expect(h.fetches).toHaveLength(2);
    expect(h.cache.lookup).not.toHaveBeenCalled();
    expect(h.cache.store).not.toHaveBeenCalled();
  });

  it('asks the provider once when two tabs show the same context at the same time', async () => {
    const h = harness({ contexts: [stored({}, 1), stored({}, 2)] });
    const one = h.pipeline.refresh(1);
    const two = h.pipeline.refresh(2);
    await vi.waitFor(() => expect(h.published.filter((view) => view.status === 'loading')).toHaveLength(2));
    expect(h.fetches).toHaveLength(1);
    h.fetches[0]!.answer.resolve({ items: [rec('shared', 0.9)], invalidCount: 0 });
    await Promise.all([one, two]);
    const ready = h.published.filter((view) => view.status === 'ready');
    expect(ready.map((view) => view.tabId).sort()).toEqual([1, 2]);
    expect(ready.every((view) => view.recommendations[0]?.id === 'shared')).toBe(true);
  });

  it('does not cancel the shared request for a tab still waiting when another tab moves on', async () => {
    const h = harness({ contexts: [stored({}, 1), stored({}, 2)] });
    const one = h.pipeline.refresh(1);
    const two = h.pipeline.refresh(2);
    await vi.waitFor(() => expect(h.published.filter((view) => view.status === 'loading')).toHaveLength(2));
    h.contexts.set(1, stored({ conversationId: 'conv-elsewhere' }, 1));
    const oneAgain = h.pipeline.refresh(1);
    await vi.waitFor(() => expect(h.fetches).toHaveLength(2));
    expect(h.fetches[0]!.signal.aborted).toBe(false);
    h.fetches[0]!.answer.resolve({ items: [rec('shared', 0.9)], invalidCount: 0 });
    h.fetches[1]!.answer.resolve({ items: [rec('elsewhere', 0.9)], invalidCount: 0 });
    await Promise.all([one, two, oneAgain]);
    const lastFor = (tabId: number) => h.published.filter((view) => view.tabId === tabId).at(-1)!;
    expect(lastFor(2).recommendations.map((item) => item.id)).toEqual(['shared']);
    expect(lastFor(1)).toMatchObject({ conversationId: 'conv-elsewhere' });
    expect(lastFor(1).recommendations.map((item) => item.id)).toEqual(['elsewhere']);
  });

  it('still shows what the provider answered when writing the cache fails', async () => {
    const h = harness();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const full = new DOMException('Quota exceeded', 'QuotaExceededError');
    h.cache.store.mockRejectedValueOnce(full);
    await refreshAnswering(h, TAB, { items: [rec('answered', 0.9)], invalidCount: 0 });
    expect(h.published.at(-1)).toMatchObject({ status: 'ready', error: null });
    expect(h.published.at(-1)!.recommendations.map((item) => item.id)).toEqual(['answered']);
    expect(warn).toHaveBeenCalledWith('[agent-assist] could not cache recommendations', full);
  });
});

describe('createPipeline: the agent profile', () => {
  it('publishes signed-out when loading the agent fails for want of a token', async () => {
    const h = harness();
    h.deps.agent.mockRejectedValueOnce(new ApiError('auth', 'Sign in again', { status: 401 }));
    await h.pipeline.refresh(TAB);
    expect(statuses(h.published)).toEqual(['signed-out']);
    expect(h.fetches).toHaveLength(0);
  });

  it('publishes an error, keeping previous results, when loading the agent fails otherwise', async () => {
    const previous = readyView('conv-1', [rec('old-a', 0.9)]);
    const h = harness({ views: [previous] });
    h.deps.agent.mockRejectedValueOnce(new ApiError('network', 'Failed to fetch'));
    await h.pipeline.refresh(TAB);
    expect(statuses(h.published)).toEqual(['error']);
    expect(h.published[0]).toMatchObject({ recommendations: previous.recommendations, error: { kind: 'offline' } });
  });
});
