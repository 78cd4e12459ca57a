import type { WebhookRecord } from './control-api';
import type { WebhookStore } from './state';

/**
 * The feedback webhook collector (docs/genesys-api.md, "The feedback webhook"): the extension posts
 * `{eventId, recommendationId, conversationId, agentId, action, timestamp}`; redelivery of the same
 * eventId is expected (at-least-once outbox) and counted, never stored twice.
 */

export interface FeedbackEvent {
  eventId: string;
  recommendationId: string;
  conversationId: string;
  agentId: string;
  action: string;
  timestamp: string | number;
  /** Anything else the extension adds is kept as sent. */
  [extra: string]: unknown;
}

const REQUIRED_STRINGS = ['eventId', 'recommendationId', 'conversationId', 'agentId', 'action'] as const;

/** The event, or what is wrong with it. */
export function parseFeedbackEvent(body: unknown): { event: FeedbackEvent } | { error: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: 'The body must be a JSON object' };
  const record = body as Record<string, unknown>;
  const missing: string[] = REQUIRED_STRINGS.filter((key) => typeof record[key] !== 'string' || record[key] === '');
  const timestamp = record.timestamp;
  if (typeof timestamp !== 'string' && typeof timestamp !== 'number') missing.push('timestamp');
  if (missing.length > 0) return { error: `Missing or invalid: ${missing.join(', ')}` };
  return { event: record as FeedbackEvent };
}

/** Stores the event unless its eventId was seen; says whether it was a duplicate. */
export function recordFeedback(store: WebhookStore, event: FeedbackEvent): { duplicate: boolean } {
  store.received++;
  if (store.seen.has(event.eventId)) {
    store.duplicates++;
    return { duplicate: true };
  }
  store.seen.add(event.eventId);
  store.events.push(event);
  return { duplicate: false };
}

export function webhookSummary(store: WebhookStore): WebhookRecord {
  return { events: [...store.events], duplicates: store.duplicates, received: store.received };
}
