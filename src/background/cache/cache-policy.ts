/**
 * Pure cache policy (docs/architecture.md pipeline step 2): what a stored entry is worth now, and which
 * entries to evict. The TTL is never extended by a hit: an entry is fresh for `ttlMs` after it was
 * fetched, then stale (shown at once, marked, and revalidated) until `maxStaleMs`, then gone.
 */
export type Freshness = 'fresh' | 'stale' | 'expired';

/** Past this, cached recommendations are too old to show even as "stale". */
export const MAX_STALE_MS = 24 * 60 * 60 * 1000;
export const MAX_CACHE_ENTRIES = 300;

export function freshnessOf(storedAt: number, now: number, ttlMs: number, maxStaleMs: number = MAX_STALE_MS): Freshness {
  if (ttlMs <= 0) return 'expired';
  const age = now - storedAt;
  if (age < 0) return 'stale'; // the clock went back: show it, but check again
  if (age < ttlMs) return 'fresh';
  return age < maxStaleMs ? 'stale' : 'expired';
}

/** Keys to delete so that at most `limit` remain, oldest first; expired ones always go. */
export function keysToEvict<K>(entries: readonly { key: K; storedAt: number }[], limit: number, now: number, maxStaleMs: number = MAX_STALE_MS): K[] {
  const live = entries.filter((entry) => now - entry.storedAt < maxStaleMs);
  const expired = entries.filter((entry) => now - entry.storedAt >= maxStaleMs).map((entry) => entry.key);
  if (live.length <= limit) return expired;
  const oldestFirst = [...live].sort((a, b) => a.storedAt - b.storedAt);
  return [...expired, ...oldestFirst.slice(0, live.length - limit).map((entry) => entry.key)];
}
