import type { Page } from '@playwright/test';
import { addCustomerMessage, dataIds } from '../support/agent-desktop';
import type { Desk, DeskOptions } from '../support/desk';
import {
  announceSocketClosing,
  copilotRecord,
  dropSockets,
  notificationsRecord,
  sayBehindThePage,
  setCopilotConfig,
  simSuggestions,
  type SimSuggestionRecord,
} from '../support/copilot-control';
import { expect, test } from '../support/fixtures';
import { clearFaults, recordedRequests, setFaults } from '../support/simulator-control';
import { currentWorker, killServiceWorker, workerErrors } from '../support/worker-control';
import { seedConversations } from '../simulator/conversations';

/**
 * Genesys mode (provider `conversation-suggestions`) against the simulated Agent Copilot:
 * suggestions arrive live over the notification socket as the conversation progresses, a dropped
 * socket or a socket_closing loses none (REST backfill), engagements and the agent's own search
 * reach the API, and the provider setting switches behaviour without a reload.
 */
const [billing] = seedConversations;
const KNOWLEDGE_TYPES = ['KnowledgeSearch', 'KnowledgeArticle', 'Faq', 'Article'];
// Cards: knowledge, and canned responses whose text the worker read from response management.
const CARD_TYPES = [...KNOWLEDGE_TYPES, 'CannedResponse'];
// Every suggestion on screen, whatever its confidence, so the tests can name them all.
const COPILOT_SETTINGS = { provider: 'conversation-suggestions', minRelevanceScore: 0 };

const cardIds = (panel: Page) => dataIds(panel.getByTestId('recommendation'), { sorted: true });
const otherIds = (panel: Page) => dataIds(panel.getByTestId('other-suggestion'), { sorted: true });
const shownKnowledge = (suggestions: SimSuggestionRecord[]) =>
  suggestions
    .filter((entry) => CARD_TYPES.includes(entry.type) && entry.state !== 'Dismissed')
    .map((entry) => entry.id)
    .sort();
const shownOthers = (suggestions: SimSuggestionRecord[]) =>
  suggestions
    .filter((entry) => !CARD_TYPES.includes(entry.type) && entry.state !== 'Dismissed')
    .map((entry) => entry.id)
    .sort();

/** The agent signed in on the billing conversation in Genesys mode, its first suggestions shown and the socket connected. */
async function copilotDesk(newDesk: (options?: Partial<DeskOptions>) => Promise<Desk>, origin: string) {
  await setCopilotConfig(origin, { suggestionDelayMs: 0 });
  const { desktop, panel } = await newDesk({ conversationId: billing!.id, settings: COPILOT_SETTINGS });
  // The desktop's first customer line is already answered: those suggestions are on screen.
  await expect.poll(async () => (await simSuggestions(origin, billing!.id)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => cardIds(panel), { timeout: 15_000 }).toEqual(shownKnowledge(await simSuggestions(origin, billing!.id)));
  await expect.poll(async () => (await notificationsRecord(origin)).channels.some((channel) => channel.connected), { timeout: 15_000 }).toBe(true);
  return { desktop, panel };
}

test('suggestions appear live as the conversation progresses, without asking the API again', async ({ serviceWorker, simulator, newDesk }) => {
  const { desktop, panel } = await copilotDesk(newDesk, simulator.origin);
  const listingsBefore = (await recordedRequests(simulator.origin, 'suggestions')).length;
  const firstSuggestions = await simSuggestions(simulator.origin, billing!.id);

  await addCustomerMessage(desktop, billing!.id, "It's £42.50 both times and I only have one plan. I'd like a refund for the double charge please.");
  await expect.poll(async () => (await simSuggestions(simulator.origin, billing!.id)).length).toBeGreaterThan(firstSuggestions.length);
  const now = await simSuggestions(simulator.origin, billing!.id);
  await expect.poll(() => cardIds(panel)).toEqual(shownKnowledge(now));
  // Copilot names an article's knowledge base only by id: the card shows the base's display name.
  const billingCard = panel.locator('[data-testid="recommendation"]:has([data-testid="source"][data-source-id="kb-billing"])').first();
  await expect(billingCard.getByTestId('source')).toHaveText('Billing & Payments');
  // The refund request triggers a canned response: shown in its own group, not dropped.
  await expect.poll(() => otherIds(panel)).toEqual(shownOthers(now));
  // Its text is read from response management: a card the agent can read, copy and insert.
  const canned = panel.locator('[data-testid="recommendation"]').filter({ hasText: 'Refund raised' });
  await expect(canned.getByTestId('content')).toContainText("I've raised a refund for the duplicate payment.");
  await expect(canned.getByTestId('copy')).toBeVisible();
  await expect(canned.getByTestId('insert')).toBeVisible();
  await expect(canned.getByTestId('score-rule')).toBeVisible();
  expect((await recordedRequests(simulator.origin, 'responses')).map((request) => request.path)).toContain('/api/v2/responsemanagement/responses/resp-refund-raised');
  // Copying it is the same suggestion engagement as for an article.
  await canned.getByTestId('copy').click();
  const cannedId = now.find((entry) => entry.type === 'CannedResponse')!.id;
  await expect.poll(async () => (await copilotRecord(simulator.origin)).engagements.map((entry) => [entry.suggestionId, entry.body.engagementType])).toContainEqual([cannedId, 'Copied']);

  // Delivered over the socket: no listing was read for them.
  const delivered = (await notificationsRecord(simulator.origin)).delivered.map((event) => event.suggestionId);
  for (const entry of now.filter((candidate) => !firstSuggestions.some((first) => first.id === candidate.id))) expect(delivered).toContain(entry.id);
  expect((await recordedRequests(simulator.origin, 'suggestions')).length).toBe(listingsBefore);

  // Genesys mode reads the messaging transcript from the API (ids, then bodies in bulk), and the
  // agent's active conversations.
  const messages = await recordedRequests(simulator.origin, 'messages');
  expect(messages.some((request) => request.method === 'GET' && request.path === `/api/v2/conversations/messages/${billing!.id}`)).toBe(true);
  expect(messages.some((request) => request.method === 'POST' && request.path.endsWith('/messages/bulk'))).toBe(true);
  expect((await recordedRequests(simulator.origin, 'conversations')).some((request) => request.path === '/api/v2/conversations')).toBe(true);

  // A rule (intent) picks an article: no confidence, so no score is shown; it says it was a rule
  // and comes after the ranked cards.
  await addCustomerMessage(desktop, billing!.id, 'Also my password reset email never arrived.');
  const ruleCard = panel.locator('[data-testid="recommendation"]').filter({ hasText: 'password' }).filter({ has: panel.getByTestId('score-rule') });
  await expect(ruleCard).toHaveCount(1);
  await expect(ruleCard.getByTestId('score-rule')).toHaveText(/Chosen by a rule: \w+/);
  await expect(ruleCard.getByTestId('score')).toHaveCount(0);
  const order = await panel.getByTestId('recommendation').evaluateAll((cards) => cards.map((card) => card.querySelector('[data-testid="score-rule"]') !== null));
  // Ranked cards first, then every rule-chosen one (the canned response and the article).
  expect(order.filter(Boolean)).toHaveLength(2);
  expect(order.slice(order.indexOf(true)).every(Boolean)).toBe(true);
  expect(await workerErrors(serviceWorker)).toEqual([]);
});

test('a dropped socket and a socket_closing lose no suggestion: the worker reconnects and backfills', async ({ serviceWorker, simulator, newDesk }) => {
  const { panel } = await copilotDesk(newDesk, simulator.origin);
  const connections = (await notificationsRecord(simulator.origin)).connections;

  // Dropped without a word; Copilot answers a line while no socket is there to hear it.
  expect((await dropSockets(simulator.origin)).dropped).toBe(1);
  const listings = (await recordedRequests(simulator.origin, 'suggestions')).length;
  await sayBehindThePage(simulator.origin, billing!.id, 'My phone will not charge either, the charging port seems broken.');
  await expect.poll(async () => (await notificationsRecord(simulator.origin)).connections, { timeout: 20_000 }).toBeGreaterThan(connections);
  await expect.poll(async () => cardIds(panel), { timeout: 20_000 }).toEqual(shownKnowledge(await simSuggestions(simulator.origin, billing!.id)));
  expect((await recordedRequests(simulator.origin, 'suggestions')).length).toBeGreaterThan(listings);

  // socket_closing: the worker moves to a new socket at once and backfills what it may have missed.
  const beforeClosing = (await notificationsRecord(simulator.origin)).connections;
  const listingsBeforeClosing = (await recordedRequests(simulator.origin, 'suggestions')).length;
  await setCopilotConfig(simulator.origin, { suggestionDelayMs: 300 });
  await sayBehindThePage(simulator.origin, billing!.id, 'Also my parcel never arrived, the parcel says delivered.');
  expect((await announceSocketClosing(simulator.origin, 30_000)).announced).toBe(1);
  await expect.poll(async () => (await notificationsRecord(simulator.origin)).connections, { timeout: 20_000 }).toBeGreaterThan(beforeClosing);
  await expect.poll(async () => (await recordedRequests(simulator.origin, 'suggestions')).length, { timeout: 20_000 }).toBeGreaterThan(listingsBeforeClosing);
  await expect.poll(async () => (await simSuggestions(simulator.origin, billing!.id)).some((entry) => entry.type === 'Script')).toBe(true);
  const all = await simSuggestions(simulator.origin, billing!.id);
  await expect.poll(() => cardIds(panel), { timeout: 20_000 }).toEqual(shownKnowledge(all));
  await expect.poll(() => otherIds(panel), { timeout: 20_000 }).toEqual(shownOthers(all));
  expect(await workerErrors(serviceWorker)).toEqual([]);
});

test('a killed worker rebuilds its socket on demand and backfills what it missed', async ({ context, simulator, newDesk }) => {
  const { desktop, panel } = await copilotDesk(newDesk, simulator.origin);
  const connections = (await notificationsRecord(simulator.origin)).connections;
  await killServiceWorker(context, desktop);
  await sayBehindThePage(simulator.origin, billing!.id, 'And my password reset email never arrived.');
  await expect.poll(async () => (await simSuggestions(simulator.origin, billing!.id)).some((entry) => entry.type === 'KnowledgeArticle')).toBe(true);
  // The next line on the desktop wakes the worker.
  await addCustomerMessage(desktop, billing!.id, 'Is there anything else you need from me?');
  await expect.poll(async () => (await notificationsRecord(simulator.origin)).connections, { timeout: 20_000 }).toBeGreaterThan(connections);
  await expect.poll(async () => cardIds(panel), { timeout: 20_000 }).toEqual(shownKnowledge(await simSuggestions(simulator.origin, billing!.id)));
  expect(await workerErrors(await currentWorker(context))).toEqual([]);
});

test('opens, copies, inserts, ratings and dismissals reach Copilot as engagements of the right type', async ({ simulator, newDesk }) => {
  const { panel } = await copilotDesk(newDesk, simulator.origin);
  const [first, second] = (await simSuggestions(simulator.origin, billing!.id)).filter((entry) => KNOWLEDGE_TYPES.includes(entry.type));
  expect(first && second).toBeTruthy();
  // The agent's actions, through the same message the cards send.
  const record = (recommendationId: string, action: string) =>
    panel.evaluate(
      async ([conversationId, id, act]) => {
        const reply = await chrome.runtime.sendMessage<unknown, { ok: boolean }>({ type: 'page/record-event', data: { conversationId, recommendationId: id, sourceId: 'kb-billing', action: act } });
        if (!reply.ok) throw new Error(JSON.stringify(reply));
      },
      [billing!.id, recommendationId, action] as const,
    );
  for (const action of ['impression', 'open', 'copy', 'insert', 'helpful', 'not_helpful']) await record(first!.id, action);
  await record(second!.id, 'dismissed');

  await expect.poll(async () => (await copilotRecord(simulator.origin)).engagements.map((entry) => [entry.suggestionId, entry.body])).toEqual([
    [first!.id, { engagementType: 'Opened' }],
    [first!.id, { engagementType: 'Copied' }],
    [first!.id, { engagementType: 'Copied' }],
    [first!.id, { engagementType: 'Feedback', feedback: { rating: 'Positive' } }],
    [first!.id, { engagementType: 'Feedback', feedback: { rating: 'Negative' } }],
    [second!.id, { engagementType: 'Dismissed' }],
  ]);
  // Copilot marks the dismissed suggestion and says so live: its card goes.
  await expect(panel.locator(`[data-testid="recommendation"][data-id="${second!.id}"]`)).toHaveCount(0);
  await expect(panel.locator(`[data-testid="recommendation"][data-id="${first!.id}"]`)).toBeVisible();
});

test('the agent searches the knowledge bases from the panel, with the conversation as context', async ({ simulator, newDesk }) => {
  const { panel } = await copilotDesk(newDesk, simulator.origin);
  const input = panel.getByTestId('knowledge-search-input');
  await input.fill('refund timeline');
  await input.press('Enter');
  const results = panel.getByTestId('knowledge-result');
  await expect(results.first()).toBeVisible();
  await expect(panel.locator('[data-testid="knowledge-result"][data-id="billing-refund-timeline"]')).toBeVisible();
  const searches = (await copilotRecord(simulator.origin)).searches;
  expect(searches.map((entry) => entry.knowledgeBaseId).sort()).toEqual(['kb-accounts', 'kb-billing', 'kb-devices', 'kb-shipping']);
  for (const entry of searches) expect(entry.body).toMatchObject({ query: 'refund timeline', queryType: 'ManualSearch', conversationContext: { conversationId: billing!.id } });

  await input.fill('zzzz qqqq');
  await panel.getByTestId('knowledge-search-submit').click();
  await expect(panel.getByTestId('knowledge-search-empty')).toBeVisible();
});

test('switching the provider in the options page changes behaviour without a reload', async ({ context, extensionId, simulator, newDesk }) => {
  await setCopilotConfig(simulator.origin, { suggestionDelayMs: 0 });
  // An org whose agents may not read Genesys Knowledge: no search box with recommendations-query.
  await setFaults(simulator.origin, [{ route: 'knowledge-bases', kind: 'status', status: 403 }]);
  const { panel } = await newDesk({ conversationId: billing!.id, settings: { minRelevanceScore: 0 } });
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
  expect((await recordedRequests(simulator.origin, 'query')).length).toBeGreaterThan(0);
  expect(await recordedRequests(simulator.origin, 'suggestions')).toEqual([]);
  await expect.poll(async () => (await recordedRequests(simulator.origin, 'knowledge-bases')).length).toBeGreaterThan(0);
  await expect(panel.getByTestId('knowledge-search')).toHaveCount(0);
  await clearFaults(simulator.origin);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await options.locator('#provider').selectOption('conversation-suggestions');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText(/saved/i);

  await expect.poll(async () => (await recordedRequests(simulator.origin, 'suggestions')).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => cardIds(panel), { timeout: 15_000 }).toEqual(shownKnowledge(await simSuggestions(simulator.origin, billing!.id)));
  await expect(panel.getByTestId('knowledge-search')).toBeVisible();

  // And back: the socket closes, and the cards are the query contract's articles again.
  await options.locator('#provider').selectOption('recommendations-query');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => cardIds(panel), { timeout: 15_000 }).toContain('billing-double-charge');
  await expect.poll(async () => (await notificationsRecord(simulator.origin)).channels.some((channel) => channel.connected), { timeout: 15_000 }).toBe(false);
  // The org does have Genesys Knowledge now: the agent keeps the search box in every mode.
  await expect(panel.getByTestId('knowledge-search')).toBeVisible();
});

test('when no notification channel can be had, suggestions still come over REST and polling takes over', async ({ context, simulator, newDesk }) => {
  await setFaults(simulator.origin, [{ route: 'notifications', kind: 'status', status: 403 }]);
  await setCopilotConfig(simulator.origin, { suggestionDelayMs: 0 });
  const { desktop, panel } = await newDesk({ conversationId: billing!.id, settings: COPILOT_SETTINGS });
  await expect.poll(async () => (await simSuggestions(simulator.origin, billing!.id)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => cardIds(panel), { timeout: 15_000 }).toEqual(shownKnowledge(await simSuggestions(simulator.origin, billing!.id)));

  await addCustomerMessage(desktop, billing!.id, "I'd like a refund for the double charge please.");
  await expect.poll(async () => (await simSuggestions(simulator.origin, billing!.id)).some((entry) => entry.type === 'CannedResponse')).toBe(true);
  await expect.poll(() => otherIds(panel), { timeout: 15_000 }).toEqual(shownOthers(await simSuggestions(simulator.origin, billing!.id)));
  expect((await notificationsRecord(simulator.origin)).connections).toBe(0);
  // After repeated failures the worker polls on an alarm, which outlives it.
  await expect
    .poll(async () => (await currentWorker(context)).evaluate(async () => (await chrome.alarms.get('copilot:poll'))?.periodInMinutes ?? null), { timeout: 40_000 })
    .toBe(0.5);
  expect(await workerErrors(await currentWorker(context))).toEqual([]);
});
