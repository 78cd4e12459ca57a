import { dayOf } from '../../shared/metrics/day-metrics';
import { daysInRange, summarizeMetrics, type MetricsQuery, type MetricsReport } from '../../shared/metrics/summarize-metrics';
import type { WorkerEvent } from '../worker-events';
import { applyClickedImpression, applyPublishedView, applyRecommendationEvent, dayOfEvent, viewCounts } from './metrics-aggregate';
import { METRICS_RETENTION_DAYS, type MetricsStore } from './metrics-store';

/**
 * Keeps the metrics from the worker's events (an `onWorkerEvent` listener) and answers
 * `page/get-metrics`. What it remembers between events lives in the store, except which pipeline
 * runs it has already timed (a worker restart at worst times one answer twice).
 */
export interface MetricsRecorder {
  record(event: WorkerEvent): Promise<void>;
  report(query: MetricsQuery): Promise<MetricsReport>;
}

const DAY_MS = 86_400_000;

export function createMetricsRecorder(store: MetricsStore, now: () => number = Date.now): MetricsRecorder {
  const timedRequest = new Map<number, string>();
  let pruned = false;

  async function pruneOnce(): Promise<void> {
    if (pruned) return;
    pruned = true;
    await store.prune(dayOf(now() - METRICS_RETENTION_DAYS * DAY_MS));
  }

  return {
    async record(event) {
      if (event.type === 'recommendation-event') {
        await store.update(dayOfEvent(event.event), (day) => applyRecommendationEvent(day, event.event));
        const { clickedImpressionDay } = event;
        if (clickedImpressionDay !== undefined) await store.update(clickedImpressionDay, (day) => applyClickedImpression(day, event.event));
      } else if (event.type === 'view-published') {
        const { view } = event;
        const answer = view.requestedAt === undefined ? null : `${view.requestedAt}:${view.status}:${view.source ?? ''}`;
        const firstForRequest = answer !== null && timedRequest.get(view.tabId) !== answer;
        if (answer !== null) timedRequest.set(view.tabId, answer);
        const observation = { view, firstForRequest };
        if (!viewCounts(observation)) return;
        await store.update(dayOf(view.updatedAt), (day) => applyPublishedView(day, observation));
      } else {
        return;
      }
      await pruneOnce();
    },
    async report(query) {
      const days = daysInRange(await store.list(), query);
      return { days, summary: summarizeMetrics(days) };
    },
  };
}
