import type { Settings } from '../../shared/settings';
import type { ApiClient } from '../genesys/api-client';
import type { WorkerEvent } from '../worker-events';
import { FEEDBACK_DESTINATIONS } from './destinations';
import { createDrainSchedule, withOutboxLock } from './drain-schedule';
import { createOutbox, type Outbox } from './outbox';
import type { OutboxStore } from './outbox-store';

/** The outbox as the worker runs it: its store, the configured destinations, the lock and the alarm. */
export function createFeedbackOutbox(deps: { store: OutboxStore; api: ApiClient; settings(): Promise<Settings> }): Outbox {
  const schedule = createDrainSchedule(() => void outbox.drain());
  const outbox: Outbox = createOutbox({
    store: deps.store,
    destinations: FEEDBACK_DESTINATIONS,
    settings: deps.settings,
    api: deps.api,
    withLock: withOutboxLock,
    wakeAt: (when) => schedule.wakeAt(when),
  });
  return outbox;
}

/** Settings that decide where events go: a change may let waiting events out. */
const DESTINATION_SETTINGS = new Set(['feedbackWebhookUrl', 'provider', 'region', 'apiBaseUrl']);

/**
 * The outbox's worker-event listener: an agent's action is written to the outbox before the
 * recorder acknowledges it (register it as critical, so a failed write fails the acknowledgement).
 */
export function outboxListener(outbox: Outbox) {
  return async (event: WorkerEvent): Promise<void> => {
    if (event.type === 'recommendation-event') await outbox.enqueue(event.event);
    else if (event.type === 'settings-changed' && event.keys.some((key) => DESTINATION_SETTINGS.has(key))) void outbox.drain();
    else if (event.type === 'signed-in') void outbox.drain(); // a destination may have been waiting for a token
  };
}
