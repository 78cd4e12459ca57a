import * as z from 'zod/mini';
import { Channel, ConversationId, MAX_TURNS, Turn } from './conversation';
import { MAX_PAGE_CHARS, REPORTED_TURNS } from './conversation-limits';
import { DesktopProblem, TabDesktopDiagnostics } from './desktop-diagnostics';
import { DesktopProfileOverrides } from './desktop-profile-schema';
import { MetricsQuery, MetricsReport } from './metrics/summarize-metrics';
import { OutboxStatus } from './outbox-status';
import { Recommendation } from './recommendation';
import { RecommendationEventInput } from './recommendation-event';
import { SignedInUser, SourceProblem } from './view-state';
import { PanelSettings } from './settings';
import { SupervisorAccess } from './audit/supervisor-access';
import { FleetQueryRequest, FleetQueryResponse, FleetStatus, SetFleetSecrets } from './fleet/fleet-status';

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
  /** The customer's name as the desktop shows it: matches the API's conversation when the page shows no id. */
  participantName: z.optional(z.string().check(z.maxLength(200))),
  /** The conversation's subject as the desktop shows it, for the panel's header. */
  subject: z.optional(z.string().check(z.maxLength(200))),
  /** When the conversation started, as the desktop shows it (ISO 8601), for the same matching. */
  startedAt: z.optional(z.string().check(z.maxLength(64))),
});
export type DesktopContext = z.infer<typeof DesktopContext>;

/** The random id a frame's content script gives itself, so another frame can name it to the worker. */
export const FrameToken = z.string().check(z.regex(/^[0-9a-f]{32}$/));

/**
 * What one frame of the desktop reports. The desktop splits a conversation over frames (the
 * selected interaction in the top frame, its transcript in the messaging gadget's iframe): the
 * worker joins the reports of a tab's frames into one DesktopContext (context-intake.ts).
 */
export const DesktopFrameReport = z.strictObject({
  ...DesktopContext.shape,
  /** This frame's own token. */
  frameToken: z.optional(FrameToken),
  /** The frame that shows this frame's selected conversation (null: found, but its reader has not announced itself). */
  transcriptFrameToken: z.optional(z.nullable(FrameToken)),
  /** Profile selectors that matched nothing here. */
  problems: z.optional(z.array(DesktopProblem).check(z.maxLength(4))),
  /**
   * The frame's own page (origin and path), sent with its problems so the diagnostic names the
   * right page: Chromium can give a gadget iframe's sender URL as about:blank, which the worker
   * then takes for the tab's page (src/background/messaging/sender.ts).
   */
  page: z.optional(z.string().check(z.maxLength(MAX_PAGE_CHARS))),
});
export type DesktopFrameReport = z.infer<typeof DesktopFrameReport>;

/**
 * Which of a frame's reports the worker holds: the content script numbers its reports, so a later
 * one can say "these turns follow report n" instead of repeating the transcript.
 */
const Revision = z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER));

/** A frame's whole report, numbered (a report without a number can only be replaced, not extended). */
export const DesktopReportRequest = z.strictObject({ ...DesktopFrameReport.shape, revision: z.optional(Revision) });
export type DesktopReportRequest = z.infer<typeof DesktopReportRequest>;

/**
 * Only new turns at the end of a frame's transcript, everything else as in report `after` of the
 * same frame (the same content script: same token). The worker applies it only to that report and
 * otherwise answers `applied: false`, and the frame sends its whole report instead.
 */
export const TranscriptAppend = z.strictObject({
  frameToken: FrameToken,
  after: Revision,
  revision: Revision,
  turns: z.array(Turn).check(z.minLength(1), z.maxLength(REPORTED_TURNS)),
});
export type TranscriptAppend = z.infer<typeof TranscriptAppend>;

export const AuthState = z.object({
  signedIn: z.boolean(),
  user: z.nullable(SignedInUser),
});
export type AuthState = z.infer<typeof AuthState>;

/**
 * Why an interactive sign-in did not finish, when the page can help more than the browser's own
 * words: `page-failed` is the login host refusing the request (unknown client id, redirect URI
 * not registered, another region), with what the admin must check.
 */
export const SignInFailure = z.object({
  reason: z.enum(['page-failed']),
  /** The browser's message. */
  detail: z.string(),
  loginHost: z.string(),
  clientId: z.string(),
  /** The redirect URI to register on the OAuth client. */
  redirectUri: z.string(),
});
export type SignInFailure = z.infer<typeof SignInFailure>;

export const SignInResult = z.object({ ...AuthState.shape, failure: z.optional(SignInFailure) });

export const TabRef = z.strictObject({ tabId: z.int().check(z.gte(0)) });

export const KnowledgeSearchRequest = z.strictObject({
  tabId: z.int().check(z.gte(0)),
  query: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
});
export const KnowledgeSearchResponse = z.strictObject({
  results: z.array(Recommendation),
  invalidCount: z.number(),
  searchedKnowledgeBases: z.number(),
  /** Knowledge bases that could not be searched while others were (403: not allowed). */
  sourceProblems: z.optional(z.array(SourceProblem)),
});
export type KnowledgeSearchResponse = z.infer<typeof KnowledgeSearchResponse>;
const RecommendationId = z.string().check(z.minLength(1), z.maxLength(256));

export const InsertIntoReplyRequest = z.strictObject({ tabId: z.int().check(z.gte(0)), recommendationId: RecommendationId });

/**
 * How an insert ended. `no-composer`: the page has no reply box we can write to; `conversation-changed`:
 * the desktop shows another conversation than the recommendation was for; `not-found`: the
 * recommendation is not among the tab's current ones; `no-desktop`: the tab's desktop did not answer.
 */
export const INSERT_OUTCOMES = ['inserted', 'no-composer', 'conversation-changed', 'not-found', 'no-desktop'] as const;
export const InsertOutcome = z.enum(INSERT_OUTCOMES);
export type InsertOutcome = z.infer<typeof InsertOutcome>;

export const InsertIntoReplyResult = z.strictObject({
  outcome: InsertOutcome,
  /** The recorded `insert` event, when the text went in. */
  eventId: z.nullable(z.string()),
});
export type InsertIntoReplyResult = z.infer<typeof InsertIntoReplyResult>;

/** The least the inline overlay needs: how many recommendations, and the best one. */
export const OverlayState = z.strictObject({
  conversationId: ConversationId,
  count: z.int().check(z.gte(0)),
  top: z.nullable(
    z.strictObject({
      id: RecommendationId,
      title: z.string().check(z.maxLength(500)),
      sourceId: z.string().check(z.maxLength(256)),
      /** Plain text or hostile HTML: the overlay reads text out of it, never markup. */
      content: z.string().check(z.maxLength(20_000)),
    }),
  ),
  collapsed: z.boolean(),
});
export type OverlayState = z.infer<typeof OverlayState>;

export const OverlayCollapsed = z.strictObject({ conversationId: ConversationId, collapsed: z.boolean() });

function message<From extends SenderKind, Req extends z.ZodMiniType, Res extends z.ZodMiniType>(from: From, request: Req, response: Res) {
  return { from, request, response };
}

export const MESSAGES = {
  /** Content script → worker: the conversation on screen changed (id, channel or transcript). */
  'desktop/context-changed': message('content-script', DesktopReportRequest, z.strictObject({ accepted: z.boolean() })),
  /** Content script → worker: new messages at the end of the transcript it last reported (nothing else changed). */
  'desktop/transcript-appended': message('content-script', TranscriptAppend, z.strictObject({ applied: z.boolean() })),
  /** Content script → worker: the admin's desktop-profile overrides, validated by the worker. */
  'desktop/get-profile-overrides': message('content-script', Empty, z.strictObject({ overrides: z.nullable(DesktopProfileOverrides) })),
  /** Extension page → worker: start the agent's interactive PKCE sign-in. */
  'page/sign-in': message('extension-page', Empty, SignInResult),
  /** Side panel → worker: the effective settings it shows (policy applied by the worker, so the panel parses none). */
  'page/get-panel-settings': message('extension-page', Empty, PanelSettings),
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
  /** Extension page → worker: can the signed-in user search Genesys Knowledge (whatever the provider)? */
  'page/knowledge-available': message('extension-page', Empty, z.strictObject({ available: z.boolean() })),
  /** Supervisor page → worker: may the signed-in user export the audit log (permission check through the API)? */
  'page/supervisor-access': message('extension-page', Empty, SupervisorAccess),
  /** Supervisor page → worker: sign in to the page's own session (always a login page; the agent's session is untouched). */
  'page/supervisor-sign-in': message('extension-page', Empty, SupervisorAccess),
  /** Supervisor page → worker: end the page's own session (revoked); the agent stays signed in. */
  'page/supervisor-sign-out': message('extension-page', Empty, SupervisorAccess),
  /** Extension page → worker: insert one of the tab's current recommendations into its reply box (relayed to the content script). */
  'page/insert-into-reply': message('extension-page', InsertIntoReplyRequest, InsertIntoReplyResult),
  /** Content script (inline overlay) → worker: open the side panel; sent from a click so the browser sees a user gesture. */
  'desktop/open-panel': message('content-script', Empty, z.strictObject({ opened: z.boolean() })),
  /** Content script → worker: what the inline overlay should show for this frame now (after a reload, say). */
  'desktop/get-overlay-state': message('content-script', Empty, z.strictObject({ state: z.nullable(OverlayState) })),
  /** Content script → worker: the agent collapsed or expanded the inline overlay for a conversation. */
  'desktop/set-overlay-collapsed': message('content-script', OverlayCollapsed, OverlayCollapsed),
  /** Extension page → worker: what the content script could not find on each desktop tab (broken profile selectors). */
  'page/get-desktop-diagnostics': message('extension-page', Empty, z.strictObject({ tabs: z.array(TabDesktopDiagnostics) })),
  /** Extension page → worker: the fleet path's delivery status (ClickHouse), without any password. */
  'page/get-fleet-status': message('extension-page', Empty, FleetStatus),
  /** Options page → worker: set or clear the ClickHouse passwords; the worker keeps them, pages never read them back. */
  'page/set-fleet-secrets': message('extension-page', SetFleetSecrets, FleetStatus),
  /** Supervisor page → worker: one of the shipped fleet queries, run as the read-only user. */
  'page/fleet-query': message('extension-page', FleetQueryRequest, FleetQueryResponse),
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

/**
 * A request on a content script's report port (shared/report-port.ts): a normal envelope with a
 * number, which the worker's PortReply carries back.
 */
export const PortRequest = z.strictObject({ seq: z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)), message: z.unknown() });

export function isMessageType(type: string): type is MessageType {
  return Object.prototype.hasOwnProperty.call(MESSAGES, type);
}

/**
 * Messages the worker sends to a desktop tab's content script (`tabs.sendMessage` to the frame that
 * reported the conversation), kept apart from MESSAGES: the router never accepts these. The content
 * script stays free of zod (docs/performance.md P8) and checks their shape by hand
 * (src/content/worker-messages.ts, held to these schemas by its unit test); the worker validates
 * what it sends and what comes back against them.
 */
export const InsertText = z.strictObject({
  conversationId: ConversationId,
  /** The recommendation's content; the content script inserts its text, never markup. */
  content: z.string().check(z.maxLength(20_000)),
});

export const WORKER_TO_CONTENT = {
  /** Worker → content script: write this recommendation's text into the reply box, at the cursor. */
  'worker/insert-text': { request: InsertText, response: z.strictObject({ outcome: z.enum(['inserted', 'no-composer', 'conversation-changed']) }) },
  /** Worker → content script: what the inline overlay shows now (null: nothing to show). */
  'worker/overlay-state': { request: z.strictObject({ state: z.nullable(OverlayState) }), response: z.strictObject({ shown: z.boolean() }) },
};

export type ContentMessageTable = typeof WORKER_TO_CONTENT;
export type ContentMessageType = keyof ContentMessageTable;
export type ContentRequestOf<T extends ContentMessageType> = z.infer<ContentMessageTable[T]['request']>;
export type ContentResponseOf<T extends ContentMessageType> = z.infer<ContentMessageTable[T]['response']>;
