import * as z from 'zod/mini';
import { ConversationId } from './conversation';
import { KnowledgeRef } from './recommendation';

/**
 * What an agent did with a recommendation (docs/architecture.md). Impressions and
 * clicks (open, copy, insert) feed CTR; ratings and dismissals are feedback.
 */
export const RECOMMENDATION_ACTIONS = ['impression', 'open', 'copy', 'insert', 'helpful', 'not_helpful', 'dismissed'] as const;
export const RecommendationAction = z.enum(RECOMMENDATION_ACTIONS);
export type RecommendationAction = z.infer<typeof RecommendationAction>;

export const CLICK_ACTIONS: readonly RecommendationAction[] = ['open', 'copy', 'insert'];

/** What a page or the inline overlay reports; the worker adds who, when and an id. */
export const RecommendationEventInput = z.strictObject({
  conversationId: ConversationId,
  recommendationId: z.string().check(z.minLength(1), z.maxLength(256)),
  sourceId: z.string().check(z.maxLength(256)),
  action: RecommendationAction,
  /** Optional reason with a rating ("out of date", free text), bounded. */
  reason: z.optional(z.string().check(z.maxLength(500))),
});
export type RecommendationEventInput = z.infer<typeof RecommendationEventInput>;

/** The event as the worker records and delivers it: `eventId` makes redelivery idempotent. */
export const RecommendationEvent = z.object({
  eventId: z.string(),
  conversationId: z.string(),
  recommendationId: z.string(),
  sourceId: z.string(),
  agentId: z.string(),
  action: RecommendationAction,
  reason: z.optional(z.string()),
  /** RFC 3339. */
  timestamp: z.string(),
  /** The Genesys Knowledge document behind the card, found by the worker when it records the event. */
  knowledge: z.optional(KnowledgeRef),
});
export type RecommendationEvent = z.infer<typeof RecommendationEvent>;
