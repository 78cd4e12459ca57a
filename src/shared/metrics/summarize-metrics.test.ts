import { describe, expect, it } from 'vitest';
import type { DayMetrics } from './day-metrics';
import { emptyHistogram, observeLatency } from './latency-histogram';
import { daysInRange, summarizeMetrics } from './summarize-metrics';

function day(name: string, latencies: number[], rest: Partial<DayMetrics> = {}): DayMetrics {
  return { day: name, engagement: [], latency: { ready: latencies.reduce(observeLatency, emptyHistogram()) }, rejected: {}, providerErrors: {}, ...rest };
}

describe('summarizeMetrics', () => {
  it('takes percentiles over the merged days, not an average of daily percentiles', () => {
    // Day one: 99 fast answers; day two: one very slow one. The p99 of both is fast, the p100 slow.
    const summary = summarizeMetrics([day('2026-11-25', Array.from({ length: 99 }, () => 3)), day('2026-11-26', [20_000])]);
    expect(summary.latency.ready?.count).toBe(100);
    expect(summary.latency.ready?.p50Ms).toBeLessThanOrEqual(5);
    expect(summary.latency.ready?.p99Ms).toBeLessThanOrEqual(5);
    expect(summary.latency.ready?.meanMs).toBeCloseTo((99 * 3 + 20_000) / 100);
  });

  it('adds rejected and error counts across days', () => {
    const summary = summarizeMetrics([
      day('2026-11-25', [], { rejected: { 'low-score': 2 }, providerErrors: { '503': 1 } }),
      day('2026-11-26', [], { rejected: { 'low-score': 1, 'too-old': 4 }, providerErrors: { '503': 2, timeout: 1 } }),
    ]);
    expect(summary.rejected).toEqual({ 'low-score': 3, 'too-old': 4 });
    expect(summary.providerErrors).toEqual({ '503': 3, timeout: 1 });
  });

  it('has empty figures, not zeros pretending to be measurements, when nothing happened', () => {
    expect(summarizeMetrics([])).toEqual({ engagement: [], bySource: {}, byAgent: {}, latency: {}, rejected: {}, providerErrors: {} });
    expect(summarizeMetrics([day('2026-11-25', [])]).latency.ready).toEqual({ count: 0, meanMs: null, p50Ms: null, p95Ms: null, p99Ms: null });
  });

  it('filters an inclusive day range, either end open', () => {
    const days = ['2026-11-24', '2026-11-25', '2026-11-26'].map((name) => day(name, []));
    expect(daysInRange(days, { fromDay: '2026-11-25' }).map((entry) => entry.day)).toEqual(['2026-11-25', '2026-11-26']);
    expect(daysInRange(days, { toDay: '2026-11-25' }).map((entry) => entry.day)).toEqual(['2026-11-24', '2026-11-25']);
    expect(daysInRange(days, {})).toHaveLength(3);
  });
});
