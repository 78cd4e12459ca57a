import { describe, expect, it } from 'vitest';
import type { DayMetrics } from './day-metrics';
import { clickThroughRate, countAction, countClickedImpression, engagementRows, totalsBy } from './engagement';

function day(name: string, engagement: DayMetrics['engagement']): DayMetrics {
  return { day: name, engagement, latency: {}, rejected: {}, providerErrors: {} };
}

describe('click-through rate', () => {
  it('is clicked impressions over impressions, never above 1, and absent (not 0 or Infinity) without impressions', () => {
    expect(clickThroughRate(1, 4)).toBe(0.25);
    expect(clickThroughRate(0, 4)).toBe(0);
    expect(clickThroughRate(5, 4)).toBe(1);
    expect(clickThroughRate(3, 0)).toBeNull();
    expect(clickThroughRate(0, 0)).toBeNull();
  });

  it('counts open, copy and insert as raw clicks, and CTR from the impressions that got one', () => {
    let engagement = countAction([], 'kb-billing', 'agent-1', 'impression');
    engagement = countAction(engagement, 'kb-billing', 'agent-1', 'impression');
    for (const action of ['open', 'copy', 'insert', 'helpful', 'not_helpful', 'dismissed'] as const) engagement = countAction(engagement, 'kb-billing', 'agent-1', action);
    engagement = countClickedImpression(engagement, 'kb-billing', 'agent-1');
    const [row] = engagementRows([day('2026-11-25', engagement)]);
    expect(row).toEqual({ day: '2026-11-25', sourceId: 'kb-billing', agentId: 'agent-1', impressions: 2, clickedImpressions: 1, clicks: 3, ctr: 0.5, helpful: 1, notHelpful: 1, dismissed: 1 });
  });

  it('keeps one row per day, knowledge base and agent, and totals are rates of sums (not means of rates)', () => {
    const first = countClickedImpression(countAction(countAction(countAction([], 'kb-a', 'ann', 'impression'), 'kb-a', 'ann', 'open'), 'kb-b', 'ann', 'impression'), 'kb-a', 'ann');
    let second = countAction([], 'kb-a', 'bob', 'impression');
    for (let i = 0; i < 3; i++) second = countAction(second, 'kb-a', 'bob', 'impression');
    const rows = engagementRows([day('2026-11-26', second), day('2026-11-25', first)]);
    expect(rows.map((row) => [row.day, row.sourceId, row.agentId, row.ctr])).toEqual([
      ['2026-11-25', 'kb-a', 'ann', 1],
      ['2026-11-25', 'kb-b', 'ann', 0],
      ['2026-11-26', 'kb-a', 'bob', 0],
    ]);
    // kb-a: 1 click / 5 impressions = 0.2 (the mean of the rates would be 0.5).
    expect(totalsBy(rows, (row) => row.sourceId)).toEqual({ 'kb-a': { impressions: 5, clickedImpressions: 1, clicks: 1, ctr: 0.2 }, 'kb-b': { impressions: 1, clickedImpressions: 0, clicks: 0, ctr: 0 } });
    expect(totalsBy(rows, (row) => row.agentId)['bob']).toEqual({ impressions: 4, clickedImpressions: 0, clicks: 0, ctr: 0 });
  });

  it('never changes the list it is given', () => {
    const before = countAction([], 'kb-a', 'ann', 'open');
    const copy = structuredClone(before);
    countAction(before, 'kb-a', 'ann', 'open');
    expect(before).toEqual(copy);
  });
});
