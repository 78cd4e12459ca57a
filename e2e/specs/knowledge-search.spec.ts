import type { Page } from '@playwright/test';
import { addCustomerMessage, simulatorSettings, writeSettings } from '../support/agent-desktop';
import type { Desk, DeskOptions } from '../support/desk';
import { outboxStatus } from '../support/feedback';
import { expect, test } from '../support/fixtures';
import { forbidKnowledgeBases, knowledgeRecord } from '../support/knowledge-control';
import { recordedRequests, setFaults } from '../support/simulator-control';
import { workerErrors } from '../support/worker-control';
import { seedConversations } from '../simulator/conversations';
import { variationIdOf, versionIdOf } from '../simulator/knowledge';

/**
 * Provider `knowledge-search` (Genesys Knowledge without Agent Copilot) against the simulated
 * Knowledge API: cards from what the customer said, the AutoSearch that was sent, the thresholds,
 * a knowledge base the agent may not search, and each action reaching Knowledge's own engagement
 * calls through the outbox (a refused one set aside, the rest still delivered).
 */
const [billing] = seedConversations;
const FIRST_CUSTOMER_LINE = billing!.timeline[0]!.text;
const card = (panel: Page, id: string) => panel.locator(`[data-testid="recommendation"][data-id="${id}"]`);
const ids = (id: string) => ({ documentVariationId: variationIdOf({ id }), documentVersionId: versionIdOf({ id }) });

/** The agent signed in on the billing conversation with the knowledge-search provider, its first card shown. */
async function knowledgeDesk(newDesk: (options?: Partial<DeskOptions>) => Promise<Desk>) {
  const { desktop, panel } = await newDesk({ conversationId: billing!.id, settings: { provider: 'knowledge-search' } });
  await expect(card(panel, 'billing-double-charge')).toBeVisible({ timeout: 15_000 });
  return { desktop, panel };
}

test('cards come from an AutoSearch of the customer’s words; thresholds hide the weak and the old; a forbidden knowledge base is named while the others answer; every action reaches Knowledge', async ({
  serviceWorker,
  simulator,
  newDesk,
}) => {
  await forbidKnowledgeBases(simulator.origin, ['kb-devices']);
  const { desktop, panel } = await knowledgeDesk(newDesk);

  // The query: the customer's line only (the agent's reply on screen is left out), as an AutoSearch in each knowledge base.
  const { searches } = await knowledgeRecord(simulator.origin);
  expect(searches.map((entry) => entry.knowledgeBaseId).sort()).toEqual(['kb-accounts', 'kb-billing', 'kb-shipping']);
  for (const entry of searches) {
    expect(entry.body).toEqual({
      query: FIRST_CUSTOMER_LINE,
      pageSize: 10,
      queryType: 'AutoSearch',
      application: { type: 'SmartAdvisor' },
      conversationContext: { conversationId: billing!.id, mediaType: 'Message' },
      confidenceThreshold: 0.4,
      answerHighlightTopResults: 3,
      answerMode: ['AnswerHighlight'],
    });
  }
  // The knowledge base the agent may not search is named, with what to do; the others' cards are there.
  const problem = panel.getByTestId('source-problem');
  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveAttribute('data-kind', 'forbidden');
  await expect(problem).toContainText('Mobile Devices');
  await expect(problem).toContainText('administrator');
  // The card answers first (the highlighted answer), from its knowledge base by name.
  await expect(card(panel, 'billing-double-charge').getByTestId('content')).toContainText('When a customer sees the same amount taken twice');
  await expect(card(panel, 'billing-double-charge').getByTestId('source')).toHaveText('Billing & Payments');

  // The customer says more: the refund timeline becomes a card, the stale 2023 policy now matches
  // well and the age threshold hides it.
  await addCustomerMessage(desktop, billing!.id, "It's £42.50 both times and I only have one plan. I'd like a refund for the double charge please.");
  await addCustomerMessage(desktop, billing!.id, 'Thanks. How long will the refund take to get back to my card?');
  await expect(card(panel, 'billing-refund-timeline')).toBeVisible();
  expect((await knowledgeRecord(simulator.origin)).searches.at(-1)!.body.query).toBe(
    `${FIRST_CUSTOMER_LINE} It's £42.50 both times and I only have one plan. I'd like a refund for the double charge please. Thanks. How long will the refund take to get back to my card?`,
  );
  await panel.getByTestId('hidden-toggle').click();
  await expect(panel.locator('[data-testid="hidden-recommendation"][data-id="billing-refund-policy-2023"]')).toHaveAttribute('data-reason', 'too-old');
  await expect(panel.locator('[data-testid="hidden-recommendation"][data-id="billing-pending-authorisation"]')).toHaveAttribute('data-reason', 'low-score');
  await expect(card(panel, 'billing-refund-policy-2023')).toHaveCount(0);

  // The agent's actions, through the cards.
  const first = 'billing-double-charge';
  await card(panel, first).getByTestId('content-toggle').click();
  await card(panel, first).getByTestId('copy').click();
  await expect(card(panel, first).getByTestId('ack')).toHaveAttribute('data-ok', 'true');
  await card(panel, first).getByTestId('helpful').click();
  await expect(card(panel, first).getByTestId('helpful')).toHaveAttribute('aria-pressed', 'true');
  const second = 'billing-refund-timeline';
  await card(panel, second).getByTestId('not-helpful').click();
  const form = card(panel, second).getByTestId('reason-form');
  await form.getByLabel('Out of date').check();
  await form.getByTestId('reason-details').fill('Fees changed in March');
  await form.getByRole('button', { name: 'Send feedback' }).click();
  await expect(form).toHaveCount(0);

  const context_ = { conversationId: billing!.id, mediaType: 'Message' };
  const common = { queryType: 'AutoSearch', application: { type: 'SmartAdvisor' }, conversationContext: context_ };
  await expect.poll(async () => (await knowledgeRecord(simulator.origin)).engagements.filter((entry) => entry.kind !== 'presentations').length).toBe(4);
  const { engagements } = await knowledgeRecord(simulator.origin);
  const presented = engagements.filter((entry) => entry.kind === 'presentations').map((entry) => (entry.body.documents as { documentId: string }[])[0]!.documentId);
  expect(presented).toEqual(expect.arrayContaining([first, second]));
  const presentation = engagements.find((entry) => entry.kind === 'presentations' && (entry.body.documents as { documentId: string }[])[0]!.documentId === first)!;
  expect(presentation.body).toMatchObject({ documents: [{ documentId: first, ...ids(first), surfacingMethod: 'Highlight' }], surfacingMethod: 'Highlight', searchId: expect.any(String), ...common });
  const rest = engagements.filter((entry) => entry.kind !== 'presentations');
  expect(rest.map((entry) => [entry.kind, entry.documentId])).toEqual([
    ['views', first],
    ['copies', first],
    ['feedback', first],
    ['feedback', second],
  ]);
  // Credited to the search that surfaced the card the agent acted on (the latest one).
  const searchId = rest[0]!.body.searchId;
  expect(searchId).toEqual(expect.any(String));
  expect(rest[0]!.body).toEqual({ ...ids(first), surfacingMethod: 'Article', searchId, ...common });
  expect(rest[1]!.body).toEqual({ ...ids(first), surfacingMethod: 'Highlight', searchId, ...common });
  expect(rest[2]!.body).toEqual({
    documentVariation: { id: variationIdOf({ id: first }) },
    document: { id: first, knowledgeBase: { id: 'kb-billing' }, versionId: versionIdOf({ id: first }) },
    rating: 'Positive',
    search: { id: searchId },
    surfacingMethod: 'Highlight',
    ...common,
  });
  expect(rest[3]!.body).toMatchObject({ rating: 'Negative', reason: 'DocumentContent', comment: 'Fees changed in March', documentVariation: { id: variationIdOf({ id: second }) } });
  expect(await workerErrors(serviceWorker)).toEqual([]);
});

test('the options page offers the provider with the licence each needs; an engagement Knowledge refuses (400) is set aside and the next ones still go; manual search works with recommendations-query too, whose service gets customer data masked', async ({
  context,
  extensionId,
  serviceWorker,
  simulator,
  newDesk,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await expect(options.locator('#provider option[value="knowledge-search"]')).toHaveCount(1);
  const licences = options.getByTestId('provider-licences').locator('li');
  await expect(licences).toHaveCount(3);
  await expect(options.locator('[data-testid="provider-licences"] li[data-provider="knowledge-search"]')).toContainText('no Copilot licence');
  await expect(options.locator('[data-testid="provider-licences"] li[data-provider="conversation-suggestions"]')).toContainText('Agent Copilot');
  await options.close();

  // The first engagement call is refused as a bad request.
  await setFaults(simulator.origin, [{ route: 'knowledge-engagement', kind: 'status', status: 400, times: 1 }]);
  const { desktop, panel } = await knowledgeDesk(newDesk);
  await expect.poll(async () => (await outboxStatus(panel)).parked.filter((entry) => entry.destination === 'genesys-knowledge').length).toBe(1);
  const parked = (await outboxStatus(panel)).parked.find((entry) => entry.destination === 'genesys-knowledge')!;
  expect(parked.error).toMatchObject({ kind: 'http', status: 400 });
  expect(parked.error.message).toContain('HTTP 400');

  await card(panel, 'billing-double-charge').getByTestId('copy').click();
  await expect.poll(async () => (await knowledgeRecord(simulator.origin)).engagements.map((entry) => entry.kind)).toContain('copies');
  // Set aside, never retried: the destination is healthy and nothing waits behind it.
  await expect.poll(async () => (await outboxStatus(panel)).destinations.find((entry) => entry.id === 'genesys-knowledge')).toMatchObject({ pending: 0, parked: 1, failures: 0 });

  // Customer data in the transcript: Genesys Knowledge, which holds the conversation already, gets
  // the words as they are; the organisation's own service gets them masked (redactOutgoingText).
  await addCustomerMessage(desktop, billing!.id, 'My card is 4111 1111 1111 1111 and my e-mail jo@example.com');
  await expect.poll(async () => (await knowledgeRecord(simulator.origin)).searches.at(-1)!.body.query).toContain('4111 1111 1111 1111 and my e-mail jo@example.com');

  // Manual search is there in every mode where the org has Genesys Knowledge, not only with Copilot.
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin, { provider: 'recommendations-query' }));
  await expect
    .poll(async () => ((await recordedRequests(simulator.origin, 'query')).at(-1)?.body as { interactionContext: { transcript: string } } | undefined)?.interactionContext.transcript)
    .toContain('Customer: My card is [card] and my e-mail [email]');
  for (const request of await recordedRequests(simulator.origin, 'query')) expect(JSON.stringify(request.body)).not.toMatch(/4111|jo@example/);
  const input = panel.getByTestId('knowledge-search-input');
  await input.fill('refund timeline');
  await input.press('Enter');
  await expect(panel.locator('[data-testid="knowledge-result"][data-id="billing-refund-timeline"]')).toBeVisible();
  const manual = (await knowledgeRecord(simulator.origin)).searches.filter((entry) => entry.body.queryType === 'ManualSearch');
  expect(manual.map((entry) => entry.knowledgeBaseId).sort()).toEqual(['kb-accounts', 'kb-billing', 'kb-devices', 'kb-shipping']);
  expect(manual[0]!.body).toMatchObject({ query: 'refund timeline', conversationContext: { conversationId: billing!.id, mediaType: 'Message' } });
});
