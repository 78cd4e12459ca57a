import type { InsertIntoReplyResult } from '../../shared/messages';
import type { RecommendationEventInput } from '../../shared/recommendation-event';
import type { ViewState } from '../../shared/view-state';
import { conversationFrameOf } from '../context-intake';
import type { StoredContext } from '../tab-state';
import { ContentUnavailableError, type TellContent } from './content-channel';

/**
 * Insert into reply, as the worker does it for the side panel and the keyboard command: the
 * recommendation must be one the tab shows now (the panel cannot slip other text in, and a card
 * from the previous conversation cannot land in the next one's reply); the text goes to the frame
 * that holds the conversation's reply box (the messaging gadget's, on the Genesys desktop); the `insert` click is recorded only once the text is in.
 */
export interface InsertDeps {
  readView(tabId: number): Promise<ViewState | null>;
  readContext(tabId: number): Promise<StoredContext | null>;
  tellContent: TellContent;
  recordEvent(input: RecommendationEventInput): Promise<{ eventId: string }>;
}

/** `which`: a recommendation id, or `{ top: true }` for the best one (the insert-top-suggestion command). */
export async function insertRecommendation(deps: InsertDeps, tabId: number, which: string | { top: true }): Promise<InsertIntoReplyResult> {
  const [view, stored] = await Promise.all([deps.readView(tabId), deps.readContext(tabId)]);
  const conversationId = view?.conversationId ?? null;
  const recommendation = typeof which === 'string' ? view?.recommendations.find((item) => item.id === which) : view?.recommendations[0];
  if (!view || !conversationId || !recommendation) return { outcome: 'not-found', eventId: null };
  if (!stored) return { outcome: 'no-desktop', eventId: null };
  if (stored.context.conversationId !== conversationId) return { outcome: 'conversation-changed', eventId: null };

  let outcome: InsertIntoReplyResult['outcome'];
  try {
    ({ outcome } = await deps.tellContent(tabId, conversationFrameOf(stored), 'worker/insert-text', { conversationId, content: recommendation.content }));
  } catch (error) {
    if (error instanceof ContentUnavailableError) return { outcome: 'no-desktop', eventId: null };
    throw error;
  }
  if (outcome !== 'inserted') return { outcome, eventId: null };
  const event = await deps.recordEvent({ conversationId, recommendationId: recommendation.id, sourceId: recommendation.sourceId, action: 'insert' });
  return { outcome, eventId: event.eventId };
}
