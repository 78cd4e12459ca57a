import { describe, expect, it } from 'vitest';
import { backoffDelay, classifyFailure, decideRetry, DEFAULT_RETRY_LIMITS, parseRetryAfter, type RetryLimits } from './retry-policy';

const NOW = Date.parse('2025-03-10T12:00:00Z');

describe('parseRetryAfter', () => {
  it('is null when the header is absent', () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });

  it('reads delta-seconds as milliseconds', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
  });

  it('reads a huge delta-seconds value without capping it (the caller decides whether to wait)', () => {
    expect(parseRetryAfter('86400', NOW)).toBe(86_400_000);
    expect(parseRetryAfter('9999999999', NOW)).toBe(9_999_999_999_000);
  });

  it('reads an HTTP date as the time left until then', () => {
    expect(parseRetryAfter('Mon, 10 Mar 2025 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Mon, 10 Mar 2025 13:00:00 GMT', NOW)).toBe(3_600_000);
  });

  it('gives 0 for an HTTP date in the past, never a negative wait', () => {
    expect(parseRetryAfter('Mon, 10 Mar 2025 11:59:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:00 GMT', NOW)).toBe(0);
  });

  it('refuses negative and fractional seconds (not delta-seconds)', () => {
    expect(parseRetryAfter('-5', NOW)).toBeNull();
    expect(parseRetryAfter('1.5', NOW)).toBeNull();
    expect(parseRetryAfter('', NOW)).toBeNull();
    expect(parseRetryAfter('   ', NOW)).toBeNull();
  });

  it('refuses words that are not a date', () => {
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter('in 5 minutes', NOW)).toBeNull();
  });

  it('refuses garbage that only a lenient date parser would read as a date (falls back to backoff)', () => {
    // V8's Date.parse reads "soon 2" as February 2001 and "retry 5" as May 2001; neither is an
    // HTTP-date (RFC 9110 §5.6.7), so the header is unreadable and must give null, not "retry now".
    expect(parseRetryAfter('soon 2', NOW)).toBeNull();
    expect(parseRetryAfter('retry 5', NOW)).toBeNull();
  });
});

describe('backoffDelay', () => {
  const limits: RetryLimits = { maxAttempts: 10, maxElapsedMs: 600_000, baseDelayMs: 1000, maxDelayMs: 30_000 };

  it('is 0 when the random source gives 0', () => {
    for (let retry = 0; retry < 8; retry++) expect(backoffDelay(retry, limits, () => 0)).toBe(0);
  });

  it('stays below base·2^retry (full jitter upper bound, exclusive)', () => {
    const almostOne = 1 - Number.EPSILON;
    expect(backoffDelay(0, limits, () => almostOne)).toBe(999);
    expect(backoffDelay(1, limits, () => almostOne)).toBe(1999);
    expect(backoffDelay(2, limits, () => almostOne)).toBe(3999);
    expect(backoffDelay(3, limits, () => almostOne)).toBe(7999);
  });

  it('scales the random draw over the ceiling', () => {
    expect(backoffDelay(0, limits, () => 0.5)).toBe(500);
    expect(backoffDelay(2, limits, () => 0.25)).toBe(1000);
  });

  it('is capped at maxDelayMs however many retries', () => {
    const almostOne = 1 - Number.EPSILON;
    expect(backoffDelay(5, limits, () => almostOne)).toBe(29_999); // 32 s ceiling capped to 30 s
    expect(backoffDelay(50, limits, () => almostOne)).toBe(29_999);
    expect(backoffDelay(2000, limits, () => 0.5)).toBe(15_000); // 2^2000 is Infinity: still the cap
  });

  it('always lands in [0, ceiling) with the real random source', () => {
    for (let retry = 0; retry < 10; retry++) {
      const ceiling = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** retry);
      for (let i = 0; i < 50; i++) {
        const delay = backoffDelay(retry, limits);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });
});

describe('classifyFailure', () => {
  it('asks for a new token on 401', () => {
    expect(classifyFailure(401)).toBe('reauthorize');
  });

  it.each([408, 429, 502, 503, 504, 'network', 'timeout'] as const)('retries %s', (status) => {
    expect(classifyFailure(status)).toBe('retry');
  });

  it.each([400, 403, 404, 405, 409, 410, 413, 415, 422])('does not retry %s', (status) => {
    expect(classifyFailure(status)).toBe('fail');
  });

  it('retries 500 Internal Server Error like the other 5xx (docs/architecture.md pipeline step 5: "5xx and network errors retry")', () => {
    expect(classifyFailure(500)).toBe('retry');
  });
});

describe('decideRetry', () => {
  const limits: RetryLimits = { maxAttempts: 4, maxElapsedMs: 60_000, baseDelayMs: 1000, maxDelayMs: 30_000 };
  const half = () => 0.5;

  it('uses backoff from the failed attempt number when there is no Retry-After', () => {
    expect(decideRetry(1, 0, null, limits, half)).toEqual({ retry: true, delayMs: 500 });
    expect(decideRetry(2, 0, null, limits, half)).toEqual({ retry: true, delayMs: 1000 });
    expect(decideRetry(3, 0, null, limits, half)).toEqual({ retry: true, delayMs: 2000 });
  });

  it('stops at the attempt limit (attempts include the first)', () => {
    expect(decideRetry(3, 0, null, limits, half).retry).toBe(true);
    expect(decideRetry(4, 0, null, limits, half).retry).toBe(false);
    expect(decideRetry(5, 0, null, limits, half).retry).toBe(false);
    expect(decideRetry(4, 0, 1000, limits, half).retry).toBe(false);
  });

  it('honours Retry-After exactly, never shortening it to the backoff or the cap', () => {
    expect(decideRetry(1, 0, 3000, limits, half)).toEqual({ retry: true, delayMs: 3000 });
    // Longer than maxDelayMs: still honoured in full when the total bound allows it.
    expect(decideRetry(1, 0, 45_000, limits, half)).toEqual({ retry: true, delayMs: 45_000 });
    expect(decideRetry(2, 10_000, 0, limits, half)).toEqual({ retry: true, delayMs: 0 });
  });

  it('does not retry when the wait would start beyond the total-time bound, but reports the wait', () => {
    expect(decideRetry(1, 0, 60_000, limits, half)).toEqual({ retry: true, delayMs: 60_000 }); // exactly at the bound
    expect(decideRetry(1, 0, 60_001, limits, half)).toEqual({ retry: false, delayMs: 60_001 });
    expect(decideRetry(2, 59_000, 3000, limits, half)).toEqual({ retry: false, delayMs: 3000 });
  });

  it('applies the elapsed bound to backoff delays too', () => {
    expect(decideRetry(1, 59_500, null, limits, half)).toEqual({ retry: true, delayMs: 500 });
    expect(decideRetry(1, 59_501, null, limits, half)).toEqual({ retry: false, delayMs: 500 });
  });

  it('has sensible defaults', () => {
    expect(DEFAULT_RETRY_LIMITS.baseDelayMs).toBe(1000); // docs/architecture.md: backoff from 1 s
    expect(decideRetry(DEFAULT_RETRY_LIMITS.maxAttempts, 0, null).retry).toBe(false);
    const first = decideRetry(1, 0, null);
    expect(first.retry).toBe(true);
    expect(first.delayMs).toBeGreaterThanOrEqual(0);
    expect(first.delayMs).toBeLessThan(1000);
  });
});
