import type { Recommendation } from '../shared/recommendation';
import type { SignedInUser, SourceProblem, ViewState } from '../shared/view-state';
import { bool, list, nullable, num, object, oneOf, optional, orNull, text, type Check } from './shape-check';

/**
 * What the worker publishes for the panel (src/shared/view-state.ts, src/shared/recommendation.ts),
 * checked by hand: the panel loads no zod at start (docs/performance.md P8). The worker wrote it
 * after validating it; this keeps a worker of another version, or a corrupt entry, from reaching
 * the screen. src/sidepanel/view-checks.test.ts holds every check to its zod schema.
 */
const id = text(1, 256);
const name = (max: number) => optional(text(0, max));
const finite = num();

const KnowledgeRef = object({
  documentId: id,
  knowledgeBaseId: id,
  variationId: id,
  versionId: id,
  searchId: name(256),
  surfacing: oneOf(['Highlight', 'Snippet'] as const),
  queryType: oneOf(['AutoSearch', 'ManualSearch'] as const),
  mediaType: name(32),
});

export const checkRecommendation: Check<Recommendation> = object({
  id,
  title: text(1, 500),
  content: text(0, 20_000),
  relevanceScore: num(0, 1),
  publishedDate: nullable(text()),
  sourceId: text(),
  sourceName: optional(text()),
  url: optional(text()),
  kind: name(64),
  trigger: name(64),
  matchedTerms: optional(list(text(0, 80), 12)),
  customerLine: name(400),
  ruleTriggered: optional(bool),
  knowledge: optional(KnowledgeRef),
});

const OtherSuggestion = object({
  id,
  kind: text(0, 64),
  title: text(0, 500),
  detail: text(0, 5000),
  trigger: name(64),
  url: optional(text()),
  responseId: name(256),
});

export const checkSourceProblem: Check<SourceProblem> = object({
  sourceId: text(0, 256),
  sourceName: name(256),
  kind: oneOf(['forbidden', 'not-found', 'failed'] as const),
  status: optional(finite),
  message: text(0, 500),
});

const ViewError = object({
  kind: oneOf(['auth', 'forbidden', 'rate-limited', 'offline', 'timeout', 'provider', 'invalid-response'] as const),
  message: text(),
  status: optional(finite),
  code: optional(text()),
  correlationId: optional(text()),
  retryAt: optional(finite),
  missing: optional(object({ kind: oneOf(['permission', 'scope'] as const), names: list(text()) })),
});

const checkViewState: Check<ViewState> = object({
  tabId: finite,
  status: oneOf(['not-configured', 'signed-out', 'no-conversation', 'waiting-for-transcript', 'loading', 'ready', 'error'] as const),
  conversationId: nullable(text(1, 128, /^[A-Za-z0-9._:-]+$/)),
  channel: nullable(oneOf(['voice', 'chat', 'message', 'email', 'callback', 'unknown'] as const)),
  recommendations: list(checkRecommendation),
  hidden: list(object({ recommendation: checkRecommendation, reason: oneOf(['low-score', 'too-old'] as const) })),
  invalidCount: finite,
  error: nullable(ViewError),
  stale: bool,
  updatedAt: finite,
  source: optional(oneOf(['cache', 'provider'] as const)),
  contextReceivedAt: optional(finite),
  requestedAt: optional(finite),
  providerMs: optional(finite),
  otherSuggestions: optional(list(OtherSuggestion)),
  sourceProblems: optional(list(checkSourceProblem)),
  idleReason: optional(oneOf(['no-selection', 'unidentified'] as const)),
  signedOutReason: optional(oneOf(['session-ended'] as const)),
  customerName: name(200),
  subject: name(200),
});

export const checkSignedInUser: Check<SignedInUser> = object({ id: text(), name: text() });

export const parseViewState = orNull(checkViewState);
export const parseSignedInUser = orNull(checkSignedInUser);
