import * as z from 'zod/mini';
import { Day, DayMetrics } from './day-metrics';
import { engagementRows, totalsBy } from './engagement';
import { emptyHistogram, latencyQuantileMs, mergeHistograms, type LatencyHistogram } from './latency-histogram';

/**
 * What a supervisor reads (`page/get-metrics`): the day aggregates of a date range and, computed
 * from them, CTR per knowledge base / agent / day, latency percentiles per status, rejected items
 * by reason and provider errors by status.
 */

const Rate = z.nullable(z.number());
const Total = z.object({ impressions: z.number(), clickedImpressions: z.number(), clicks: z.number(), ctr: Rate });

export const MetricsSummary = z.object({
  engagement: z.array(
    z.object({
      day: z.string(),
      sourceId: z.string(),
      agentId: z.string(),
      impressions: z.number(),
      clickedImpressions: z.number(),
      clicks: z.number(),
      ctr: Rate,
      helpful: z.number(),
      notHelpful: z.number(),
      dismissed: z.number(),
    }),
  ),
  bySource: z.record(z.string(), Total),
  byAgent: z.record(z.string(), Total),
  latency: z.record(
    z.string(),
    z.object({ count: z.number(), meanMs: z.nullable(z.number()), p50Ms: z.nullable(z.number()), p95Ms: z.nullable(z.number()), p99Ms: z.nullable(z.number()) }),
  ),
  rejected: z.record(z.string(), z.number()),
  providerErrors: z.record(z.string(), z.number()),
});
export type MetricsSummary = z.infer<typeof MetricsSummary>;

/** Inclusive UTC day range; either end may be open. */
export const MetricsQuery = z.strictObject({ fromDay: z.optional(Day), toDay: z.optional(Day) });
export type MetricsQuery = z.infer<typeof MetricsQuery>;

export const MetricsReport = z.object({ days: z.array(DayMetrics), summary: MetricsSummary });
export type MetricsReport = z.infer<typeof MetricsReport>;

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
}

/** All days' histograms merged, per status. */
export function latencyByStatus(days: readonly DayMetrics[]): Record<string, LatencyHistogram> {
  const merged: Record<string, LatencyHistogram> = {};
  for (const day of days) {
    for (const [status, histogram] of Object.entries(day.latency)) merged[status] = mergeHistograms(merged[status] ?? emptyHistogram(), histogram);
  }
  return merged;
}

export function summarizeMetrics(days: readonly DayMetrics[]): MetricsSummary {
  const engagement = engagementRows(days);
  const rejected: Record<string, number> = {};
  const providerErrors: Record<string, number> = {};
  for (const day of days) {
    addCounts(rejected, day.rejected);
    addCounts(providerErrors, day.providerErrors);
  }
  const latency = Object.fromEntries(
    Object.entries(latencyByStatus(days)).map(([status, histogram]) => [
      status,
      {
        count: histogram.count,
        meanMs: histogram.count > 0 ? histogram.sumMs / histogram.count : null,
        p50Ms: latencyQuantileMs(histogram, 0.5),
        p95Ms: latencyQuantileMs(histogram, 0.95),
        p99Ms: latencyQuantileMs(histogram, 0.99),
      },
    ]),
  );
  return {
    engagement,
    bySource: totalsBy(engagement, (row) => row.sourceId),
    byAgent: totalsBy(engagement, (row) => row.agentId),
    latency,
    rejected,
    providerErrors,
  };
}

export function daysInRange(days: readonly DayMetrics[], query: MetricsQuery): DayMetrics[] {
  return days.filter((day) => (!query.fromDay || day.day >= query.fromDay) && (!query.toDay || day.day <= query.toDay));
}
