import type { RecommendationEvent, RecommendationEventInput } from '../shared/recommendation-event';
import type { EventExtras } from './impression-dedupe';
import { emitWorkerEvent } from './worker-events';

/**
 * Turns an agent's action reported by a page or the overlay into a recorded event: a fresh
 * `eventId`, the signed-in agent (from the worker's own state, never from the sender) and the
 * time. Listeners (outbox, metrics, audit) have finished with it when this resolves, so the
 * acknowledgement the agent sees means the event is safe.
 */
export interface EventRecorderDeps {
  agentId(): Promise<string | null>;
  now?: () => number;
  newId?: () => string;
  emit?: typeof emitWorkerEvent;
}

export function createEventRecorder(deps: EventRecorderDeps) {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const emit = deps.emit ?? emitWorkerEvent;
  return async function record(input: RecommendationEventInput, extras: EventExtras = {}): Promise<RecommendationEvent> {
    const agentId = await deps.agentId();
    if (!agentId) throw new Error('Sign in before recording actions');
    const event: RecommendationEvent = {
      eventId: newId(),
      conversationId: input.conversationId,
      recommendationId: input.recommendationId,
      sourceId: input.sourceId,
      agentId,
      action: input.action,
      ...(input.reason !== undefined && { reason: input.reason }),
      timestamp: new Date(now()).toISOString(),
    };
    await emit({ type: 'recommendation-event', event, ...(extras.clickedImpressionDay !== undefined && { clickedImpressionDay: extras.clickedImpressionDay }) });
    return event;
  };
}
