import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { ViewState } from '../../shared/view-state';
import { describeRecommendation, entryForAction, entryForSession, entryForSettings, entryForView, transcriptExcerpt } from './audit-entries';

const item = (id: string, score: number, publishedDate: string | null = '2026-01-01T00:00:00Z') => ({ id, title: `Title ${id}`, content: 'secret body', relevanceScore: score, publishedDate, sourceId: 'kb-billing' });

const ready: ViewState = {
  tabId: 4,
  status: 'ready',
  conversationId: 'conv-1',
  channel: 'chat',
  recommendations: [item('a', 0.9), item('b', 0.85)],
  hidden: [
    { recommendation: item('c', 0.4), reason: 'low-score' },
    { recommendation: item('d', 0.95, '2020-01-01T00:00:00Z'), reason: 'too-old' },
  ],
  invalidCount: 1,
  error: null,
  stale: false,
  updatedAt: 10_450,
  source: 'provider',
  contextReceivedAt: 1_000,
  requestedAt: 10_000,
  providerMs: 300,
};

const context = { provider: 'recommendations-query', agentId: 'agent-1', settings: DEFAULT_SETTINGS };

describe('entryForView', () => {
  it('records a delivery: shown items with id, title, source and score, hidden counts by reason, latency', () => {
    expect(entryForView(ready, context)).toEqual({
      kind: 'delivery',
      time: 10_450,
      agentId: 'agent-1',
      conversationId: 'conv-1',
      provider: 'recommendations-query',
      data: {
        channel: 'chat',
        source: 'provider',
        stale: false,
        latencyMs: 450,
        providerMs: 300,
        shownCount: 2,
        hiddenCount: 2,
        hiddenReasons: { 'low-score': 1, 'too-old': 1 },
        invalidCount: 1,
        thresholds: { minRelevanceScore: 0.8, maxContentAgeDays: 7 },
        shown: [
          { id: 'a', title: 'Title a', sourceId: 'kb-billing', score: 0.9, publishedDate: '2026-01-01T00:00:00Z' },
          { id: 'b', title: 'Title b', sourceId: 'kb-billing', score: 0.85, publishedDate: '2026-01-01T00:00:00Z' },
        ],
        hidden: [
          { id: 'c', title: 'Title c', sourceId: 'kb-billing', score: 0.4, publishedDate: '2026-01-01T00:00:00Z', reason: 'low-score' },
          { id: 'd', title: 'Title d', sourceId: 'kb-billing', score: 0.95, publishedDate: '2020-01-01T00:00:00Z', reason: 'too-old' },
        ],
      },
    });
    expect(JSON.stringify(entryForView(ready, context))).not.toContain('secret body');
  });

  it('records the excerpt only when given one', () => {
    expect(entryForView(ready, { ...context, excerpt: 'Customer: [card]' })).toMatchObject({ data: { transcriptExcerpt: 'Customer: [card]' } });
    expect(entryForView(ready, context)).not.toHaveProperty('data.transcriptExcerpt');
  });

  it('records a provider error with status, code and correlation id', () => {
    const failed: ViewState = { ...ready, status: 'error', recommendations: [], error: { kind: 'provider', message: 'Service unavailable', status: 503, code: 'service.unavailable', correlationId: 'corr-9' } };
    expect(entryForView(failed, context)).toMatchObject({
      kind: 'provider-error',
      conversationId: 'conv-1',
      data: { errorKind: 'provider', message: 'Service unavailable', status: 503, code: 'service.unavailable', correlationId: 'corr-9', stale: false },
    });
  });

  it('records nothing for loading, idle or sign-in states', () => {
    for (const status of ['loading', 'no-conversation', 'signed-out', 'not-configured'] as const) expect(entryForView({ ...ready, status }, context)).toBeNull();
  });

  it('leaves latency unknown when the run start is', () => {
    const { requestedAt: _dropped, ...withoutStart } = ready;
    expect(entryForView(withoutStart, context)).toMatchObject({ data: { latencyMs: null } });
  });
});

describe('entryForAction', () => {
  const event = { eventId: 'e1', conversationId: 'conv-1', recommendationId: 'a', sourceId: 'kb-billing', agentId: 'agent-1', timestamp: '2026-01-02T03:04:05.000Z' };
  it('sorts actions into impression, click and feedback entries', () => {
    expect(entryForAction({ ...event, action: 'impression' }, 'p').kind).toBe('impression');
    for (const action of ['open', 'copy', 'insert'] as const) expect(entryForAction({ ...event, action }, 'p').kind).toBe('click');
    for (const action of ['helpful', 'not_helpful', 'dismissed'] as const) expect(entryForAction({ ...event, action }, 'p').kind).toBe('feedback');
  });

  it('keeps the event id, the time and any reason', () => {
    expect(entryForAction({ ...event, action: 'not_helpful', reason: 'out of date' }, 'p')).toEqual({
      kind: 'feedback',
      time: Date.parse(event.timestamp),
      agentId: 'agent-1',
      conversationId: 'conv-1',
      provider: 'p',
      data: { eventId: 'e1', action: 'not_helpful', recommendationId: 'a', sourceId: 'kb-billing', reason: 'out of date' },
    });
  });

  it("masks card numbers, e-mails and phone numbers in the agent's reason", () => {
    const entry = entryForAction({ ...event, action: 'not_helpful', reason: 'Customer gave 4111 1111 1111 1111 and jo@example.com' }, 'p');
    const reason = (entry.data as { reason?: string }).reason;
    expect(reason).not.toContain('4111');
    expect(reason).not.toContain('jo@example.com');
    expect(reason).toMatch(/^Customer gave /);
  });

  it('names what was acted on by the title and knowledge base the panel showed, shown or hidden, in that conversation only', () => {
    const named: ViewState = { ...ready, recommendations: [{ ...item('a', 0.9), sourceName: 'Billing & Payments' }] };
    const other: ViewState = { ...ready, tabId: 5, conversationId: 'conv-2', recommendations: [{ ...item('a', 0.9), title: 'Elsewhere' }] };
    expect(describeRecommendation([other, null, named], 'conv-1', 'a')).toEqual({ title: 'Title a', sourceName: 'Billing & Payments' });
    expect(describeRecommendation([ready], 'conv-1', 'c')).toEqual({ title: 'Title c' });
    expect(describeRecommendation([ready], 'conv-1', 'zzz')).toBeNull();
    expect(entryForAction({ ...event, action: 'copy' }, 'p', { title: 'Title a', sourceName: 'Billing & Payments' }).data).toMatchObject({ title: 'Title a', sourceName: 'Billing & Payments', sourceId: 'kb-billing' });
  });
});

describe('sessions and settings', () => {
  it('records who signed in and out', () => {
    expect(entryForSession('sign-in', { id: 'u1', name: 'Alex' }, 5)).toEqual({ kind: 'sign-in', time: 5, agentId: 'u1', conversationId: null, provider: null, data: { userName: 'Alex' } });
    expect(entryForSession('sign-out', null, 6)).toMatchObject({ kind: 'sign-out', agentId: null, data: { userName: null } });
  });

  it('records changed keys and their values, except URLs', () => {
    const settings = { ...DEFAULT_SETTINGS, minRelevanceScore: 0.6, feedbackWebhookUrl: 'https://hooks.example.com/x?token=secret' };
    const entry = entryForSettings(['feedbackWebhookUrl', 'minRelevanceScore'], settings, 'u1', 7);
    expect(entry).toMatchObject({ kind: 'settings-changed', data: { keys: ['feedbackWebhookUrl', 'minRelevanceScore'], values: { minRelevanceScore: 0.6 } } });
    expect(JSON.stringify(entry)).not.toContain('secret');
  });
});

describe('transcriptExcerpt', () => {
  it('redacts, labels who spoke, and keeps the end of a long transcript', () => {
    const excerpt = transcriptExcerpt([
      { role: 'customer', text: 'my card is 4111 1111 1111 1111 and mail a@b.io' },
      { role: 'agent', text: 'Thanks' },
    ]);
    expect(excerpt).toBe('Customer: my card is [card] and mail [email]\nAgent: Thanks');
    const long = transcriptExcerpt([{ role: 'customer', text: 'x'.repeat(1000) + ' the end' }], 50);
    expect(long).toHaveLength(50);
    expect(long.endsWith('the end')).toBe(true);
  });
});
