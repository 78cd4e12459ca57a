import { describe, expect, it } from 'vitest';
import type { KnowledgeRef } from '../../shared/recommendation';
import { KnowledgeDocumentFeedback, KnowledgeDocumentPresentation, KnowledgeDocumentView } from '../genesys/knowledge-schemas';
import { feedbackReason, toKnowledgeEngagement } from './engagement';

const REF: KnowledgeRef = { documentId: 'doc 1', knowledgeBaseId: 'kb-1', variationId: 'var-1', versionId: 'ver-1', searchId: 'search-1', surfacing: 'Highlight', queryType: 'AutoSearch', mediaType: 'Chat' };
const event = (action: Parameters<typeof toKnowledgeEngagement>[0]['action'], reason?: string) => ({ action, conversationId: 'conv-1', knowledge: REF, ...(reason !== undefined && { reason }) });
const common = { searchId: 'search-1', queryType: 'AutoSearch', conversationContext: { conversationId: 'conv-1', mediaType: 'Chat' }, application: { type: 'SmartAdvisor' } };

describe('toKnowledgeEngagement', () => {
  it('maps each action to its Knowledge call, with the bodies the typings require', () => {
    const impression = toKnowledgeEngagement(event('impression'))!;
    expect(impression).toEqual({
      path: '/api/v2/knowledge/knowledgebases/kb-1/documents/presentations',
      body: { documents: [{ documentId: 'doc 1', documentVariationId: 'var-1', documentVersionId: 'ver-1', surfacingMethod: 'Highlight' }], surfacingMethod: 'Highlight', ...common },
    });
    expect(KnowledgeDocumentPresentation.safeParse(impression.body).success).toBe(true);
    const view = toKnowledgeEngagement(event('open'))!;
    expect(view).toEqual({ path: '/api/v2/knowledge/knowledgebases/kb-1/documents/doc%201/views', body: { documentVariationId: 'var-1', documentVersionId: 'ver-1', surfacingMethod: 'Article', ...common } });
    expect(KnowledgeDocumentView.safeParse(view.body).success).toBe(true);
    expect(toKnowledgeEngagement(event('copy'))!.path).toBe('/api/v2/knowledge/knowledgebases/kb-1/documents/doc%201/copies');
    expect(toKnowledgeEngagement(event('insert'))).toEqual(toKnowledgeEngagement(event('copy')));
    const feedback = toKnowledgeEngagement(event('not_helpful', 'out-of-date: the fee changed in May'))!;
    expect(feedback).toEqual({
      path: '/api/v2/knowledge/knowledgebases/kb-1/documents/doc%201/feedback',
      body: {
        documentVariation: { id: 'var-1' },
        document: { id: 'doc 1', knowledgeBase: { id: 'kb-1' }, versionId: 'ver-1' },
        rating: 'Negative',
        reason: 'DocumentContent',
        comment: 'the fee changed in May',
        search: { id: 'search-1' },
        surfacingMethod: 'Highlight',
        queryType: 'AutoSearch',
        conversationContext: common.conversationContext,
        application: common.application,
      },
    });
    expect(KnowledgeDocumentFeedback.safeParse(feedback.body).success).toBe(true);
    expect((toKnowledgeEngagement(event('helpful'))!.body as { rating: string }).rating).toBe('Positive');
  });

  it('takes nothing for dismissals or cards without Knowledge ids', () => {
    expect(toKnowledgeEngagement(event('dismissed'))).toBeNull();
    expect(toKnowledgeEngagement({ action: 'copy', conversationId: 'c' })).toBeNull();
  });
});

describe('feedbackReason', () => {
  it('splits the panel’s reason into Knowledge’s reason and a comment within 2000 characters', () => {
    expect(feedbackReason(undefined)).toEqual({});
    expect(feedbackReason('not-relevant')).toEqual({ reason: 'SearchResults' });
    expect(feedbackReason('incorrect: wrong plan')).toEqual({ reason: 'DocumentContent', comment: 'wrong plan' });
    expect(feedbackReason('other: ask billing')).toEqual({ comment: 'ask billing' });
    expect(feedbackReason('free text from an older panel')).toEqual({ comment: 'free text from an older panel' });
    expect(feedbackReason(`other: ${'x'.repeat(3000)}`).comment).toHaveLength(2000);
  });
});
