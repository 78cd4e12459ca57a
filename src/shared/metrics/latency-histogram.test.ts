import { describe, expect, it } from 'vitest';
import { emptyHistogram, LATENCY_BUCKET_BOUNDS_MS, latencyQuantileMs, mergeHistograms, observeLatency, type LatencyHistogram } from './latency-histogram';

function histogramOf(values: number[]): LatencyHistogram {
  return values.reduce(observeLatency, emptyHistogram());
}

describe('latency histogram', () => {
  it('puts each observation in the first bucket whose bound it does not exceed', () => {
    const histogram = histogramOf([0, 5, 5.1, 10, 30_000, 30_001, 90_000]);
    expect(histogram.buckets).toHaveLength(LATENCY_BUCKET_BOUNDS_MS.length + 1);
    expect(histogram.buckets[0]).toBe(2); // 0 and 5 (≤ 5)
    expect(histogram.buckets[1]).toBe(2); // 5.1 and 10
    expect(histogram.buckets[LATENCY_BUCKET_BOUNDS_MS.length - 1]).toBe(1); // 30 000
    expect(histogram.buckets.at(-1)).toBe(2); // beyond the last bound
    expect(histogram.count).toBe(7);
    expect(histogram.sumMs).toBeCloseTo(0 + 5 + 5.1 + 10 + 30_000 + 30_001 + 90_000);
  });

  it('ignores negative and non-finite latencies (clock changes)', () => {
    expect(histogramOf([-1, Number.NaN, Infinity])).toEqual(emptyHistogram());
  });

  it('merges day histograms by adding bucket by bucket', () => {
    const merged = mergeHistograms(histogramOf([1, 20]), histogramOf([3, 400]));
    expect(merged).toEqual(histogramOf([1, 20, 3, 400]));
  });

  it('has no percentile without observations', () => {
    expect(latencyQuantileMs(emptyHistogram(), 0.5)).toBeNull();
  });

  it('interpolates linearly inside the bucket holding the rank, as histogram_quantile does', () => {
    // 100 observations all in the (100, 250] bucket: p50 is half way through it.
    const histogram = histogramOf(Array.from({ length: 100 }, () => 200));
    expect(latencyQuantileMs(histogram, 0.5)).toBeCloseTo(175);
    expect(latencyQuantileMs(histogram, 0.95)).toBeCloseTo(100 + 150 * 0.95);
    expect(latencyQuantileMs(histogram, 0.99)).toBeCloseTo(100 + 150 * 0.99);
  });

  it('gives p50/p95/p99 of a mixed sample', () => {
    // 90 fast (≤ 5 ms), 9 in (250, 500], 1 in (2500, 5000].
    const histogram = histogramOf([...Array.from({ length: 90 }, () => 3), ...Array.from({ length: 9 }, () => 300), 3_000]);
    expect(latencyQuantileMs(histogram, 0.5)).toBeCloseTo((5 * 50) / 90); // rank 50 of 90 in [0, 5]
    expect(latencyQuantileMs(histogram, 0.95)).toBeCloseTo(250 + (250 * 5) / 9); // rank 95 = 5th of 9 in (250, 500]
    expect(latencyQuantileMs(histogram, 0.99)).toBeCloseTo(500); // rank 99 = last of the 9
    expect(latencyQuantileMs(histogram, 1)).toBeCloseTo(5_000);
  });

  it('reports the highest finite bound when the rank falls in the open bucket', () => {
    expect(latencyQuantileMs(histogramOf([60_000, 70_000]), 0.5)).toBe(30_000);
  });

  it('reads a stored histogram of another length without losing counts', () => {
    const short: LatencyHistogram = { buckets: [1, 1], count: 2, sumMs: 8 };
    expect(observeLatency(short, 1).buckets.slice(0, 2)).toEqual([2, 1]);
    const long: LatencyHistogram = { buckets: [...Array.from({ length: LATENCY_BUCKET_BOUNDS_MS.length + 1 }, () => 0), 4], count: 4, sumMs: 400_000 };
    expect(mergeHistograms(long, emptyHistogram()).buckets.at(-1)).toBe(4);
  });
});
