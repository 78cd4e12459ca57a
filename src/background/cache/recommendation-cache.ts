import { del, delMany, entries, get, set, type UseStore } from 'idb-keyval';
import * as z from 'zod/mini';
import { Recommendation } from '../../shared/recommendation';
import { freshnessOf, keysToEvict, MAX_CACHE_ENTRIES, type Freshness } from './cache-policy';

/**
 * The one owner of the recommendation cache (IndexedDB, so it survives the worker's death).
 * Entries are validated on read: anything that does not parse is a miss and is removed.
 */
const CacheEntry = z.object({
  version: z.literal(1),
  storedAt: z.number(),
  items: z.array(Recommendation),
  invalidCount: z.number(),
});
export type CacheEntry = z.infer<typeof CacheEntry>;

export interface CacheHit {
  entry: CacheEntry;
  freshness: Exclude<Freshness, 'expired'>;
}

export interface RecommendationCache {
  lookup(key: string, ttlMs: number, now: number): Promise<CacheHit | null>;
  store(key: string, value: Omit<CacheEntry, 'version'>): Promise<void>;
  clear(): Promise<void>;
}

export function createRecommendationCache(store: UseStore, limit: number = MAX_CACHE_ENTRIES): RecommendationCache {
  let writesSinceEviction = 0;

  async function evict(now: number): Promise<void> {
    const all = await entries<string, unknown>(store);
    const described = all.map(([key, value]) => {
      const parsed = CacheEntry.safeParse(value);
      return { key, storedAt: parsed.success ? parsed.data.storedAt : -Infinity };
    });
    const doomed = keysToEvict(described, limit, now);
    if (doomed.length) await delMany(doomed, store);
  }

  return {
    async lookup(key, ttlMs, now) {
      const raw = await get<unknown>(key, store);
      if (raw === undefined) return null;
      const parsed = CacheEntry.safeParse(raw);
      if (!parsed.success) {
        await del(key, store);
        return null;
      }
      const freshness = freshnessOf(parsed.data.storedAt, now, ttlMs);
      return freshness === 'expired' ? null : { entry: parsed.data, freshness };
    },
    async store(key, value) {
      await set(key, { version: 1, ...value } satisfies CacheEntry, store);
      // Eviction reads every entry; amortise it instead of paying it on each write.
      if (++writesSinceEviction >= Math.max(1, Math.floor(limit / 10))) {
        writesSinceEviction = 0;
        await evict(value.storedAt);
      }
    },
    async clear() {
      const all = await entries<string, unknown>(store);
      await delMany(all.map(([key]) => key), store);
    },
  };
}
