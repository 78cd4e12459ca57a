import { describe, expect, it, vi } from 'vitest';
import type { RecommendationEventInput } from '../shared/recommendation-event';
// The session store is replaced by an in-memory one below; the polyfill only loads in an extension.
vi.mock('../shared/browser', () => ({ browser: {} }));

import { createImpressionDedupe, MAX_REMEMBERED, type ImpressionStore } from './impression-dedupe';

function memoryStore(): ImpressionStore & { seen: [string, string][] } {
  const store = {
    seen: [] as [string, string][],
    read: async () => structuredClone(store.seen),
    write: async (seen: [string, string][]) => {
      store.seen = structuredClone(seen);
    },
  };
  return store;
}

const impression = (recommendationId: string, conversationId = 'c-1'): RecommendationEventInput => ({ conversationId, recommendationId, sourceId: 'kb', action: 'impression' });

function recorder() {
  let next = 0;
  return vi.fn(async (input: RecommendationEventInput) => ({ ...input, eventId: `e${++next}`, agentId: 'a', timestamp: '2026-01-01T00:00:00Z' }));
}

describe('createImpressionDedupe', () => {
  it('records an impression once per conversation and recommendation, answering repeats with the first eventId', async () => {
    const record = recorder();
    const store = memoryStore();
    const once = createImpressionDedupe(record, store);
    expect(await once(impression('r-1'))).toEqual({ eventId: 'e1' });
    expect(await once(impression('r-1'))).toEqual({ eventId: 'e1' });
    expect(await once(impression('r-1', 'c-2'))).toEqual({ eventId: 'e2' });
    expect(await once(impression('r-2'))).toEqual({ eventId: 'e3' });
    expect(record).toHaveBeenCalledTimes(3);
    // A restarted worker (a new dedupe over the same storage) still knows.
    expect(await createImpressionDedupe(record, store)(impression('r-1'))).toEqual({ eventId: 'e1' });
    expect(record).toHaveBeenCalledTimes(3);
  });

  it('counts two reports arriving together once', async () => {
    const record = recorder();
    const once = createImpressionDedupe(record, memoryStore());
    const results = await Promise.all([once(impression('r-1')), once(impression('r-1')), once(impression('r-1'))]);
    expect(results).toEqual([{ eventId: 'e1' }, { eventId: 'e1' }, { eventId: 'e1' }]);
    expect(record).toHaveBeenCalledOnce();
  });

  it('passes every other action straight through, however often', async () => {
    const record = recorder();
    const once = createImpressionDedupe(record, memoryStore());
    await once({ ...impression('r-1'), action: 'copy' });
    await once({ ...impression('r-1'), action: 'copy' });
    expect(record).toHaveBeenCalledTimes(2);
  });

  it('does not remember an impression the recorder refused, and keeps going after it', async () => {
    const record = recorder();
    record.mockRejectedValueOnce(new Error('Sign in before recording actions'));
    const once = createImpressionDedupe(record, memoryStore());
    await expect(once(impression('r-1'))).rejects.toThrow(/Sign in/);
    expect(await once(impression('r-1'))).toEqual({ eventId: 'e1' });
  });

  it('keeps only the newest pairs', async () => {
    const store = memoryStore();
    const once = createImpressionDedupe(recorder(), store);
    for (let index = 0; index < MAX_REMEMBERED + 3; index++) await once(impression(`r-${index}`));
    expect(store.seen).toHaveLength(MAX_REMEMBERED);
    expect(store.seen[0]![0]).toBe('c-1\nr-3');
  });
});
