import type { KnowledgeRef } from '../shared/recommendation';
import type { RecommendationEvent, RecommendationEventInput } from '../shared/recommendation-event';
import type { EventExtras } from './impression-dedupe';
import type { ViewState } from '../shared/view-state';
import { emitWorkerEvent } from './worker-events';

/**
 * Turns an agent's action reported by a page or the overlay into a recorded event: a fresh
 * `eventId`, the signed-in agent (from the worker's own state, never from the sender) and the
 * time. Listeners (outbox, metrics, audit) have finished with it when this resolves, so the
 * acknowledgement the agent sees means the event is safe.
 */
export interface EventRecorderDeps {
  agentId(): Promise<string | null>;
  /** The Genesys Knowledge ids of the card acted on, when it came from Genesys Knowledge. */
  knowledgeRef?(conversationId: string, recommendationId: string): Promise<KnowledgeRef | undefined>;
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
    // From what the worker itself published, never from the page: the page only names the card.
    const knowledge = await deps.knowledgeRef?.(input.conversationId, input.recommendationId).catch(() => undefined);
    const event: RecommendationEvent = {
      eventId: newId(),
      conversationId: input.conversationId,
      recommendationId: input.recommendationId,
      sourceId: input.sourceId,
      agentId,
      action: input.action,
      ...(input.reason !== undefined && { reason: input.reason }),
      timestamp: new Date(now()).toISOString(),
      ...(knowledge && { knowledge }),
    };
    await emit({ type: 'recommendation-event', event, ...(extras.clickedImpressionDay !== undefined && { clickedImpressionDay: extras.clickedImpressionDay }) });
    return event;
  };
}

/** The knowledge ids of a card shown (or hidden) for this conversation in any of these views. */
export function findKnowledgeRef(views: readonly (ViewState | null)[], conversationId: string, recommendationId: string): KnowledgeRef | undefined {
  for (const view of views) {
    if (view?.conversationId !== conversationId) continue;
    const found = view.recommendations.find((item) => item.id === recommendationId) ?? view.hidden.find((entry) => entry.recommendation.id === recommendationId)?.recommendation;
    if (found?.knowledge) return found.knowledge;
  }
  return undefined;
}
