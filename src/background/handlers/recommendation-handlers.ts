import type { RecommendationEventInput } from '../../shared/recommendation-event';
import { insertRecommendation, type InsertDeps } from '../desktop/insert-recommendation';
import type { Handlers } from '../messaging/router';
import type { StoredContext } from '../tab-state';

/** What the agent does with the cards: ask again, act on one, insert one into the reply. */
export interface RecommendationHandlerDeps {
  readContext(tabId: number): Promise<StoredContext | null>;
  /** Recomputes the tab's view; the reply does not wait for it. */
  refresh(tabId: number): void;
  recordEvent(input: RecommendationEventInput): Promise<{ eventId: string }>;
  insert: InsertDeps;
}

export function recommendationHandlers(deps: RecommendationHandlerDeps): Pick<Handlers, 'page/refresh' | 'page/record-event' | 'desktop/record-event' | 'page/insert-into-reply'> {
  return {
    async 'page/refresh'({ tabId }) {
      const context = await deps.readContext(tabId);
      if (!context) return { queued: false };
      deps.refresh(tabId);
      return { queued: true };
    },
    async 'page/record-event'(input) {
      return { eventId: (await deps.recordEvent(input)).eventId };
    },
    async 'desktop/record-event'(input) {
      return { eventId: (await deps.recordEvent(input)).eventId };
    },
    async 'page/insert-into-reply'({ tabId, recommendationId }) {
      return insertRecommendation(deps.insert, tabId, recommendationId);
    },
  };
}
