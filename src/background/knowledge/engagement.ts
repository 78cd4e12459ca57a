import type { RecommendationEvent } from '../../shared/recommendation-event';
import type { KnowledgeRef } from '../../shared/recommendation';
import {
  FEEDBACK_COMMENT_MAX,
  KNOWLEDGE_MEDIA_TYPES,
  type KnowledgeConversationContext,
  type KnowledgeDocumentFeedback,
  type KnowledgeDocumentPresentation,
  type KnowledgeDocumentView,
  type KnowledgeFeedbackReason,
  type KnowledgeMediaType,
} from '../genesys/knowledge-schemas';
import { KNOWLEDGE_APPLICATION } from '../providers/knowledge-search';

/**
 * Agent actions on Genesys Knowledge cards, as Knowledge's own engagement records, so its
 * analytics (and the knowledge authors' "which articles help") see what agents do here:
 *
 * | our action | call | surfacingMethod |
 * |---|---|---|
 * | impression | `POST …/documents/presentations` | how the card shows it (Highlight or Snippet) |
 * | open (the card expanded) | `POST …/documents/{documentId}/views` | Article |
 * | copy, insert | `POST …/documents/{documentId}/copies` | the card's |
 * | helpful, not_helpful | `POST …/documents/{documentId}/feedback` | the card's |
 *
 * Dismissals have no Knowledge counterpart. Every body names the variation and version the agent
 * saw, the search that surfaced it, `queryType`, the conversation, and `application`.
 */
export interface KnowledgeEngagementRequest {
  path: string;
  body: KnowledgeDocumentPresentation | KnowledgeDocumentView | KnowledgeDocumentFeedback;
}

const NOT_HELPFUL_REASONS: Record<string, KnowledgeFeedbackReason> = {
  // The search surfaced something that does not answer this conversation.
  'not-relevant': 'SearchResults',
  // The document itself is wrong or old: its authors should look.
  'out-of-date': 'DocumentContent',
  incorrect: 'DocumentContent',
};

/** The panel's "reason: details" (sidepanel/NotHelpfulForm.tsx) as Knowledge's reason and comment. */
export function feedbackReason(reason: string | undefined): { reason?: KnowledgeFeedbackReason; comment?: string } {
  if (!reason?.trim()) return {};
  const separator = reason.indexOf(': ');
  const code = separator >= 0 ? reason.slice(0, separator) : reason;
  const known = Object.hasOwn(NOT_HELPFUL_REASONS, code) || code === 'other';
  const details = (known ? (separator >= 0 ? reason.slice(separator + 2) : '') : reason).trim();
  const mapped = known ? NOT_HELPFUL_REASONS[code] : undefined;
  return { ...(mapped && { reason: mapped }), ...(details && { comment: details.slice(0, FEEDBACK_COMMENT_MAX) }) };
}

function mediaTypeOf(ref: KnowledgeRef): KnowledgeMediaType | undefined {
  return (KNOWLEDGE_MEDIA_TYPES as readonly string[]).includes(ref.mediaType ?? '') ? (ref.mediaType as KnowledgeMediaType) : undefined;
}

function conversationContext(event: Pick<RecommendationEvent, 'conversationId'>, ref: KnowledgeRef): KnowledgeConversationContext {
  const mediaType = mediaTypeOf(ref);
  return { conversationId: event.conversationId, ...(mediaType !== undefined && { mediaType }) };
}

function documentPath(ref: KnowledgeRef, tail: string): string {
  return `/api/v2/knowledge/knowledgebases/${encodeURIComponent(ref.knowledgeBaseId)}/documents/${tail}`;
}

export function toKnowledgeEngagement(event: Pick<RecommendationEvent, 'action' | 'conversationId' | 'reason' | 'knowledge'>): KnowledgeEngagementRequest | null {
  const ref = event.knowledge;
  if (!ref) return null;
  const common = {
    ...(ref.searchId && { searchId: ref.searchId }),
    queryType: ref.queryType,
    conversationContext: conversationContext(event, ref),
    application: KNOWLEDGE_APPLICATION,
  };
  const documentUrl = (tail: string) => documentPath(ref, `${encodeURIComponent(ref.documentId)}/${tail}`);
  switch (event.action) {
    case 'impression':
      return {
        path: documentPath(ref, 'presentations'),
        body: {
          documents: [{ documentId: ref.documentId, documentVariationId: ref.variationId, documentVersionId: ref.versionId, surfacingMethod: ref.surfacing }],
          surfacingMethod: ref.surfacing,
          ...common,
        },
      };
    case 'open':
      return { path: documentUrl('views'), body: { documentVariationId: ref.variationId, documentVersionId: ref.versionId, surfacingMethod: 'Article', ...common } };
    case 'copy':
    case 'insert':
      return { path: documentUrl('copies'), body: { documentVariationId: ref.variationId, documentVersionId: ref.versionId, surfacingMethod: ref.surfacing, ...common } };
    case 'helpful':
    case 'not_helpful': {
      const { searchId: _searchId, ...rest } = common;
      return {
        path: documentUrl('feedback'),
        body: {
          documentVariation: { id: ref.variationId },
          document: { id: ref.documentId, knowledgeBase: { id: ref.knowledgeBaseId }, versionId: ref.versionId },
          rating: event.action === 'helpful' ? 'Positive' : 'Negative',
          ...(event.action === 'not_helpful' && feedbackReason(event.reason)),
          ...(ref.searchId && { search: { id: ref.searchId } }),
          surfacingMethod: ref.surfacing,
          ...rest,
        },
      };
    }
    case 'dismissed':
      return null;
  }
}
