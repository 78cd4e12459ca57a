import * as z from 'zod/mini';
import { Channel, ConversationId } from './conversation';
import { HiddenRecommendation, OtherSuggestion, Recommendation } from './recommendation';

/**
 * What the worker publishes for one desktop tab (storage.session `view:<tabId>`); the side panel
 * and the inline overlay only render it.
 */
export const VIEW_STATUSES = [
  'not-configured', // no region/client id yet: go to the options page
  'signed-out', // no token: sign in
  'no-conversation', // the desktop shows no conversation we can identify
  'waiting-for-transcript', // a conversation, but nothing said yet to match articles against
  'loading', // a request is under way; previous results stay visible
  'ready',
  'error',
] as const;
export const ViewStatus = z.enum(VIEW_STATUSES);
export type ViewStatus = z.infer<typeof ViewStatus>;

/** `forbidden`: a 403, which no retry fixes: the agent's administrator must grant something. */
export const ERROR_KINDS = ['auth', 'forbidden', 'rate-limited', 'offline', 'timeout', 'provider', 'invalid-response'] as const;

/** What a 403 said is missing: a permission of the user's roles, or a scope of the OAuth client. */
export const MissingAccess = z.object({
  kind: z.enum(['permission', 'scope']),
  /** Empty when the API did not name them. */
  names: z.array(z.string()),
});
export type MissingAccess = z.infer<typeof MissingAccess>;

export const ViewError = z.object({
  kind: z.enum(ERROR_KINDS),
  message: z.string(),
  status: z.optional(z.number()),
  code: z.optional(z.string()),
  correlationId: z.optional(z.string()),
  /** When the worker will try again by itself (epoch ms), if it will. */
  retryAt: z.optional(z.number()),
  /** With `forbidden`: what the API said is missing, when it said. */
  missing: z.optional(MissingAccess),
});
export type ViewError = z.infer<typeof ViewError>;

/**
 * One source (a knowledge base) that could not answer while others did: shown beside the results
 * so the agent and their administrator know what is missing and why.
 */
export const SourceProblem = z.object({
  sourceId: z.string().check(z.maxLength(256)),
  sourceName: z.optional(z.string().check(z.maxLength(256))),
  /** `forbidden`: the user may not search it (403); `not-found`: it does not exist (404). */
  kind: z.enum(['forbidden', 'not-found', 'failed']),
  status: z.optional(z.number()),
  message: z.string().check(z.maxLength(500)),
});
export type SourceProblem = z.infer<typeof SourceProblem>;

export const ViewState = z.object({
  tabId: z.number(),
  status: ViewStatus,
  conversationId: z.nullable(ConversationId),
  channel: z.nullable(Channel),
  /** Accepted by the thresholds, best first. */
  recommendations: z.array(Recommendation),
  /** Filtered out by the thresholds, with the reason, for "show hidden". */
  hidden: z.array(HiddenRecommendation),
  /** Items the provider sent that failed validation and were dropped. */
  invalidCount: z.number(),
  error: z.nullable(ViewError),
  /** True when the shown results come from a cache entry older than its TTL. */
  stale: z.boolean(),
  updatedAt: z.number(),
  /** Where the shown results came from, for latency figures and the supervisor's view. */
  source: z.optional(z.enum(['cache', 'provider'])),
  /** When the worker received the context these results answer (epoch ms). */
  contextReceivedAt: z.optional(z.number()),
  /**
   * When the pipeline run that produced this view started (epoch ms): latency is measured from
   * here (docs/architecture.md "Latency"), so time spent signed out, in an error or waiting for a
   * transcript before this run never counts.
   */
  requestedAt: z.optional(z.number()),
  /** How long the provider took, when it was asked (ms). */
  providerMs: z.optional(z.number()),
  /** Suggestions that are not articles (canned responses, scripts…), in their own group. */
  otherSuggestions: z.optional(z.array(OtherSuggestion)),
  /** Sources that failed while others answered (the shown results are partial). */
  sourceProblems: z.optional(z.array(SourceProblem)),
  /**
   * With `no-conversation`: whether the desktop shows no conversation at all, or shows one we
   * could not identify (no id on the page, and no API match), which we say rather than guess.
   */
  idleReason: z.optional(z.enum(['no-selection', 'unidentified'])),
  /** With `signed-out`: the session ended by itself (token refused or expired), not by a sign-out. */
  signedOutReason: z.optional(z.enum(['session-ended'])),
  /** The customer's name and the subject as the desktop shows them, so the agent sees which conversation the panel follows. */
  customerName: z.optional(z.string().check(z.maxLength(200))),
  subject: z.optional(z.string().check(z.maxLength(200))),
});
export type ViewState = z.infer<typeof ViewState>;

export { AUTH_USER_KEY, viewStateKey } from './view-state-keys';

export function emptyViewState(tabId: number, status: ViewStatus): ViewState {
  return {
    tabId,
    status,
    conversationId: null,
    channel: null,
    recommendations: [],
    hidden: [],
    invalidCount: 0,
    error: null,
    stale: false,
    updatedAt: Date.now(),
  };
}

/** Who is signed in, under AUTH_USER_KEY: never the token. */
export const SignedInUser = z.object({
  id: z.string(),
  name: z.string(),
});
export type SignedInUser = z.infer<typeof SignedInUser>;
