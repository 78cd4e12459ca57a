import { CLICK_ACTIONS, type RecommendationAction } from '../recommendation-event';
import type { DayMetrics, EngagementCounts } from './day-metrics';

/**
 * Click-through rate (docs/architecture.md): clicks (open, copy, insert) ÷ impressions, per knowledge base,
 * per agent, per day. With no impressions there is no rate (null), never 0 or Infinity.
 */

export function clickThroughRate(clicks: number, impressions: number): number | null {
  return impressions > 0 ? clicks / impressions : null;
}

export function clicksIn(counts: EngagementCounts['actions']): number {
  return CLICK_ACTIONS.reduce((sum, action) => sum + (counts[action] ?? 0), 0);
}

export interface EngagementRow {
  day: string;
  sourceId: string;
  agentId: string;
  impressions: number;
  clicks: number;
  ctr: number | null;
  helpful: number;
  notHelpful: number;
  dismissed: number;
}

function rowOf(day: string, entry: EngagementCounts): EngagementRow {
  const impressions = entry.actions.impression ?? 0;
  const clicks = clicksIn(entry.actions);
  return {
    day,
    sourceId: entry.sourceId,
    agentId: entry.agentId,
    impressions,
    clicks,
    ctr: clickThroughRate(clicks, impressions),
    helpful: entry.actions.helpful ?? 0,
    notHelpful: entry.actions.not_helpful ?? 0,
    dismissed: entry.actions.dismissed ?? 0,
  };
}

/** One row per day, knowledge base and agent, oldest day first. */
export function engagementRows(days: readonly DayMetrics[]): EngagementRow[] {
  return [...days]
    .sort((a, b) => a.day.localeCompare(b.day))
    .flatMap((day) => day.engagement.map((entry) => rowOf(day.day, entry)))
    .sort((a, b) => a.day.localeCompare(b.day) || a.sourceId.localeCompare(b.sourceId) || a.agentId.localeCompare(b.agentId));
}

export interface EngagementTotal {
  impressions: number;
  clicks: number;
  ctr: number | null;
}

/** Sums of the rows grouped by a key (a knowledge base, an agent), with the rate of the sums. */
export function totalsBy(rows: readonly EngagementRow[], key: (row: EngagementRow) => string): Record<string, EngagementTotal> {
  const sums: Record<string, { impressions: number; clicks: number }> = {};
  for (const row of rows) {
    const sum = (sums[key(row)] ??= { impressions: 0, clicks: 0 });
    sum.impressions += row.impressions;
    sum.clicks += row.clicks;
  }
  return Object.fromEntries(Object.entries(sums).map(([name, sum]) => [name, { ...sum, ctr: clickThroughRate(sum.clicks, sum.impressions) }]));
}

/** Adds one action to a day's engagement list (a new list; the input is left alone). */
export function countAction(engagement: readonly EngagementCounts[], sourceId: string, agentId: string, action: RecommendationAction): EngagementCounts[] {
  let found = false;
  const next = engagement.map((entry) => {
    if (entry.sourceId !== sourceId || entry.agentId !== agentId) return entry;
    found = true;
    return { ...entry, actions: { ...entry.actions, [action]: (entry.actions[action] ?? 0) + 1 } };
  });
  if (!found) next.push({ sourceId, agentId, actions: { [action]: 1 } });
  return next;
}
