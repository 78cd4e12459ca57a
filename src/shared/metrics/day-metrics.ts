import * as z from 'zod/mini';
import { RecommendationAction } from '../recommendation-event';

/**
 * The metrics the worker keeps (docs/messages.md, `page/get-metrics`), as one compact aggregate per
 * UTC day, never raw events: actions per knowledge base and agent (→ CTR), the latency histogram
 * per view status, rejected items by reason and provider errors by status.
 */

/** `YYYY-MM-DD`, UTC. */
export const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
export type Day = z.infer<typeof Day>;

const Count = z.number().check(z.gte(0));

export const EngagementCounts = z.object({
  sourceId: z.string(),
  agentId: z.string(),
  /** How many times each action happened (clicks are raw: copying one card twice counts twice). */
  actions: z.partialRecord(RecommendationAction, Count),
  /**
   * Impressions that got at least one click (open, copy or insert), counted on the day of the
   * impression: the numerator of CTR, never more than the impressions.
   */
  clickedImpressions: z.optional(Count),
});
export type EngagementCounts = z.infer<typeof EngagementCounts>;

export const StoredHistogram = z.object({
  buckets: z.array(Count),
  count: Count,
  sumMs: Count,
});

export const DayMetrics = z.object({
  day: Day,
  engagement: z.array(EngagementCounts),
  /** Keyed by the published view's status (`ready`, `error`). */
  latency: z.record(z.string(), StoredHistogram),
  /** Items the thresholds hid (`low-score`, `too-old`) or validation dropped (`invalid`), per provider answer. */
  rejected: z.record(z.string(), Count),
  /** Failed provider requests by HTTP status, or by kind when there was none (`offline`, `timeout`). */
  providerErrors: z.record(z.string(), Count),
});
export type DayMetrics = z.infer<typeof DayMetrics>;

export function emptyDayMetrics(day: Day): DayMetrics {
  return { day, engagement: [], latency: {}, rejected: {}, providerErrors: {} };
}

/** The UTC day of an epoch-ms time or an RFC 3339 timestamp. */
export function dayOf(time: number | string): Day {
  return new Date(time).toISOString().slice(0, 10);
}
