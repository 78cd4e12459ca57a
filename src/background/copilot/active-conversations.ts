import type { Channel, Turn } from '../../shared/conversation';
import { MAX_TURN_CHARS, MAX_TURNS } from '../../shared/conversation-limits';
import type { Conversation, ConversationParticipant, MessageData } from '../genesys/copilot-schemas';

/**
 * What the API says about the agent's conversations, and how it combines with what the page
 * shows (docs/desktop-profile.md "Conversation id"): the page tells which conversation the agent looks
 * at; the API is the truth for ids and channels when the two disagree; for messaging, the
 * transcript comes from the messages API. All pure.
 */
export interface ActiveConversation {
  id: string;
  channel: Channel;
  /** The customer's name, to match a selection the page shows without an id. */
  customerName?: string;
  startTime?: string;
}

/** What the page says about the conversation on screen. */
export interface PageConversation {
  conversationId: string | null;
  channel: Channel | null;
  participantName?: string | undefined;
  startedAt?: string | undefined;
}

/** How far the start time the page shows may be from the API's (the page may round to the minute). */
export const START_TIME_TOLERANCE_MS = 2 * 60_000;

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
  const customerName = (conversation.participants ?? []).find((participant) => participant.purpose === 'customer' && participant.name)?.name;
  for (const participant of mine) {
    const channel = liveChannelOf(participant);
    if (channel) return { id: conversation.id, channel, ...(customerName && { customerName }), ...(conversation.startTime && { startTime: conversation.startTime }) };
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

function normalName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether an active conversation fits what the page shows (its channel, customer name, start time). */
function fitsPage(page: PageConversation, entry: ActiveConversation): boolean {
  if (page.channel !== null && page.channel !== 'unknown' && entry.channel !== page.channel) return false;
  if (page.participantName !== undefined && (entry.customerName === undefined || normalName(entry.customerName) !== normalName(page.participantName))) return false;
  const pageStart = page.startedAt === undefined ? NaN : Date.parse(page.startedAt);
  const apiStart = entry.startTime === undefined ? NaN : Date.parse(entry.startTime);
  if (!Number.isNaN(pageStart) && !Number.isNaN(apiStart) && Math.abs(pageStart - apiStart) > START_TIME_TOLERANCE_MS) return false;
  return true;
}

/**
 * - The page's conversation is one of the agent's active ones: that one, with the API's channel.
 * - The page shows a selection the API can match (customer name, start time; with no id on the
 *   page, the channel too): the one active conversation that fits, even over an id the API does
 *   not know (the API wins). Hints that fit none or several: the page's, unconfirmed — no guess.
 * - No hints, and the agent has exactly one active conversation: the API's.
 * - Otherwise the page's (the agent may be reading an ended conversation; with several active
 *   ones and no id on the page we cannot tell which is on screen, and guessing would be worse).
 */
export function resolveConversation(page: PageConversation, active: readonly ActiveConversation[]): ResolvedConversation {
  const match = page.conversationId === null ? undefined : active.find((entry) => entry.id === page.conversationId);
  if (match) return { conversationId: match.id, channel: match.channel, confirmed: true };
  const named = page.participantName !== undefined || page.startedAt !== undefined;
  const hinted = named || (page.conversationId === null && page.channel !== null && page.channel !== 'unknown');
  if (hinted) {
    const fitting = active.filter((entry) => fitsPage(page, entry));
    if (fitting.length === 1) return { conversationId: fitting[0]!.id, channel: fitting[0]!.channel, confirmed: true };
    return { conversationId: page.conversationId, channel: page.channel, confirmed: false };
  }
  if (active.length === 1) return { conversationId: active[0]!.id, channel: active[0]!.channel, confirmed: true };
  return { conversationId: page.conversationId, channel: page.channel, confirmed: false };
}

function normalText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The messages API's transcript (roles from each message's `direction`) completed by what the
 * page shows after the last line both know: the page renders a message before the API lists it.
 * A page transcript that shares no line with the API's is another conversation's, and is dropped.
 */
export function mergeTranscripts(page: readonly Turn[], api: readonly Turn[]): Turn[] {
  if (api.length === 0) return [...page];
  const known = new Set(api.map((turn) => normalText(turn.text)));
  let lastShared = -1;
  for (let index = page.length - 1; index >= 0; index--) {
    if (known.has(normalText(page[index]!.text))) {
      lastShared = index;
      break;
    }
  }
  if (lastShared === -1) return [...api];
  return [...api, ...page.slice(lastShared + 1)].slice(-MAX_TURNS);
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
