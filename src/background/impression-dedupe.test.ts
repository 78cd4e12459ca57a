import { describe, expect, it, vi } from 'vitest';
import type { RecommendationEventInput } from '../shared/recommendation-event';
// The session store is replaced by an in-memory one below; `browser` exists only in an extension.
vi.mock('../shared/browser', () => ({ browser: {} }));

import { createImpressionDedupe, MAX_REMEMBERED, type ImpressionStore, type SeenImpression } from './impression-dedupe';

function memoryStore(): ImpressionStore & { seen: SeenImpression[] } {
  const store = {
    seen: [] as SeenImpression[],
    read: async () => structuredClone(store.seen),
    write: async (seen: SeenImpression[]) => {
      store.seen = structuredClone(seen);
    },
  };
  return store;
}

const impression = (recommendationId: string, conversationId = 'c-1'): RecommendationEventInput => ({ conversationId, recommendationId, sourceId: 'kb', action: 'impression' });

function recorder() {
  let next = 0;
  return vi.fn(async (input: RecommendationEventInput, _extras?: { clickedImpressionDay?: string }) => ({ ...input, eventId: `e${++next}`, agentId: 'a', timestamp: '2026-01-01T00:00:00Z' }));
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

  it('passes every click through, however often, marking only the first click of a counted impression', async () => {
    const record = recorder();
    const store = memoryStore();
    const once = createImpressionDedupe(record, store);
    await once({ ...impression('r-0'), action: 'copy' }); // no impression counted: a raw click only
    await once(impression('r-1'));
    await once({ ...impression('r-1'), action: 'copy' });
    await once({ ...impression('r-1'), action: 'copy' });
    await once({ ...impression('r-1'), action: 'open' });
    await once({ ...impression('r-1'), action: 'helpful' });
    expect(record).toHaveBeenCalledTimes(6);
    expect(record.mock.calls.map(([input, extras]) => [input.recommendationId, input.action, extras?.clickedImpressionDay ?? null])).toEqual([
      ['r-0', 'copy', null],
      ['r-1', 'impression', null],
      ['r-1', 'copy', '2026-01-01'],
      ['r-1', 'copy', null],
      ['r-1', 'open', null],
      ['r-1', 'helpful', null],
    ]);
    // A restarted worker still knows the impression was clicked.
    await createImpressionDedupe(record, store)({ ...impression('r-1'), action: 'insert' });
    expect(record.mock.calls.at(-1)?.[1]).toBeUndefined();
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
    expect(store.seen[0]).toEqual(['c-1\nr-3', 'e4', '2026-01-01', false]);
  });
});
