/**
 * When to try a Genesys request again, and after how long (docs/architecture.md "Recommendation pipeline" 5).
 * Pure: the clock and the random source are parameters so the schedule is unit-tested exactly.
 */

export interface RetryLimits {
  /** Total attempts including the first. */
  maxAttempts: number;
  /** No retry is scheduled that would start later than this after the first attempt. */
  maxElapsedMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_LIMITS: RetryLimits = {
  maxAttempts: 4,
  maxElapsedMs: 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
};

/**
 * `Retry-After` as milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Null when absent or unreadable, so the caller falls back to backoff.
 */
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only the IMF-fixdate form (RFC 9110 §5.6.7): Date.parse accepts almost anything, and a garbage
  // header read as "now" would mean retrying at once instead of backing off.
  if (!IMF_FIXDATE.test(value)) return null;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base·2^retry)). `retry` counts from 0. */
export function backoffDelay(retry: number, limits: RetryLimits, random: () => number = Math.random): number {
  const ceiling = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

export type FailureClass = 'retry' | 'reauthorize' | 'fail';

/**
 * 408, 429, 5xx server faults and network failures are worth another try (docs/architecture.md step 5);
 * 401 wants a new token; other 4xx never change, nor do 501/505 (the server cannot, ever).
 */
export function classifyFailure(status: number | 'network' | 'timeout'): FailureClass {
  if (status === 'network' || status === 'timeout') return 'retry';
  if (status === 401) return 'reauthorize';
  if (status === 408 || status === 429) return 'retry';
  if (status >= 500 && status <= 599 && status !== 501 && status !== 505) return 'retry';
  return 'fail';
}

export interface RetryDecision {
  retry: boolean;
  delayMs: number;
}

/**
 * Whether to retry after a failed attempt. `attempt` is the 1-based number of the attempt that
 * failed; `retryAfterMs` is the server's instruction when it gave one (it wins over backoff, but
 * never beyond the total-time bound: then we stop and report when the server said to come back).
 */
export function decideRetry(
  attempt: number,
  elapsedMs: number,
  retryAfterMs: number | null,
  limits: RetryLimits = DEFAULT_RETRY_LIMITS,
  random: () => number = Math.random,
): RetryDecision {
  const delayMs = retryAfterMs ?? backoffDelay(attempt - 1, limits, random);
  if (attempt >= limits.maxAttempts) return { retry: false, delayMs };
  if (elapsedMs + delayMs > limits.maxElapsedMs) return { retry: false, delayMs };
  return { retry: true, delayMs };
}
