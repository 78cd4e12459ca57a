import type { Channel, Turn } from '../../shared/conversation';
import { MAX_TURN_CHARS, MAX_TURNS } from '../../shared/conversation-limits';
import type { Conversation, ConversationParticipant, MessageData } from '../genesys/copilot-schemas';

/**
 * What the API says about the agent's conversations, and how it combines with what the page
 * shows (GENESYS-DESKTOP.md "Conversation id"): the page tells which conversation the agent looks
 * at; the API is the truth for ids and channels when the two disagree; for messaging, the
 * transcript comes from the messages API. All pure.
 */
export interface ActiveConversation {
  id: string;
  channel: Channel;
}

const ENDED_STATES = new Set(['disconnected', 'terminated']);
const MEDIA_CHANNELS: readonly [keyof ConversationParticipant, Channel][] = [
  ['messages', 'message'],
  ['chats', 'chat'],
  ['calls', 'voice'],
  ['emails', 'email'],
  ['callbacks', 'callback'],
];

/** The channel of a participant's live media session, or null when it has none still connected. */
export function liveChannelOf(participant: ConversationParticipant): Channel | null {
  if (participant.endTime) return null;
  for (const [field, channel] of MEDIA_CHANNELS) {
    const sessions = participant[field] as { state?: string | undefined }[] | undefined;
    if (sessions?.some((session) => !ENDED_STATES.has((session.state ?? '').toLowerCase()))) return channel;
  }
  return null;
}

/** The conversation as the agent is in it, or null when the agent is not (or no longer) in it. */
export function activeConversationOf(conversation: Conversation, agentId: string): ActiveConversation | null {
  if (conversation.endTime) return null;
  const mine = (conversation.participants ?? []).filter((participant) => participant.userId === agentId);
  for (const participant of mine) {
    const channel = liveChannelOf(participant);
    if (channel) return { id: conversation.id, channel };
  }
  return null;
}

export function activeConversationsFrom(conversations: readonly Conversation[], agentId: string): ActiveConversation[] {
  return conversations.map((conversation) => activeConversationOf(conversation, agentId)).filter((entry): entry is ActiveConversation => entry !== null);
}

/** A `v2.users.{id}.conversations` event applied to the list: added, updated, or removed when over. */
export function applyConversationEvent(list: readonly ActiveConversation[], conversation: Conversation, agentId: string): ActiveConversation[] {
  const others = list.filter((entry) => entry.id !== conversation.id);
  const active = activeConversationOf(conversation, agentId);
  return active ? [...others, active] : others;
}

export interface ResolvedConversation {
  conversationId: string | null;
  channel: Channel | null;
  /** Whether the API confirmed (or chose) the conversation. */
  confirmed: boolean;
}

/**
 * - The page's conversation is one of the agent's active ones: that one, with the API's channel.
 * - The page shows none, or one the API does not know, and the agent has exactly one: the API's.
 * - Otherwise the page's (the agent may be reading an ended conversation; with several active
 *   ones and no id on the page we cannot tell which is on screen, and guessing would be worse).
 */
export function resolveConversation(page: { conversationId: string | null; channel: Channel | null }, active: readonly ActiveConversation[]): ResolvedConversation {
  const match = page.conversationId === null ? undefined : active.find((entry) => entry.id === page.conversationId);
  if (match) return { conversationId: match.id, channel: match.channel, confirmed: true };
  if (active.length === 1) return { conversationId: active[0]!.id, channel: active[0]!.channel, confirmed: true };
  return { conversationId: page.conversationId, channel: page.channel, confirmed: false };
}

/** Message bodies in time order as turns: inbound is the customer, outbound the agent. */
export function transcriptFromMessages(messages: readonly MessageData[]): Turn[] {
  const ordered = [...messages].sort((a, b) => (Date.parse(a.timestamp ?? '') || 0) - (Date.parse(b.timestamp ?? '') || 0));
  const turns: Turn[] = [];
  for (const message of ordered) {
    const text = (message.normalizedMessage?.text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TURN_CHARS);
    if (!text) continue;
    turns.push({ role: message.direction?.toLowerCase() === 'inbound' ? 'customer' : 'agent', text });
  }
  return turns.slice(-MAX_TURNS);
}
