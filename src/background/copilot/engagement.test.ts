import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { RECOMMENDATION_ACTIONS, type RecommendationEvent } from '../../shared/recommendation-event';
import type { ApiCall, ApiClient, ApiResult } from '../genesys/api-client';
import { deliverEngagement, toEngagement } from './engagement';

const event = (action: RecommendationEvent['action']): RecommendationEvent => ({
  eventId: 'e-1',
  conversationId: 'conv/1',
  recommendationId: 'sugg 1',
  sourceId: 'kb',
  agentId: 'a',
  action,
  timestamp: '2025-03-20T12:00:00Z',
});

describe('toEngagement', () => {
  it('maps every action to its engagement type, with the rating for feedback', () => {
    const bodies = Object.fromEntries(RECOMMENDATION_ACTIONS.map((action) => [action, toEngagement(event(action))?.body ?? null]));
    expect(bodies).toEqual({
      impression: null,
      open: { engagementType: 'Opened' },
      copy: { engagementType: 'Copied' },
      insert: { engagementType: 'Copied' },
      dismissed: { engagementType: 'Dismissed' },
      helpful: { engagementType: 'Feedback', feedback: { rating: 'Positive' } },
      not_helpful: { engagementType: 'Feedback', feedback: { rating: 'Negative' } },
    });
  });

  it('addresses the suggestion of the conversation, escaped', () => {
    expect(toEngagement(event('open'))?.path).toBe('/api/v2/conversations/conv%2F1/suggestions/sugg%201/engagement');
  });
});

describe('deliverEngagement', () => {
  it('posts engagements and sends nothing for impressions', async () => {
    const calls: ApiCall<never>[] = [];
    const api: ApiClient = {
      async request<S extends z.ZodMiniType | undefined>(call: ApiCall<S>): Promise<ApiResult<S>> {
        calls.push(call as ApiCall<never>);
        return undefined as ApiResult<S>;
      },
    };
    expect(await deliverEngagement(api, event('impression'))).toBe(false);
    expect(await deliverEngagement(api, event('helpful'))).toBe(true);
    expect(calls).toEqual([{ method: 'POST', path: '/api/v2/conversations/conv%2F1/suggestions/sugg%201/engagement', body: { engagementType: 'Feedback', feedback: { rating: 'Positive' } } }]);
  });
});
