import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import type { RecommendationEvent } from '../../shared/recommendation-event';
import { emptyViewState, type ViewState } from '../../shared/view-state';
import { createMetricsRecorder } from './metrics-recorder';
import { createMetricsStore, METRICS_RETENTION_DAYS } from './metrics-store';

let stores = 0;
const freshStore = () => createStore(`metrics-test-${++stores}`, 'days');
const NOW = Date.parse('2026-11-25T12:00:00Z');

function action(
  action: RecommendationEvent['action'],
  sourceId = 'kb-billing',
  timestamp = '2026-11-25T09:00:00.000Z',
  clickedImpressionDay?: string,
): { type: 'recommendation-event'; event: RecommendationEvent; clickedImpressionDay?: string } {
  return {
    type: 'recommendation-event',
    event: { eventId: crypto.randomUUID(), conversationId: 'c', recommendationId: 'r', sourceId, agentId: 'agent-1', action, timestamp },
    ...(clickedImpressionDay !== undefined && { clickedImpressionDay }),
  };
}

function published(view: Partial<ViewState>) {
  return { type: 'view-published' as const, view: { ...emptyViewState(3, 'ready'), conversationId: 'c', updatedAt: NOW, ...view }, provider: 'recommendations-query' as const, agentId: 'agent-1' };
}

describe('metrics recorder', () => {
  it('turns events and views into CTR, latency percentiles, rejections and errors', async () => {
    const recorder = createMetricsRecorder(createMetricsStore(freshStore()), () => NOW);
    for (const name of ['impression', 'impression', 'impression', 'impression', 'helpful'] as const) await recorder.record(action(name));
    // One card opened, then copied twice: three raw clicks, one clicked impression.
    await recorder.record(action('open', 'kb-billing', '2026-11-25T09:00:00.000Z', '2026-11-25'));
    await recorder.record(action('copy'));
    await recorder.record(action('copy'));
    await recorder.record(action('impression', 'kb-devices'));
    // The context arrived long ago (the agent was signed out): only the run's own time counts.
    await recorder.record(published({ contextReceivedAt: NOW - 60_000, requestedAt: NOW - 40, source: 'provider', invalidCount: 1 }));
    await recorder.record(published({ contextReceivedAt: NOW - 60_000, requestedAt: NOW - 40, source: 'provider' })); // the same answer again: not timed twice
    await recorder.record(published({ tabId: 4, requestedAt: NOW - 4, source: 'cache' }));
    await recorder.record(published({ status: 'error', requestedAt: NOW - 15_000, error: { kind: 'provider', message: 'HTTP 503', status: 503 } }));

    const { days, summary } = await recorder.report({});
    expect(days.map((day) => day.day)).toEqual(['2026-11-25']);
    expect(summary.bySource).toEqual({
      'kb-billing': { impressions: 4, clickedImpressions: 1, clicks: 3, ctr: 0.25 },
      'kb-devices': { impressions: 1, clickedImpressions: 0, clicks: 0, ctr: 0 },
    });
    expect(summary.engagement).toContainEqual({
      day: '2026-11-25',
      sourceId: 'kb-billing',
      agentId: 'agent-1',
      impressions: 4,
      clickedImpressions: 1,
      clicks: 3,
      ctr: 0.25,
      helpful: 1,
      notHelpful: 0,
      dismissed: 0,
    });
    expect(summary.latency.ready).toMatchObject({ count: 2, meanMs: 22 });
    expect(summary.latency.ready?.p50Ms).toBeLessThanOrEqual(5);
    expect(summary.latency.ready?.p99Ms).toBeGreaterThan(25);
    expect(summary.latency.error).toMatchObject({ count: 1 });
    expect(summary.rejected).toEqual({ invalid: 1 });
    expect(summary.providerErrors).toEqual({ '503': 1 });
  });

  it('reads a day range', async () => {
    const recorder = createMetricsRecorder(createMetricsStore(freshStore()), () => NOW);
    await recorder.record(action('open', 'kb', '2026-11-23T10:00:00Z'));
    await recorder.record(action('open', 'kb', '2026-11-24T10:00:00Z'));
    await recorder.record(action('open', 'kb', '2026-11-25T10:00:00Z'));
    expect((await recorder.report({ fromDay: '2026-11-24' })).days.map((day) => day.day)).toEqual(['2026-11-24', '2026-11-25']);
    expect((await recorder.report({ fromDay: '2026-11-24', toDay: '2026-11-24' })).summary.bySource.kb?.clicks).toBe(1);
  });

  it('counts a first click on the day of its impression, so a click after midnight does not lift the new day above 100 %', async () => {
    const recorder = createMetricsRecorder(createMetricsStore(freshStore()), () => NOW);
    await recorder.record(action('impression', 'kb', '2026-11-24T23:59:00Z'));
    await recorder.record(action('copy', 'kb', '2026-11-25T00:01:00Z', '2026-11-24'));
    const { summary } = await recorder.report({});
    expect(summary.engagement.map((row) => [row.day, row.impressions, row.clickedImpressions, row.clicks, row.ctr])).toEqual([
      ['2026-11-24', 1, 1, 0, 1],
      ['2026-11-25', 0, 0, 1, null],
    ]);
  });

  it('forgets days past retention and starts an unreadable day afresh', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = freshStore();
    const old = new Date(NOW - (METRICS_RETENTION_DAYS + 1) * 86_400_000).toISOString().slice(0, 10);
    await set(old, { day: old, engagement: [], latency: {}, rejected: {}, providerErrors: {} }, store);
    await set('2026-11-25', { garbage: true }, store);
    const recorder = createMetricsRecorder(createMetricsStore(store), () => NOW);
    await recorder.record(action('copy'));
    const { days } = await recorder.report({});
    expect(days.map((day) => day.day)).toEqual(['2026-11-25']);
    expect(days[0]?.engagement).toEqual([{ sourceId: 'kb-billing', agentId: 'agent-1', actions: { copy: 1 } }]);
  });
});
