import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../shared/recommendation';
import { createRecommendationCache } from './recommendation-cache';

let storeCount = 0;
function freshStore() {
  return createStore(`cache-test-${++storeCount}`, 'recommendations');
}

const item: Recommendation = { id: 'a1', title: 'Refunds', content: 'How to refund', relevanceScore: 0.9, publishedDate: null, sourceId: 'kb-billing' };

describe('recommendation cache', () => {
  it('returns a fresh hit inside the TTL and a stale one after it, without extending the TTL', async () => {
    const store = freshStore();
    const cache = createRecommendationCache(store);
    await cache.store('k', { storedAt: 1_000, items: [item], invalidCount: 1 });
    expect(await cache.lookup('k', 120_000, 60_000)).toMatchObject({ freshness: 'fresh', entry: { items: [item], invalidCount: 1 } });
    expect(await cache.lookup('k', 120_000, 120_999)).toMatchObject({ freshness: 'fresh' });
    expect(await cache.lookup('k', 120_000, 121_000)).toMatchObject({ freshness: 'stale' });
  });

  it('misses on unknown keys and when caching is off', async () => {
    const cache = createRecommendationCache(freshStore());
    await cache.store('k', { storedAt: 1_000, items: [item], invalidCount: 0 });
    expect(await cache.lookup('other', 120_000, 2_000)).toBeNull();
    expect(await cache.lookup('k', 0, 1_000)).toBeNull();
  });

  it('treats a corrupted entry as a miss and removes it', async () => {
    const store = freshStore();
    await set('k', { version: 1, storedAt: 'yesterday', items: 'lots' }, store);
    const cache = createRecommendationCache(store);
    expect(await cache.lookup('k', 120_000, 2_000)).toBeNull();
    await cache.store('k', { storedAt: 2_000, items: [item], invalidCount: 0 });
    expect(await cache.lookup('k', 120_000, 2_001)).not.toBeNull();
  });

  it('stays within its size bound by evicting the oldest entries', async () => {
    const cache = createRecommendationCache(freshStore(), 10);
    for (let i = 0; i < 25; i++) await cache.store(`k${i}`, { storedAt: 1_000 + i, items: [item], invalidCount: 0 });
    const present = [];
    for (let i = 0; i < 25; i++) if (await cache.lookup(`k${i}`, 120_000, 2_000)) present.push(i);
    expect(present.length).toBeLessThanOrEqual(10);
    expect(present).toContain(24);
    expect(present).not.toContain(0);
  });

  it('survives a new instance on the same database (a worker restart)', async () => {
    const store = freshStore();
    await createRecommendationCache(store).store('k', { storedAt: 1_000, items: [item], invalidCount: 0 });
    expect(await createRecommendationCache(store).lookup('k', 120_000, 2_000)).not.toBeNull();
  });

  it('clear() forgets everything', async () => {
    const cache = createRecommendationCache(freshStore());
    await cache.store('k', { storedAt: 1_000, items: [item], invalidCount: 0 });
    await cache.clear();
    expect(await cache.lookup('k', 120_000, 2_000)).toBeNull();
  });
});
