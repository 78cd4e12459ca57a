import { browser } from '../shared/browser';
import type { RecommendationEvent } from '../shared/recommendation-event';
import { createSerialQueue } from './serial-queue';
import type { WorkerEvent } from './worker-events';

/**
 * The last recorded recommendation events, in storage.session `diagnostics:recommendation-events`:
 * how the end-to-end tests (and whoever debugs a simulator build) see what the agent's clicks
 * produced, before any delivery. Registered in simulator builds only; the store build's record of
 * events is the outbox and the audit log.
 */
export const RECENT_EVENTS_KEY = 'diagnostics:recommendation-events';
const LIMIT = 500;

// Serialised so two events at once do not overwrite each other's list.
const queue = createSerialQueue();

export function rememberRecentEvent(event: WorkerEvent): Promise<void> {
  if (event.type !== 'recommendation-event') return Promise.resolve();
  const entry: RecommendationEvent = event.event;
  return queue
    .run(RECENT_EVENTS_KEY, async () => {
      const stored = await browser.storage.session.get(RECENT_EVENTS_KEY);
      const list = Array.isArray(stored[RECENT_EVENTS_KEY]) ? (stored[RECENT_EVENTS_KEY] as RecommendationEvent[]) : [];
      await browser.storage.session.set({ [RECENT_EVENTS_KEY]: [...list, entry].slice(-LIMIT) });
    })
    .catch(() => undefined);
}
