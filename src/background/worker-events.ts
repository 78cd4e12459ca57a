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
  /** An agent's action on a recommendation, already given its eventId. */
  | { type: 'recommendation-event'; event: RecommendationEvent }
  | { type: 'signed-in'; user: SignedInUser }
  | { type: 'signed-out'; user: SignedInUser | null }
  | { type: 'settings-changed'; keys: string[] };

type Listener = (event: WorkerEvent) => void | Promise<void>;

const listeners = new Set<Listener>();

export function onWorkerEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Calls every listener; resolves when all have finished (or failed, which is logged). */
export async function emitWorkerEvent(event: WorkerEvent): Promise<void> {
  await Promise.all(
    [...listeners].map(async (listener) => {
      try {
        await listener(event);
      } catch (error) {
        console.error(`[agent-assist] ${event.type} listener failed`, error);
      }
    }),
  );
}
