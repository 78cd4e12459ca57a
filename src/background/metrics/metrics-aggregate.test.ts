import { describe, expect, it } from 'vitest';
import { emptyDayMetrics } from '../../shared/metrics/day-metrics';
import type { Recommendation } from '../../shared/recommendation';
import { emptyViewState, type ViewState } from '../../shared/view-state';
import { applyPublishedView, applyRecommendationEvent, dayOfEvent, viewCounts } from './metrics-aggregate';

const item: Recommendation = { id: 'r', title: 'T', content: 'c', relevanceScore: 0.5, publishedDate: null, sourceId: 'kb' };

function view(overrides: Partial<ViewState>): ViewState {
  return { ...emptyViewState(1, 'ready'), conversationId: 'c', updatedAt: 10_250, requestedAt: 10_000, ...overrides };
}

describe('applyRecommendationEvent', () => {
  it('counts the action for its knowledge base and agent on the UTC day of its timestamp', () => {
    const event = { eventId: 'e', conversationId: 'c', recommendationId: 'r', sourceId: 'kb-billing', agentId: 'agent-1', action: 'copy' as const, timestamp: '2026-11-25T23:59:59.000-01:00' };
    expect(dayOfEvent(event)).toBe('2026-11-26');
    const day = applyRecommendationEvent(applyRecommendationEvent(emptyDayMetrics('2026-11-26'), event), event);
    expect(day.engagement).toEqual([{ sourceId: 'kb-billing', agentId: 'agent-1', actions: { copy: 2 } }]);
  });
});

describe('applyPublishedView', () => {
  it('times request start → published once per answer of a run, by status', () => {
    const day = applyPublishedView(emptyDayMetrics('2026-11-25'), { view: view({}), firstForRequest: true });
    expect(day.latency.ready).toMatchObject({ count: 1, sumMs: 250 });
    const again = applyPublishedView(day, { view: view({ updatedAt: 99_000 }), firstForRequest: false });
    expect(again.latency.ready?.count).toBe(1);
    const failed = applyPublishedView(day, { view: view({ status: 'error', error: { kind: 'timeout', message: 'slow' } }), firstForRequest: true });
    expect(failed.latency.error?.count).toBe(1);
  });

  it('does not time views that are not results (signed out, no conversation) or have no request start', () => {
    for (const status of ['signed-out', 'no-conversation', 'not-configured'] as const) {
      expect(viewCounts({ view: view({ status }), firstForRequest: true })).toBe(false);
    }
    expect(viewCounts({ view: view({ requestedAt: undefined }), firstForRequest: true })).toBe(false);
  });

  it('counts rejected items by reason once per provider answer, not per cached re-render', () => {
    const hidden = [
      { recommendation: item, reason: 'low-score' as const },
      { recommendation: item, reason: 'low-score' as const },
      { recommendation: item, reason: 'too-old' as const },
    ];
    const fromProvider = applyPublishedView(emptyDayMetrics('2026-11-25'), { view: view({ hidden, invalidCount: 2, source: 'provider' }), firstForRequest: false });
    expect(fromProvider.rejected).toEqual({ 'low-score': 2, 'too-old': 1, invalid: 2 });
    const fromCache = applyPublishedView(fromProvider, { view: view({ hidden, invalidCount: 2, source: 'cache' }), firstForRequest: false });
    expect(fromCache.rejected).toEqual(fromProvider.rejected);
  });

  it('counts provider errors by HTTP status, or by kind when there was no answer; sign-in problems are not provider errors', () => {
    let day = emptyDayMetrics('2026-11-25');
    day = applyPublishedView(day, { view: view({ status: 'error', error: { kind: 'provider', message: '', status: 503 } }), firstForRequest: false });
    day = applyPublishedView(day, { view: view({ status: 'error', error: { kind: 'provider', message: '', status: 503 } }), firstForRequest: false });
    day = applyPublishedView(day, { view: view({ status: 'error', error: { kind: 'offline', message: '' } }), firstForRequest: false });
    day = applyPublishedView(day, { view: view({ status: 'error', error: { kind: 'rate-limited', message: '', status: 429 } }), firstForRequest: false });
    day = applyPublishedView(day, { view: view({ status: 'error', error: { kind: 'auth', message: '', status: 401 } }), firstForRequest: false });
    expect(day.providerErrors).toEqual({ '503': 2, offline: 1, '429': 1 });
  });
});
