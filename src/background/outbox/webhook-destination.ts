import type { RecommendationEvent } from '../../shared/recommendation-event';
import { redactText } from '../audit/redact';
import type { Destination } from './destinations';

/**
 * `feedbackWebhookUrl` (docs/architecture.md "Feedback"): every event as JSON, with its `eventId` also in an
 * `Idempotency-Key` header so the receiver can drop redeliveries. For the `recommendations-query`
 * provider this is the only destination (docs/genesys-api.md). Never sent with the Genesys token.
 */
export function webhookPayload(event: RecommendationEvent, redact = true): Record<string, string> {
  return {
    eventId: event.eventId,
    recommendationId: event.recommendationId,
    conversationId: event.conversationId,
    agentId: event.agentId,
    action: event.action,
    timestamp: event.timestamp,
    sourceId: event.sourceId,
    // The agent's words may quote the customer: masked unless redactOutgoingText is off.
    ...(event.reason !== undefined && { reason: redact ? redactText(event.reason) : event.reason }),
  };
}

export const webhookDestination: Destination = {
  id: 'webhook',
  configured: (settings) => Boolean(settings.feedbackWebhookUrl),
  async deliver(event, { api, settings, retry }) {
    if (!settings.feedbackWebhookUrl) throw new Error('No feedback webhook is configured');
    await api.request({
      method: 'POST',
      path: settings.feedbackWebhookUrl,
      body: webhookPayload(event, settings.redactOutgoingText),
      authenticated: false,
      headers: { 'Idempotency-Key': event.eventId },
      retry,
    });
  },
};
