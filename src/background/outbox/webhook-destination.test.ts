import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { RecommendationEvent } from '../../shared/recommendation-event';
import { createApiClient } from '../genesys/api-client';
import { ApiError } from '../genesys/api-error';
import { DEFAULT_REQUEST_RETRY } from './outbox';
import { webhookDestination, webhookPayload } from './webhook-destination';

vi.mock('../../shared/browser', () => ({ browser: { storage: { session: { get: async () => ({}), set: async () => undefined } } } }));

const event: RecommendationEvent = {
  eventId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  conversationId: 'c-1',
  recommendationId: 'billing-refund',
  sourceId: 'kb-billing',
  agentId: 'agent-7',
  action: 'not_helpful',
  reason: 'out of date',
  timestamp: '2026-11-25T12:00:00.000Z',
};
const settings = { ...DEFAULT_SETTINGS, feedbackWebhookUrl: 'https://hooks.example.com/feedback' };

function client(responses: Array<Response | Error>) {
  const sent: { url: string; init: RequestInit }[] = [];
  const getAccess = vi.fn(async () => ({ token: 'secret-token', apiBaseUrl: 'https://api.mypurecloud.com' }));
  const api = createApiClient({
    getAccess,
    reauthorize: async () => undefined,
    sleep: async () => undefined,
    fetch: async (input, init) => {
      sent.push({ url: input instanceof URL ? input.href : typeof input === 'string' ? input : input.url, init: init ?? {} });
      const next = responses.shift();
      if (!next) throw new Error('unexpected request');
      if (next instanceof Error) throw next;
      return next;
    },
  });
  return { api, sent, getAccess };
}

describe('webhook destination', () => {
  it('applies only when a webhook URL is set', () => {
    expect(webhookDestination.configured(settings)).toBe(true);
    expect(webhookDestination.configured(DEFAULT_SETTINGS)).toBe(false);
  });

  it('posts the event as JSON with its eventId as the Idempotency-Key, and never the Genesys token', async () => {
    const { api, sent, getAccess } = client([new Response(JSON.stringify({ status: 'accepted' }), { status: 202 })]);
    await webhookDestination.deliver(event, { api, settings, retry: DEFAULT_REQUEST_RETRY });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('https://hooks.example.com/feedback');
    expect(sent[0]?.init.method).toBe('POST');
    const headers = sent[0]?.init.headers as Record<string, string>;
    expect(headers['Idempotency-Key']).toBe(event.eventId);
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers).not.toHaveProperty('Authorization');
    expect(getAccess).not.toHaveBeenCalled();
    expect(JSON.parse(sent[0]?.init.body as string)).toEqual({
      eventId: event.eventId,
      recommendationId: 'billing-refund',
      conversationId: 'c-1',
      agentId: 'agent-7',
      action: 'not_helpful',
      timestamp: '2026-11-25T12:00:00.000Z',
      sourceId: 'kb-billing',
      reason: 'out of date',
    });
  });

  it('retries quickly through the API client, then leaves the rest to the outbox', async () => {
    const { api, sent } = client([new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), new Response(null, { status: 202 })]);
    await expect(webhookDestination.deliver(event, { api, settings, retry: DEFAULT_REQUEST_RETRY })).rejects.toMatchObject({ kind: 'network' });
    expect(sent).toHaveLength(DEFAULT_REQUEST_RETRY.maxAttempts);
  });

  it('reports a refusal with its status, for the outbox to park', async () => {
    const { api } = client([new Response(JSON.stringify({ message: 'bad event' }), { status: 400 })]);
    const failure = await webhookDestination.deliver(event, { api, settings, retry: DEFAULT_REQUEST_RETRY }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ kind: 'http', status: 400 });
  });
});

describe('webhookPayload and redactOutgoingText', () => {
  it('masks card numbers, e-mails and phones in the agent’s reason unless the setting is off', () => {
    const quoting = { ...event, reason: 'other: customer jo@example.com paid with 4111 1111 1111 1111, call +44 20 7946 0958' };
    expect(webhookPayload(quoting).reason).toBe('other: customer [email] paid with [card], call [phone]');
    expect(webhookPayload(quoting, false).reason).toBe(quoting.reason);
  });
});
