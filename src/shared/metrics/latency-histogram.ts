/**
 * Latency (context received → view published) as a histogram with fixed buckets: compact to store
 * per day, additive across days, and the shape Prometheus expects. Percentiles are estimated from
 * it the way Prometheus's histogram_quantile does (linear within the bucket), so the supervisor
 * page and a Prometheus server agree.
 */

/** Upper bounds in ms; a last, open bucket catches anything slower. Never reorder: stored data depends on it. */
export const LATENCY_BUCKET_BOUNDS_MS: readonly number[] = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000];

export interface LatencyHistogram {
  /** Counts per bucket (not cumulative), one more than the bounds: the last is "slower than all". */
  buckets: number[];
  count: number;
  sumMs: number;
}

export function emptyHistogram(): LatencyHistogram {
  return { buckets: LATENCY_BUCKET_BOUNDS_MS.map(() => 0).concat(0), count: 0, sumMs: 0 };
}

/** The histogram with one more observation; negative or non-finite latencies are clock noise and ignored. */
export function observeLatency(histogram: LatencyHistogram, ms: number): LatencyHistogram {
  if (!Number.isFinite(ms) || ms < 0) return histogram;
  let index = LATENCY_BUCKET_BOUNDS_MS.findIndex((bound) => ms <= bound);
  if (index === -1) index = LATENCY_BUCKET_BOUNDS_MS.length;
  const buckets = normalised(histogram.buckets);
  buckets[index] = (buckets[index] ?? 0) + 1;
  return { buckets, count: histogram.count + 1, sumMs: histogram.sumMs + ms };
}

export function mergeHistograms(a: LatencyHistogram, b: LatencyHistogram): LatencyHistogram {
  const left = normalised(a.buckets);
  const right = normalised(b.buckets);
  return { buckets: left.map((value, index) => value + (right[index] ?? 0)), count: a.count + b.count, sumMs: a.sumMs + b.sumMs };
}

/**
 * The q-quantile (0 < q ≤ 1) in ms, or null with no observations. Linear interpolation inside the
 * bucket that holds the rank; a rank in the open bucket reports the highest finite bound (the
 * histogram cannot say more, and Prometheus does the same).
 */
export function latencyQuantileMs(histogram: LatencyHistogram, q: number): number | null {
  const buckets = normalised(histogram.buckets);
  const total = buckets.reduce((sum, value) => sum + value, 0);
  if (total === 0) return null;
  const rank = Math.min(Math.max(q, 0), 1) * total;
  let below = 0;
  for (const [index, count] of buckets.entries()) {
    if (count > 0 && below + count >= rank) {
      const upper = LATENCY_BUCKET_BOUNDS_MS[index];
      if (upper === undefined) return LATENCY_BUCKET_BOUNDS_MS.at(-1) ?? null;
      const lower = index === 0 ? 0 : (LATENCY_BUCKET_BOUNDS_MS[index - 1] ?? 0);
      return lower + ((upper - lower) * (rank - below)) / count;
    }
    below += count;
  }
  return LATENCY_BUCKET_BOUNDS_MS.at(-1) ?? null;
}

/** A bucket array of the current length, whatever was stored (a longer or shorter one is padded or folded). */
function normalised(buckets: readonly number[]): number[] {
  const size = LATENCY_BUCKET_BOUNDS_MS.length + 1;
  const result = Array.from({ length: size }, (_, index) => buckets[index] ?? 0);
  for (let index = size; index < buckets.length; index++) result[size - 1]! += buckets[index] ?? 0;
  return result;
}
