import type { RecordedEngagement } from './control-api';
import { type ApiContext } from './api';
import { cannedResponse, knowledgeBaseListing } from './copilot';
import { handleKnowledgeEngagement, handleKnowledgeSearch } from './knowledge';
import { type CopilotRoute } from './copilot-routing';
import { copilotStateOf, conversationState, type SimConversationState } from './copilot-state';
import { findSeedConversation, seedConversations, type SeedConversation } from './conversations';
import { type Exchange, type ParsedBody, sendGenesysError, sendJson } from './http-helpers';
import { handleNotificationsApi, publishSuggestion } from './notifications';
import { AGENT } from './users';

/**
 * The `/api/v2` routes for Agent Copilot (suggestions, engagements), the agent's conversations,
 * messaging transcripts, knowledge search and notification channels, answered in the SDK's shapes
 * (purecloud-platform-client-v2: `SuggestionListing`, `ConversationEntityListing`,
 * `MessageConversation`, `TextMessageListing`, `KnowledgeDocumentSearch`, …). Engagements and
 * searches are recorded (`GET /__sim/copilot`) as well as logged.
 */

const MEDIA_FIELDS = { message: 'messages', chat: 'chats', voice: 'calls', email: 'emails' } as const;
const ENGAGEMENT_TYPES = ['Opened', 'Copied', 'Dismissed', 'Feedback'];
const RATINGS = ['Positive', 'Negative'];
const ENGAGEMENT_STATES: Record<string, string> = { Opened: 'Accepted', Copied: 'Accepted', Dismissed: 'Dismissed', Feedback: 'Rated' };

function methodNotAllowed(exchange: Exchange, allowed: string): void {
  sendGenesysError(exchange, 405, 'method.not.allowed', `${exchange.req.method ?? ''} is not allowed here; use ${allowed}`, { Allow: allowed });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function startTime(conversation: SimConversationState, now: number): string {
  return conversation.messages[0]?.timestamp ?? new Date(now - 10 * 60_000).toISOString();
}

/** A seed conversation as `Conversation` (and `ConversationEventTopicConversation`). */
export function conversationBody(seed: SeedConversation, conversation: SimConversationState, now: number): Record<string, unknown> {
  const field = MEDIA_FIELDS[seed.channel];
  const started = startTime(conversation, now);
  const agentState = conversation.endedAt ? 'disconnected' : 'connected';
  const media = (suffix: string, state: string) => [
    {
      id: `${seed.id.slice(0, 24)}${suffix}`,
      state,
      direction: 'inbound',
      ...(seed.channel === 'message' && { type: 'webmessaging', messages: conversation.messages.map((message) => ({ messageId: message.id, messageTime: message.timestamp })) }),
    },
  ];
  return {
    id: seed.id,
    startTime: started,
    ...(conversation.endedAt && { endTime: conversation.endedAt }),
    participants: [
      { id: `${seed.id.slice(0, 24)}c0000001`, purpose: 'customer', name: seed.customerName, startTime: started, [field]: media('c0000011', 'connected') },
      {
        id: `${seed.id.slice(0, 24)}a0000001`,
        purpose: 'agent',
        userId: AGENT.id,
        name: AGENT.name,
        queueName: seed.queue,
        startTime: started,
        ...(conversation.endedAt && { endTime: conversation.endedAt }),
        [field]: media('a0000011', agentState),
      },
    ],
    recordingState: 'none',
    selfUri: `/api/v2/conversations/${seed.id}`,
  };
}

function seedOr404(exchange: Exchange, id: string): SeedConversation | null {
  const seed = findSeedConversation(id);
  if (!seed) sendGenesysError(exchange, 404, 'not.found', `Conversation ${id} not found`);
  return seed ?? null;
}

function handleConversations(exchange: Exchange, context: ApiContext): void {
  if (exchange.req.method !== 'GET') return methodNotAllowed(exchange, 'GET');
  const copilot = copilotStateOf(context.state);
  const now = context.state.now();
  const id = exchange.url.pathname.split('/')[4];
  if (id) {
    const seed = seedOr404(exchange, id);
    if (seed) sendJson(exchange, 200, conversationBody(seed, conversationState(copilot, seed.id), now));
    return;
  }
  // The agent's active conversations: every seed conversation the agent has not left.
  const active = seedConversations
    .filter((seed) => context.token.userId === AGENT.id && !conversationState(copilot, seed.id).endedAt)
    .map((seed) => conversationBody(seed, conversationState(copilot, seed.id), now));
  sendJson(exchange, 200, { entities: active, pageSize: 25, pageNumber: 1, total: active.length, pageCount: 1, selfUri: '/api/v2/conversations' });
}

function handleMessages(exchange: Exchange, context: ApiContext, body: ParsedBody): void {
  const [, , , , , id, , bulk] = exchange.url.pathname.split('/');
  const seed = seedOr404(exchange, id ?? '');
  if (!seed) return;
  if (seed.channel !== 'message') return sendGenesysError(exchange, 400, 'bad.request', `Conversation ${seed.id} is not a messaging conversation`);
  const conversation = conversationState(copilotStateOf(context.state), seed.id);
  if (bulk === 'bulk') {
    if (exchange.req.method !== 'POST') return methodNotAllowed(exchange, 'POST');
    const ids = body.kind === 'json' ? body.value : undefined;
    if (!Array.isArray(ids) || !ids.every((entry) => typeof entry === 'string')) return sendGenesysError(exchange, 400, 'bad.request', 'The body must be an array of message ids');
    if (ids.length > 1000) return sendGenesysError(exchange, 400, 'bad.request', 'At most 1000 message ids');
    const wanted = new Set(ids);
    const entities = conversation.messages
      .filter((message) => wanted.has(message.id))
      .map((message) => {
        const inbound = message.author === 'customer';
        return {
          id: message.id,
          providerMessageId: message.id,
          timestamp: message.timestamp,
          fromAddress: inbound ? `customer-${seed.id.slice(0, 8)}` : 'agent-assist-sim',
          toAddress: inbound ? 'agent-assist-sim' : `customer-${seed.id.slice(0, 8)}`,
          direction: inbound ? 'inbound' : 'outbound',
          messengerType: 'open',
          status: inbound ? 'received' : 'delivered',
          normalizedMessage: { id: message.id, type: 'Text', text: message.text, direction: inbound ? 'Inbound' : 'Outbound' },
          conversationId: seed.id,
          selfUri: `/api/v2/conversations/messages/${seed.id}/messages/${message.id}`,
        };
      });
    return sendJson(exchange, 200, { entities });
  }
  if (exchange.req.method !== 'GET') return methodNotAllowed(exchange, 'GET');
  const message = (author: 'customer' | 'agent') =>
    conversation.messages
      .filter((entry) => entry.author === author)
      .map((entry) => ({ messageId: entry.id, messageURI: `/api/v2/conversations/messages/${seed.id}/messages/${entry.id}`, messageStatus: author === 'customer' ? 'received' : 'delivered', messageTime: entry.timestamp }));
  sendJson(exchange, 200, {
    id: seed.id,
    participants: [
      { id: `${seed.id.slice(0, 24)}c0000001`, name: seed.customerName, purpose: 'customer', state: 'connected', direction: 'inbound', messages: message('customer') },
      { id: `${seed.id.slice(0, 24)}a0000001`, name: AGENT.name, purpose: 'agent', state: 'connected', user: { id: AGENT.id }, messages: message('agent') },
    ],
    selfUri: `/api/v2/conversations/messages/${seed.id}`,
  });
}

function handleSuggestions(exchange: Exchange, context: ApiContext): void {
  if (exchange.req.method !== 'GET') return methodNotAllowed(exchange, 'GET');
  const id = exchange.url.pathname.split('/')[4] ?? '';
  const seed = seedOr404(exchange, id);
  if (!seed) return;
  const params = exchange.url.searchParams;
  const pageSize = Number(params.get('pageSize') ?? '25');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) return sendGenesysError(exchange, 400, 'bad.request', 'pageSize must be 1–200');
  const after = Number(params.get('after') ?? '0');
  if (!Number.isInteger(after) || after < 0) return sendGenesysError(exchange, 400, 'bad.request', 'after is not a cursor this listing gave');
  let entries = conversationState(copilotStateOf(context.state), seed.id).suggestions.map((entry) => entry.suggestion);
  const type = params.get('type');
  const state = params.get('state');
  if (type) entries = entries.filter((entry) => entry.type === type);
  if (state) entries = entries.filter((entry) => entry.state === state);
  const page = entries.slice(after, after + pageSize);
  const base = `/api/v2/conversations/${seed.id}/suggestions`;
  const more = after + pageSize < entries.length;
  sendJson(exchange, 200, {
    entities: page,
    ...(more && { nextUri: `${base}?pageSize=${pageSize}&after=${after + pageSize}` }),
    ...(after > 0 && { previousUri: `${base}?pageSize=${pageSize}&before=${after}` }),
    selfUri: `${base}?pageSize=${pageSize}${after ? `&after=${after}` : ''}`,
  });
}

function handleEngagement(exchange: Exchange, context: ApiContext, body: ParsedBody): void {
  if (exchange.req.method !== 'POST') return methodNotAllowed(exchange, 'POST');
  const [, , , , conversationId = '', , suggestionId = ''] = exchange.url.pathname.split('/');
  const seed = seedOr404(exchange, conversationId);
  if (!seed) return;
  const value = body.kind === 'json' ? body.value : undefined;
  if (!isRecord(value) || typeof value.engagementType !== 'string' || !ENGAGEMENT_TYPES.includes(value.engagementType)) {
    return sendGenesysError(exchange, 400, 'bad.request', `engagementType must be one of ${ENGAGEMENT_TYPES.join(', ')}`);
  }
  const feedback = value.feedback;
  if (value.engagementType === 'Feedback' && (!isRecord(feedback) || typeof feedback.rating !== 'string' || !RATINGS.includes(feedback.rating))) {
    return sendGenesysError(exchange, 400, 'bad.request', `feedback.rating must be one of ${RATINGS.join(', ')} for Feedback`);
  }
  const copilot = copilotStateOf(context.state);
  const entry = conversationState(copilot, seed.id).suggestions.find((candidate) => candidate.suggestion.id === decodeURIComponent(suggestionId));
  if (!entry) return sendGenesysError(exchange, 404, 'not.found', `Suggestion ${suggestionId} not found`);
  // Checked above: engagementType is one of ENGAGEMENT_TYPES, and Feedback carries a rating.
  copilot.engagements.push({ conversationId: seed.id, suggestionId: entry.suggestion.id, body: value as RecordedEngagement['body'], at: context.state.now() });
  entry.suggestion.state = ENGAGEMENT_STATES[value.engagementType] ?? entry.suggestion.state;
  // Genesys fires a new event with the updated state (other UIs listen for it).
  publishSuggestion(context.state, seed.id, entry);
  sendJson(exchange, 200, value);
}

export function handleCopilotApi(exchange: Exchange, route: CopilotRoute, context: ApiContext, body: ParsedBody): void {
  switch (route) {
    case 'conversations':
      return handleConversations(exchange, context);
    case 'messages':
      return handleMessages(exchange, context, body);
    case 'suggestions':
      return handleSuggestions(exchange, context);
    case 'engagement':
      return handleEngagement(exchange, context, body);
    case 'knowledge-bases':
      if (exchange.req.method !== 'GET') return methodNotAllowed(exchange, 'GET');
      return sendJson(exchange, 200, knowledgeBaseListing(context.state.now()));
    case 'knowledge-search':
      return handleKnowledgeSearch(exchange, context, body);
    case 'knowledge-engagement':
      return handleKnowledgeEngagement(exchange, context, body);
    case 'responses': {
      if (exchange.req.method !== 'GET') return methodNotAllowed(exchange, 'GET');
      const responseId = decodeURIComponent(exchange.url.pathname.split('/').at(-1) ?? '');
      const found = cannedResponse(responseId, context.state.now());
      return found ? sendJson(exchange, 200, found) : sendGenesysError(exchange, 404, 'not.found', `Response ${responseId} not found`);
    }
    case 'notifications':
      return handleNotificationsApi(exchange, context, body);
  }
}
