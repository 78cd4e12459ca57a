import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../shared/conversation';
import { HIDDEN_REASONS, Recommendation } from '../shared/recommendation';
import { edgeValues, expectAgreement, manyStepsFrom, oneStepFrom } from '../shared/testing/schema-agreement';
import { ERROR_KINDS, SignedInUser, SourceProblem, VIEW_STATUSES, ViewState } from '../shared/view-state';
import { checkRecommendation, checkSourceProblem, parseSignedInUser, parseViewState } from './view-checks';
import { NO, type Check } from './shape-check';

const orNull = (check: Check<unknown>) => (value: unknown) => {
  const checked = check(value);
  return checked === NO ? null : checked;
};

/** Every optional key set, so each has a path to change. */
const recommendation: Recommendation = {
  id: 'kb-1:doc-1',
  title: 'Refund a double charge',
  content: '<p>Refunds take 3–5 days.</p>',
  relevanceScore: 0.92,
  publishedDate: '2025-03-01T00:00:00Z',
  sourceId: 'kb-1',
  sourceName: 'Billing',
  url: 'https://example.test/a',
  kind: 'KnowledgeSearch',
  trigger: 'Intent',
  matchedTerms: ['refund', 'charge'],
  customerLine: 'I was charged twice',
  ruleTriggered: false,
  knowledge: { documentId: 'd', knowledgeBaseId: 'kb', variationId: 'v', versionId: '1', searchId: 's', surfacing: 'Snippet', queryType: 'AutoSearch', mediaType: 'chat' },
};

const sourceProblem: SourceProblem = { sourceId: 'kb-2', sourceName: 'Legal', kind: 'forbidden', status: 403, message: 'not allowed' };

const view: ViewState = {
  tabId: 7,
  status: 'ready',
  conversationId: 'c0ffee00-1111-4222-8333-444455556666',
  channel: 'chat',
  recommendations: [recommendation],
  hidden: [{ recommendation: { ...recommendation, id: 'kb-1:doc-2', relevanceScore: 0.2 }, reason: 'low-score' }],
  invalidCount: 1,
  error: { kind: 'forbidden', message: 'no', status: 403, code: 'x', correlationId: 'cid', retryAt: 5, missing: { kind: 'permission', names: ['knowledge:knowledgebase:view'] } },
  stale: false,
  updatedAt: 1_700_000_000_000,
  source: 'provider',
  contextReceivedAt: 1,
  requestedAt: 2,
  providerMs: 3,
  otherSuggestions: [{ id: 'o1', kind: 'CannedResponse', title: 'Greeting', detail: 'Hello', trigger: 'Intent', url: 'https://example.test/o', responseId: 'r1' }],
  sourceProblems: [sourceProblem],
  idleReason: 'no-selection',
  signedOutReason: 'session-ended',
  customerName: 'Ada',
  subject: 'Billing',
};

const words = [
  ...VIEW_STATUSES,
  ...CHANNELS,
  ...ERROR_KINDS,
  ...HIDDEN_REASONS,
  'Highlight',
  'Snippet',
  'AutoSearch',
  'ManualSearch',
  'permission',
  'scope',
  'forbidden',
  'not-found',
  'failed',
  'cache',
  'provider',
  'no-selection',
  'unidentified',
  'session-ended',
  'nope',
];
const edges = edgeValues(words);

// Thousands of inputs each: on a loaded 2-core machine a case can take several seconds.
describe('view checks agree with the zod schemas', { timeout: 30_000 }, () => {
  it('on every value one step from a full view state', () => {
    const inputs = oneStepFrom(view, edges);
    expect(inputs.length).toBeGreaterThan(5000);
    for (const input of inputs) expectAgreement(parseViewState, ViewState, input);
  });

  it('on every value one step from the smallest view state of each status', () => {
    for (const status of VIEW_STATUSES) {
      const small = { tabId: 1, status, conversationId: null, channel: null, recommendations: [], hidden: [], invalidCount: 0, error: null, stale: true, updatedAt: 0 };
      for (const input of oneStepFrom(small, edges)) expectAgreement(parseViewState, ViewState, input);
    }
  });

  it('on random combinations of changes', () => {
    fc.assert(fc.property(manyStepsFrom(view, edges), (input) => expectAgreement(parseViewState, ViewState, input)), { numRuns: 2000 });
  });

  it('on recommendations, source problems and users alone', () => {
    for (const input of oneStepFrom(recommendation, edges)) expectAgreement(orNull(checkRecommendation), Recommendation, input);
    for (const input of oneStepFrom(sourceProblem, edges)) expectAgreement(orNull(checkSourceProblem), SourceProblem, input);
    for (const input of oneStepFrom({ id: 'u1', name: 'Ada' }, edges)) expectAgreement(parseSignedInUser, SignedInUser, input);
  });

  it('keeps what the schema keeps and drops what it drops', () => {
    expect(parseViewState({ ...view, extra: 'x' })).toStrictEqual(view);
    expect(parseViewState({ ...view, status: 'exploded' })).toBeNull();
    expect(parseSignedInUser({ id: 'u', name: 'n', token: 'secret' })).toStrictEqual({ id: 'u', name: 'n' });
  });
});
