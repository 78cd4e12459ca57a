import type { RecommendationEvent } from '../shared/recommendation-event';
import type { Provider } from '../shared/settings';
import type { SignedInUser, ViewState } from '../shared/view-state';

/**
 * Things that happened in the worker, for the parts that keep records of them (audit log,
 * metrics, outbox) without the pipeline or the auth code knowing those parts exist. A listener
 * that throws or rejects is logged and never disturbs the emitter or the other listeners.
 */
export type WorkerEvent =
  /** A view state was published for a desktop tab (loading states excluded). */
  | { type: 'view-published'; view: ViewState; provider: Provider; agentId: string | null }
  /**
   * An agent's action on a recommendation, already given its eventId; for the first click of a
   * counted impression, that impression's UTC day (CTR's numerator is counted there).
   */
  | { type: 'recommendation-event'; event: RecommendationEvent; clickedImpressionDay?: string }
  | { type: 'signed-in'; user: SignedInUser }
  | { type: 'signed-out'; user: SignedInUser | null }
  | { type: 'settings-changed'; keys: string[] };

type Listener = (event: WorkerEvent) => void | Promise<void>;

export interface ListenerOptions {
  /**
   * The emitter must not report success when this listener failed (the feedback outbox: an event
   * it could not store must not be acknowledged as safe). Other listeners still all run.
   */
  critical?: boolean;
}

const listeners = new Map<Listener, ListenerOptions>();

export function onWorkerEvent(listener: Listener, options: ListenerOptions = {}): () => void {
  listeners.set(listener, options);
  return () => listeners.delete(listener);
}

/**
 * Calls every listener; resolves when all have finished. A failure is logged; when a critical
 * listener failed, the returned promise rejects with its error after all listeners are done.
 */
export async function emitWorkerEvent(event: WorkerEvent): Promise<void> {
  const failures = await Promise.all(
    [...listeners].map(async ([listener, options]) => {
      try {
        await listener(event);
      } catch (error) {
        console.error(`[agent-assist] ${event.type} listener failed`, error);
        if (options.critical) return error instanceof Error ? error : new Error(String(error));
      }
      return null;
    }),
  );
  const critical = failures.find((failure) => failure !== null);
  if (critical) throw critical;
}
