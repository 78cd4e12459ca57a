import { CLICK_ACTIONS, type RecommendationAction } from '../recommendation-event';
import type { DayMetrics, EngagementCounts } from './day-metrics';

/**
 * Click-through rate (docs/architecture.md "Metrics definitions"): the share of impressions that got
 * at least one click (open, copy, insert), per knowledge base, per agent, per day, so never above 1.
 * Raw clicks stay their own figure. With no impressions there is no rate (null), never 0 or Infinity.
 */

export function clickThroughRate(clickedImpressions: number, impressions: number): number | null {
  return impressions > 0 ? Math.min(clickedImpressions, impressions) / impressions : null;
}

export function clicksIn(counts: EngagementCounts['actions']): number {
  return CLICK_ACTIONS.reduce((sum, action) => sum + (counts[action] ?? 0), 0);
}

export interface EngagementRow {
  day: string;
  sourceId: string;
  agentId: string;
  impressions: number;
  /** Impressions that got at least one click. */
  clickedImpressions: number;
  /** Every click, a card copied twice counting twice. */
  clicks: number;
  ctr: number | null;
  helpful: number;
  notHelpful: number;
  dismissed: number;
}

function rowOf(day: string, entry: EngagementCounts): EngagementRow {
  const impressions = entry.actions.impression ?? 0;
  const clicks = clicksIn(entry.actions);
  const clickedImpressions = entry.clickedImpressions ?? 0;
  return {
    day,
    sourceId: entry.sourceId,
    agentId: entry.agentId,
    impressions,
    clickedImpressions,
    clicks,
    ctr: clickThroughRate(clickedImpressions, impressions),
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
  clickedImpressions: number;
  clicks: number;
  ctr: number | null;
}

/** Sums of the rows grouped by a key (a knowledge base, an agent), with the rate of the sums. */
export function totalsBy(rows: readonly EngagementRow[], key: (row: EngagementRow) => string): Record<string, EngagementTotal> {
  const sums: Record<string, { impressions: number; clickedImpressions: number; clicks: number }> = {};
  for (const row of rows) {
    const sum = (sums[key(row)] ??= { impressions: 0, clickedImpressions: 0, clicks: 0 });
    sum.impressions += row.impressions;
    sum.clickedImpressions += row.clickedImpressions;
    sum.clicks += row.clicks;
  }
  return Object.fromEntries(Object.entries(sums).map(([name, sum]) => [name, { ...sum, ctr: clickThroughRate(sum.clickedImpressions, sum.impressions) }]));
}

function changeCounts(engagement: readonly EngagementCounts[], sourceId: string, agentId: string, change: (entry: EngagementCounts) => EngagementCounts): EngagementCounts[] {
  let found = false;
  const next = engagement.map((entry) => {
    if (entry.sourceId !== sourceId || entry.agentId !== agentId) return entry;
    found = true;
    return change(entry);
  });
  if (!found) next.push(change({ sourceId, agentId, actions: {} }));
  return next;
}

/** Adds one action to a day's engagement list (a new list; the input is left alone). */
export function countAction(engagement: readonly EngagementCounts[], sourceId: string, agentId: string, action: RecommendationAction): EngagementCounts[] {
  return changeCounts(engagement, sourceId, agentId, (entry) => ({ ...entry, actions: { ...entry.actions, [action]: (entry.actions[action] ?? 0) + 1 } }));
}

/** Counts one impression of the day as clicked (its first click; later clicks of it are only raw clicks). */
export function countClickedImpression(engagement: readonly EngagementCounts[], sourceId: string, agentId: string): EngagementCounts[] {
  return changeCounts(engagement, sourceId, agentId, (entry) => ({ ...entry, clickedImpressions: (entry.clickedImpressions ?? 0) + 1 }));
}
