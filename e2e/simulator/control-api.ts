import type { FaultKind } from './faults';
import type { RouteName } from './routing';
import type { FeedbackEvent } from './webhook';

/**
 * What the control API under `/__sim/` (control.ts, copilot-control.ts, knowledge.ts) answers, as
 * JSON. The simulator builds its answers with these types and the tests' helpers in e2e/support
 * read them with the same ones, so a change to either side is a type error on the other.
 * Types only: the support side must not load the simulator's modules just to read a record.
 */

export type { FaultRule } from './faults';

/** One request the simulator received (`GET /__sim/requests`). */
export interface RecordedRequest {
  route: RouteName;
  method: string;
  /** Path and query string. */
  path: string;
  /** When the request arrived, epoch ms (so tests can measure gaps, e.g. against Retry-After). */
  at: number;
  /** Lower-case names; Authorization shown as `Bearer …last4`, cookies redacted. */
  headers: Record<string, string>;
  /** Parsed JSON, the form fields, raw text, or null. */
  body: unknown;
  /** The status sent, or null while pending, for hung and reset requests. */
  status: number | null;
  correlationId: string;
  /** The injected fault that decided the answer, if any. */
  fault?: FaultKind;
}

/** `GET /__sim/requests`. */
export interface RequestsRecord {
  requests: RecordedRequest[];
}

/** `GET /__sim/webhook`: the feedback webhook's events, unique by eventId, and how many came twice. */
export interface WebhookRecord {
  events: FeedbackEvent[];
  duplicates: number;
  /** Every accepted POST, duplicates included. */
  received: number;
}

/** A Copilot engagement as the simulator accepted it: its type checked, feedback with a rating. */
export interface RecordedEngagement {
  conversationId: string;
  suggestionId: string;
  body: Record<string, unknown> & { engagementType: string; feedback?: { rating: string } };
  at: number;
}

/** A knowledge search, its body held to `KnowledgeDocumentSearchRequest` (knowledge.ts). */
export interface RecordedSearch {
  knowledgeBaseId: string;
  body: Record<string, unknown> & { query: string; queryType?: string; conversationContext?: { conversationId: string } };
  at: number;
}

/** A knowledge engagement call (presentations, views, copies, feedback), its body checked. */
export interface RecordedKnowledgeEngagement {
  kind: 'presentations' | 'views' | 'copies' | 'feedback';
  knowledgeBaseId: string;
  documentId: string | null;
  body: Record<string, unknown>;
  at: number;
}

/** A suggestion as `GET /__sim/copilot` lists it (REST shape). */
export type SimSuggestionRecord = Record<string, unknown> & {
  id: string;
  type: string;
  state: string;
  knowledgeSearch?: { confidence: number; title: string };
};

/** `GET /__sim/copilot`. */
export interface CopilotRecord {
  config: { suggestionDelayMs: number; heartbeatMs: number; channelLifetimeSeconds: number };
  conversations: Record<string, { messages: { id: string; author: string; text: string; timestamp: string }[]; suggestions: SimSuggestionRecord[]; endedAt: string | null }>;
  engagements: RecordedEngagement[];
  searches: RecordedSearch[];
}

/** `GET /__sim/notifications`. */
export interface NotificationsRecord {
  channels: { id: string; userId: string; subscriptions: string[]; connected: boolean; expired: boolean; expiresAt: number }[];
  /** WebSocket connections accepted, ever (reconnects show up here). */
  connections: number;
  delivered: { channelId: string; topicName: string; suggestionId?: string; at: number }[];
}

/** `GET /__sim/knowledge`. */
export interface KnowledgeRecord {
  forbidden: string[];
  searches: RecordedSearch[];
  engagements: RecordedKnowledgeEngagement[];
}
