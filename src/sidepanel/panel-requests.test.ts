import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../shared/messages';
import { DEFAULT_SETTINGS, panelSettingsOf, PROVIDERS } from '../shared/settings';
import { edgeValues, expectAgreement, manyStepsFrom, oneStepFrom } from '../shared/testing/schema-agreement';
import { UNKNOWN_PANEL_SETTINGS } from './connector';
import { NO, type Check } from './shape-check';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/testing/browser-stub')).browserStub.browser }));
const { PANEL_REPLIES } = await import('./panel-requests');

const recommendation = {
  id: 'kb-1:doc-1',
  title: 'Refund',
  content: 'text',
  relevanceScore: 0.9,
  publishedDate: null,
  sourceId: 'kb-1',
  knowledge: { documentId: 'd', knowledgeBaseId: 'kb', variationId: 'v', versionId: '1', surfacing: 'Highlight', queryType: 'ManualSearch' },
};

/** A full reply of each type the panel sends, every optional key set. */
const replies: { [T in keyof typeof PANEL_REPLIES]: unknown[] } = {
  'page/sign-in': [
    { signedIn: true, user: { id: 'u', name: 'Ada' } },
    { signedIn: false, user: null, failure: { reason: 'page-failed', detail: 'd', loginHost: 'login.mypurecloud.com', clientId: 'c', redirectUri: 'https://x.chromiumapp.org/' } },
  ],
  'page/sign-out': [{ signedIn: false, user: null }],
  'page/get-panel-settings': [panelSettingsOf(DEFAULT_SETTINGS), { configured: true, provider: 'knowledge-search', minRelevanceScore: 1, maxContentAgeDays: 36_500 }],
  'page/refresh': [{ queued: true }],
  'page/knowledge-search': [{ results: [recommendation], invalidCount: 0, searchedKnowledgeBases: 2, sourceProblems: [{ sourceId: 'kb-2', kind: 'not-found', message: 'gone' }] }],
  'page/knowledge-available': [{ available: false }],
  'page/record-event': [{ eventId: 'e-1' }],
  'page/insert-into-reply': [
    { outcome: 'inserted', eventId: 'e-2' },
    { outcome: 'no-desktop', eventId: null },
  ],
};

const words = [...PROVIDERS, 'page-failed', 'inserted', 'no-composer', 'conversation-changed', 'not-found', 'no-desktop', 'forbidden', 'failed', 'Highlight', 'ManualSearch', 'nope'];
const edges = edgeValues(words);

const parserOf = (check: Check<unknown>) => (value: unknown) => {
  const checked = check(value);
  return checked === NO ? null : checked;
};

// Thousands of inputs each: on a loaded 2-core machine a case can take several seconds.
describe('the panel checks the worker’s replies as their schemas do', { timeout: 30_000 }, () => {
  for (const [type, samples] of Object.entries(replies) as [keyof typeof PANEL_REPLIES, unknown[]][]) {
    it(type, () => {
      const check = parserOf(PANEL_REPLIES[type]);
      const schema = MESSAGES[type].response;
      for (const sample of samples) {
        expect(schema.safeParse(sample).success).toBe(true);
        for (const input of oneStepFrom(sample, edges)) expectAgreement(check, schema, input);
        fc.assert(fc.property(manyStepsFrom(sample, edges), (input) => expectAgreement(check, schema, input)), { numRuns: 200 });
      }
    });
  }

  it('starts from what the default settings give until the worker answers', () => {
    expect(UNKNOWN_PANEL_SETTINGS).toStrictEqual(panelSettingsOf(DEFAULT_SETTINGS));
  });
});
