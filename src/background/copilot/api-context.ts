import type { DesktopContext } from '../../shared/messages';
import type { ApiClient } from '../genesys/api-client';
import { Conversation, ConversationEntityListing, MessageConversation, MessageData, TextMessageListing } from '../genesys/copilot-schemas';
import { activeConversationsFrom, applyConversationEvent, mergeTranscripts, resolveConversation, transcriptFromMessages, type ActiveConversation } from './active-conversations';

/**
 * Genesys mode's view of the context (docs/genesys-api.md "Context the worker can get from the API"):
 * the agent's active conversations (`GET /api/v2/conversations`, kept current by the
 * conversations topic) decide the conversation id and channel; for messaging, the transcript is
 * read from the messages API (ids, then only the bodies we have not seen, in bulk). In memory:
 * a restarted worker simply asks again.
 */
export const ACTIVE_CONVERSATIONS_TTL_MS = 30_000;
/** Repeated refreshes in a burst (several frames, live events) share one transcript read. */
export const TRANSCRIPT_REUSE_MS = 2000;
const MAX_MESSAGES = 100;

export interface ApiContextDeps {
  api: ApiClient;
  agentId(): Promise<string>;
  now?: () => number;
}

export interface ApiContextResolver {
  resolve(context: DesktopContext, signal: AbortSignal): Promise<DesktopContext>;
  /** A `v2.users.{id}.conversations` event: updates the list and marks its transcript as changed. */
  onConversationEvent(conversation: Conversation, agentId: string): void;
  forget(): void;
}

export function createApiContextResolver(deps: ApiContextDeps): ApiContextResolver {
  const now = deps.now ?? Date.now;
  let active: { agentId: string; list: ActiveConversation[]; fetchedAt: number } | null = null;
  const transcripts = new Map<string, { bodies: Map<string, MessageData>; readAt: number; changed: boolean }>();

  async function activeConversations(agentId: string, signal: AbortSignal): Promise<ActiveConversation[]> {
    if (active && active.agentId === agentId && now() - active.fetchedAt < ACTIVE_CONVERSATIONS_TTL_MS) return active.list;
    const listing = await deps.api.request({ method: 'GET', path: '/api/v2/conversations', schema: ConversationEntityListing, signal });
    const conversations = (listing.entities ?? []).flatMap((entry) => {
      const parsed = Conversation.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
    active = { agentId, list: activeConversationsFrom(conversations, agentId), fetchedAt: now() };
    return active.list;
  }

  async function messagingTranscript(conversationId: string, signal: AbortSignal): Promise<DesktopContext['transcript']> {
    let known = transcripts.get(conversationId);
    if (known && !known.changed && now() - known.readAt < TRANSCRIPT_REUSE_MS) return transcriptFromMessages([...known.bodies.values()]);
    const path = `/api/v2/conversations/messages/${encodeURIComponent(conversationId)}`;
    const conversation = await deps.api.request({ method: 'GET', path, schema: MessageConversation, signal });
    const ids = (conversation.participants ?? []).flatMap((participant) => (participant.messages ?? []).map((message) => message.messageId ?? '')).filter((id) => id !== '');
    const recent = [...new Set(ids)].slice(-MAX_MESSAGES);
    known ??= { bodies: new Map(), readAt: 0, changed: false };
    const missing = recent.filter((id) => !known.bodies.has(id));
    if (missing.length > 0) {
      const listing = await deps.api.request({ method: 'POST', path: `${path}/messages/bulk`, body: missing, schema: TextMessageListing, signal });
      for (const entry of listing.entities ?? []) {
        const parsed = MessageData.safeParse(entry);
        if (parsed.success) known.bodies.set(parsed.data.id, parsed.data);
      }
    }
    const keep = new Set(recent);
    for (const id of [...known.bodies.keys()]) if (!keep.has(id)) known.bodies.delete(id);
    transcripts.set(conversationId, { bodies: known.bodies, readAt: now(), changed: false });
    return transcriptFromMessages([...known.bodies.values()]);
  }

  return {
    async resolve(context, signal) {
      const agentId = await deps.agentId();
      const resolved = resolveConversation(context, await activeConversations(agentId, signal));
      let transcript = context.transcript;
      // The page's transcript is this conversation's when the page named it, or showed it without an id.
      const pageShowsIt = context.conversationId === null || context.conversationId === resolved.conversationId;
      if (resolved.confirmed && resolved.channel === 'message' && resolved.conversationId) {
        const fromApi = await messagingTranscript(resolved.conversationId, signal).catch((error: unknown) => {
          console.warn('[agent-assist] could not read the messaging transcript', error);
          return [];
        });
        // Who said what comes from the API's message directions; the page adds what the API has not listed yet.
        if (fromApi.length > 0) transcript = pageShowsIt ? mergeTranscripts(context.transcript, fromApi) : fromApi;
        else if (!pageShowsIt) transcript = [];
      } else if (!pageShowsIt) {
        // The page shows another conversation than the live one: its transcript is not this one's.
        transcript = [];
      }
      return { ...context, conversationId: resolved.conversationId, channel: resolved.channel, transcript };
    },
    onConversationEvent(conversation, agentId) {
      if (active && active.agentId === agentId) active = { ...active, list: applyConversationEvent(active.list, conversation, agentId) };
      const known = transcripts.get(conversation.id);
      if (known) known.changed = true;
    },
    forget() {
      active = null;
      transcripts.clear();
    },
  };
}
