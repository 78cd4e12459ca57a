import type { WebSocket } from 'ws';
import type { RecordedEngagement, RecordedSearch } from './control-api';
import type { SimulatorState } from './state';

/**
 * What the simulator remembers for Agent Copilot, live notifications and knowledge search, kept
 * beside (not inside) SimulatorState so the foundation's state stays as it was. In memory only;
 * `POST /__sim/reset` clears it with the rest.
 */

export interface SimMessage {
  id: string;
  author: 'customer' | 'agent';
  text: string;
  /** ISO 8601. */
  timestamp: string;
}

/** A suggestion as GET …/suggestions lists it (the SDK's `Suggestion`), plus the topic it is published on. */
export interface SimSuggestion {
  /** REST shape. */
  suggestion: Record<string, unknown> & { id: string; state: string };
  /** Null for types no Copilot topic carries (FAQs come from Agent Assist; the listing has them). */
  topicSuffix: 'knowledge.search' | 'knowledge.article' | 'response' | 'script' | null;
  /** The rule or article that produced it, so each is suggested once per conversation. */
  key: string;
}

export interface SimConversationState {
  messages: SimMessage[];
  suggestions: SimSuggestion[];
  /** When the agent's participant disconnected (GET /api/v2/conversations then leaves it out). */
  endedAt: string | null;
}

export interface SimChannel {
  id: string;
  userId: string;
  connectUri: string;
  createdAt: number;
  expiresAt: number;
  subscriptions: Set<string>;
  socket: WebSocket | null;
  heartbeat: ReturnType<typeof setInterval> | null;
  expired: boolean;
}

export interface DeliveredEvent {
  channelId: string;
  topicName: string;
  suggestionId?: string;
  at: number;
}

export interface CopilotConfig {
  /** How long Copilot "thinks" before a suggestion is made. */
  suggestionDelayMs: number;
  /** Heartbeat period on every socket (Genesys: about 30 s). */
  heartbeatMs: number;
  /** Channel lifetime (Genesys: 24 h). */
  channelLifetimeSeconds: number;
}

export const DEFAULT_COPILOT_CONFIG: CopilotConfig = { suggestionDelayMs: 100, heartbeatMs: 30_000, channelLifetimeSeconds: 86_400 };

export interface CopilotState {
  config: CopilotConfig;
  conversations: Map<string, SimConversationState>;
  engagements: RecordedEngagement[];
  searches: RecordedSearch[];
  channels: Map<string, SimChannel>;
  delivered: DeliveredEvent[];
  /** WebSocket connections accepted, ever (reconnects show up here). */
  connections: number;
  /** Timers for suggestions still being "thought about". */
  pending: Set<ReturnType<typeof setTimeout>>;
}

const states = new WeakMap<SimulatorState, CopilotState>();

function fresh(): CopilotState {
  return {
    config: { ...DEFAULT_COPILOT_CONFIG },
    conversations: new Map(),
    engagements: [],
    searches: [],
    channels: new Map(),
    delivered: [],
    connections: 0,
    pending: new Set(),
  };
}

export function copilotStateOf(state: SimulatorState): CopilotState {
  let copilot = states.get(state);
  if (!copilot) {
    copilot = fresh();
    states.set(state, copilot);
  }
  return copilot;
}

export function conversationState(copilot: CopilotState, conversationId: string): SimConversationState {
  let conversation = copilot.conversations.get(conversationId);
  if (!conversation) {
    conversation = { messages: [], suggestions: [], endedAt: null };
    copilot.conversations.set(conversationId, conversation);
  }
  return conversation;
}

/** Closes every socket and forgets everything (reset, and the server closing). */
export function resetCopilot(state: SimulatorState): void {
  const copilot = states.get(state);
  if (!copilot) return;
  for (const timer of copilot.pending) clearTimeout(timer);
  for (const channel of copilot.channels.values()) {
    if (channel.heartbeat) clearInterval(channel.heartbeat);
    channel.socket?.terminate();
  }
  states.set(state, fresh());
}
