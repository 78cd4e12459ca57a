import * as z from 'zod/mini';
import { Channel, ConversationId, MAX_TURNS, Turn } from './conversation';
import { DesktopProfileOverrides } from './desktop-profile-schema';
import { MetricsQuery, MetricsReport } from './metrics/summarize-metrics';
import { OutboxStatus } from './outbox-status';
import { Recommendation } from './recommendation';
import { RecommendationEventInput } from './recommendation-event';
import { SignedInUser } from './view-state';
import { SupervisorAccess } from './audit/supervisor-access';

/**
 * Every message that crosses a context boundary, in one table: its name (which says where it comes
 * from), the only kind of sender allowed to send it, and the schemas of its request and response.
 * The worker's router validates requests against this table; senders validate the responses.
 */

/** Who really sent a message, as established by the router from the browser's sender record. */
export type SenderKind = 'content-script' | 'extension-page';

const Empty = z.strictObject({});

/** What the content script reads off the desktop. The worker adds the tab and frame itself. */
export const DesktopContext = z.strictObject({
  conversationId: z.nullable(ConversationId),
  channel: z.nullable(Channel),
  transcript: z.array(Turn).check(z.maxLength(MAX_TURNS)),
  /** The desktop profile that produced it, for diagnostics. */
  profileId: z.string().check(z.maxLength(64)),
});
export type DesktopContext = z.infer<typeof DesktopContext>;

export const AuthState = z.object({
  signedIn: z.boolean(),
  user: z.nullable(SignedInUser),
});
export type AuthState = z.infer<typeof AuthState>;

export const TabRef = z.strictObject({ tabId: z.int().check(z.gte(0)) });

export const KnowledgeSearchRequest = z.strictObject({
  tabId: z.int().check(z.gte(0)),
  query: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
});
export const KnowledgeSearchResponse = z.strictObject({
  results: z.array(Recommendation),
  invalidCount: z.number(),
  searchedKnowledgeBases: z.number(),
});
export type KnowledgeSearchResponse = z.infer<typeof KnowledgeSearchResponse>;

function message<From extends SenderKind, Req extends z.ZodMiniType, Res extends z.ZodMiniType>(from: From, request: Req, response: Res) {
  return { from, request, response };
}

export const MESSAGES = {
  /** Content script → worker: the conversation on screen changed (id, channel or transcript). */
  'desktop/context-changed': message('content-script', DesktopContext, z.strictObject({ accepted: z.boolean() })),
  /** Content script → worker: the admin's desktop-profile overrides, validated by the worker. */
  'desktop/get-profile-overrides': message('content-script', Empty, z.strictObject({ overrides: z.nullable(DesktopProfileOverrides) })),
  /** Extension page → worker: start the interactive PKCE sign-in. */
  'page/sign-in': message('extension-page', Empty, AuthState),
  /** Extension page → worker: revoke the token and forget everything sensitive. */
  'page/sign-out': message('extension-page', Empty, AuthState),
  /** Extension page → worker: the agent opened, copied, inserted, rated, dismissed or saw a recommendation. */
  'page/record-event': message('extension-page', RecommendationEventInput, z.strictObject({ eventId: z.string() })),
  /** Content script (inline overlay) → worker: the same, from the desktop. */
  'desktop/record-event': message('content-script', RecommendationEventInput, z.strictObject({ eventId: z.string() })),
  /** Extension page → worker: run the pipeline again for a tab now (the "Retry" button). */
  'page/refresh': message('extension-page', TabRef, z.strictObject({ queued: z.boolean() })),
  /** Extension page → worker: CTR, latency percentiles, rejected items and provider errors for a day range. */
  'page/get-metrics': message('extension-page', MetricsQuery, MetricsReport),
  /** Extension page → worker: what the feedback outbox holds, parked events and its warning. */
  'page/get-outbox-status': message('extension-page', Empty, OutboxStatus),
  /** Extension page → worker: the agent's own knowledge search for the tab's conversation (Genesys mode). */
  'page/knowledge-search': message('extension-page', KnowledgeSearchRequest, KnowledgeSearchResponse),
  /** Supervisor page → worker: may the signed-in user export the audit log (permission check through the API)? */
  'page/supervisor-access': message('extension-page', Empty, SupervisorAccess),
};

export type MessageTable = typeof MESSAGES;
export type MessageType = keyof MessageTable;
export type RequestOf<T extends MessageType> = z.infer<MessageTable[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<MessageTable[T]['response']>;

/** What travels on the wire. */
export const Envelope = z.strictObject({ type: z.string().check(z.maxLength(64)), data: z.unknown() });

export const ERROR_CODES = ['bad-sender', 'bad-request', 'unknown-type', 'failed'] as const;
export type RouterErrorCode = (typeof ERROR_CODES)[number];

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: RouterErrorCode; message: string } };

export const ReplyEnvelope = z.union([
  z.strictObject({ ok: z.literal(true), data: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() }) }),
]);

export function isMessageType(type: string): type is MessageType {
  return Object.prototype.hasOwnProperty.call(MESSAGES, type);
}
