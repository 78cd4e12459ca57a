import { dayOf, type DayMetrics } from '../../shared/metrics/day-metrics';
import { countAction, countClickedImpression } from '../../shared/metrics/engagement';
import { emptyHistogram, observeLatency } from '../../shared/metrics/latency-histogram';
import { requestLatencyMs } from '../../shared/metrics/request-latency';
import type { RecommendationEvent } from '../../shared/recommendation-event';
import type { ViewState } from '../../shared/view-state';

/**
 * How one agent action or one published view changes a day's aggregate. Pure: the store applies
 * these inside one IndexedDB transaction per change.
 */

/** The day an event or a view counts for. */
export function dayOfEvent(event: RecommendationEvent): string {
  return dayOf(event.timestamp);
}

export function applyRecommendationEvent(day: DayMetrics, event: RecommendationEvent): DayMetrics {
  return { ...day, engagement: countAction(day.engagement, event.sourceId, event.agentId, event.action) };
}

/** The first click of an impression counted on `day` (the impression's day). */
export function applyClickedImpression(day: DayMetrics, event: RecommendationEvent): DayMetrics {
  return { ...day, engagement: countClickedImpression(day.engagement, event.sourceId, event.agentId) };
}

/** View errors that mean the provider failed (auth is the agent's sign-in, not the provider). */
const PROVIDER_ERROR_KINDS = new Set(['forbidden', 'rate-limited', 'offline', 'timeout', 'provider', 'invalid-response']);

export interface ViewObservation {
  view: ViewState;
  /**
   * Whether this view is the first of its kind (status and source) published by its pipeline run:
   * each run is timed once per answer it shows (the cached one, then the provider's), never again
   * if the same view were reported twice.
   */
  firstForRequest: boolean;
}

function add(counts: Record<string, number>, key: string, amount: number): Record<string, number> {
  return amount > 0 ? { ...counts, [key]: (counts[key] ?? 0) + amount } : counts;
}

export function applyPublishedView(day: DayMetrics, { view, firstForRequest }: ViewObservation): DayMetrics {
  let next = day;
  const latencyMs = requestLatencyMs(view);
  if (firstForRequest && latencyMs !== null) {
    const histogram = observeLatency(day.latency[view.status] ?? emptyHistogram(), latencyMs);
    next = { ...next, latency: { ...next.latency, [view.status]: histogram } };
  }
  // Rejections are counted per provider answer, not per re-render of a cached one.
  if (view.status === 'ready' && view.source === 'provider') {
    let rejected = next.rejected;
    for (const hidden of view.hidden) rejected = add(rejected, hidden.reason, 1);
    rejected = add(rejected, 'invalid', view.invalidCount);
    next = { ...next, rejected };
  }
  if (view.status === 'error' && view.error && PROVIDER_ERROR_KINDS.has(view.error.kind)) {
    next = { ...next, providerErrors: add(next.providerErrors, String(view.error.status ?? view.error.kind), 1) };
  }
  return next;
}

/** Whether a view would change any figure (so the store is not written for nothing). */
export function viewCounts(observation: ViewObservation): boolean {
  const empty: DayMetrics = { day: '1970-01-01', engagement: [], latency: {}, rejected: {}, providerErrors: {} };
  return applyPublishedView(empty, observation) !== empty;
}
