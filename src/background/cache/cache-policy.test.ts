import { describe, expect, it } from 'vitest';
import { freshnessOf, keysToEvict, MAX_STALE_MS } from './cache-policy';

describe('freshnessOf', () => {
  it('is fresh strictly inside the TTL, stale after it, expired after the stale limit', () => {
    expect(freshnessOf(1000, 1000 + 119_999, 120_000)).toBe('fresh');
    expect(freshnessOf(1000, 1000 + 120_000, 120_000)).toBe('stale');
    expect(freshnessOf(1000, 1000 + MAX_STALE_MS - 1, 120_000)).toBe('stale');
    expect(freshnessOf(1000, 1000 + MAX_STALE_MS, 120_000)).toBe('expired');
  });

  it('treats a TTL of zero as caching switched off', () => {
    expect(freshnessOf(1000, 1000, 0)).toBe('expired');
  });

  it('does not trust an entry from the future (clock moved back)', () => {
    expect(freshnessOf(5000, 1000, 120_000)).toBe('stale');
  });
});

describe('keysToEvict', () => {
  const now = 10 * MAX_STALE_MS;
  it('keeps everything under the limit except expired entries', () => {
    expect(keysToEvict([{ key: 'a', storedAt: now - 1 }, { key: 'old', storedAt: now - MAX_STALE_MS }], 5, now)).toEqual(['old']);
  });

  it('evicts the oldest down to the limit', () => {
    const entries = [
      { key: 'c', storedAt: now - 10 },
      { key: 'a', storedAt: now - 30 },
      { key: 'b', storedAt: now - 20 },
      { key: 'd', storedAt: now - 5 },
    ];
    expect(keysToEvict(entries, 2, now)).toEqual(['a', 'b']);
  });
});
