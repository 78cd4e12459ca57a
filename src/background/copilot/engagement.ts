import type { RecommendationAction, RecommendationEvent } from '../../shared/recommendation-event';
import type { EngagementType, FeedbackRating, SuggestionEngagement } from '../genesys/copilot-schemas';

/**
 * Agent actions on Copilot suggestions, as suggestion engagements (docs/genesys-api.md: `POST
 * /api/v2/conversations/{cid}/suggestions/{sid}/engagement`). Our recommendation id is the
 * suggestion id in this provider. Impressions are not engagements: Copilot has no such type.
 */
const ENGAGEMENTS: Record<RecommendationAction, { engagementType: EngagementType; rating?: FeedbackRating } | null> = {
  impression: null,
  open: { engagementType: 'Opened' },
  copy: { engagementType: 'Copied' },
  insert: { engagementType: 'Copied' },
  dismissed: { engagementType: 'Dismissed' },
  helpful: { engagementType: 'Feedback', rating: 'Positive' },
  not_helpful: { engagementType: 'Feedback', rating: 'Negative' },
};

export interface EngagementRequest {
  path: string;
  body: SuggestionEngagement;
}

export function toEngagement(event: Pick<RecommendationEvent, 'action' | 'conversationId' | 'recommendationId'>): EngagementRequest | null {
  const engagement = ENGAGEMENTS[event.action];
  if (!engagement) return null;
  const path = `/api/v2/conversations/${encodeURIComponent(event.conversationId)}/suggestions/${encodeURIComponent(event.recommendationId)}/engagement`;
  const body: SuggestionEngagement = { engagementType: engagement.engagementType, ...(engagement.rating && { feedback: { rating: engagement.rating } }) };
  return { path, body };
}
