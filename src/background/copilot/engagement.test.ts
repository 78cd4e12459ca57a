import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { RECOMMENDATION_ACTIONS, type RecommendationEvent } from '../../shared/recommendation-event';
import type { ApiCall, ApiClient, ApiResult } from '../genesys/api-client';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { copilotEngagementDestination } from '../outbox/engagement-destination';
import { toEngagement } from './engagement';

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

describe('copilotEngagementDestination', () => {
  const retry = { maxAttempts: 2, maxElapsedMs: 5_000, baseDelayMs: 100, maxDelayMs: 1_000 };

  it('applies only with the Copilot provider and takes every action but impressions', () => {
    expect(copilotEngagementDestination.configured({ ...DEFAULT_SETTINGS, provider: 'conversation-suggestions' })).toBe(true);
    expect(copilotEngagementDestination.configured(DEFAULT_SETTINGS)).toBe(false);
    expect(copilotEngagementDestination.takes?.(event('impression'))).toBe(false);
    expect(copilotEngagementDestination.takes?.(event('copy'))).toBe(true);
  });

  it('posts the engagement with the outbox retry bounds', async () => {
    const calls: ApiCall<never>[] = [];
    const api: ApiClient = {
      async request<S extends z.ZodMiniType | undefined>(call: ApiCall<S>): Promise<ApiResult<S>> {
        calls.push(call as ApiCall<never>);
        return undefined as ApiResult<S>;
      },
    };
    await copilotEngagementDestination.deliver(event('helpful'), { api, settings: DEFAULT_SETTINGS, retry });
    expect(calls).toEqual([
      { method: 'POST', path: '/api/v2/conversations/conv%2F1/suggestions/sugg%201/engagement', body: { engagementType: 'Feedback', feedback: { rating: 'Positive' } }, retry },
    ]);
  });
});
