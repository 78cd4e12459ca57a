import type { Page } from '@playwright/test';
import { addCustomerMessage, dataIds, playScript, simulatorSettings, writeSettings } from '../support/agent-desktop';
import { expect, test } from '../support/fixtures';
import { recordedRequests } from '../support/simulator-control';
import { seedConversations } from '../simulator/conversations';

const [billing, devices] = seedConversations;

test.use({ deskOptions: { conversationId: billing!.id } });

async function scoresOf(panel: Page, testId: string): Promise<number[]> {
  const texts = await panel.getByTestId(testId).getByTestId('score').allInnerTexts();
  return texts.map((text) => Number(text.replace(/[^0-9.]/g, '')));
}

test('the side panel shows the recommendations that pass the thresholds, best first', async ({ simulator, desk }) => {
  const { desktop, panel } = desk;
  await playScript(desktop, billing!);

  const cards = panel.getByTestId('recommendation');
  const shownIds = () => dataIds(cards);
  await expect.poll(shownIds).toEqual(expect.arrayContaining(billing!.expected.visible));
  await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', 'ready');
  const scores = await scoresOf(panel, 'recommendation');
  expect(scores.every((score) => score >= 80)).toBe(true);
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  // The last customer line of the script: what the final query was built from.
  const lastLine = billing!.timeline.filter((line) => line.author === 'customer').at(-1)!.text;
  for (const card of await cards.all()) {
    await expect(card.getByTestId('title')).not.toBeEmpty();
    await expect(card.getByTestId('content')).not.toBeEmpty();
    // The knowledge base by the name the service gives, never its id.
    await expect(card.getByTestId('source')).toHaveAttribute('data-source-id', 'kb-billing');
    await expect(card.getByTestId('source')).toHaveText('Billing & Payments');
    // Why it is there: the customer line the query answered and the terms that matched.
    await expect(card.getByTestId('why-line')).toHaveText(`answers “${lastLine}”`);
    await expect(card.getByTestId('why-terms')).toHaveText(/^matches \S/);
  }
  await expect(panel.locator('[data-id="billing-double-charge"]').getByTestId('why-terms')).toContainText('double charge');

  // The worker asked with the context the content script read and the agent's profile from /users/me.
  const queries = await recordedRequests(simulator.origin, 'query');
  expect(queries.length).toBeGreaterThanOrEqual(1);
  expect(queries.at(-1)?.body).toMatchObject({
    interactionContext: { conversationId: billing!.id, channel: 'message' },
    agentProfile: { agentId: '7d3b8c1a-4f5e-4a9b-9c2d-1e2f3a4b5c6d', skills: expect.arrayContaining(['Billing']) },
    knowledgeBaseIds: [],
  });
  expect(JSON.stringify(queries.at(-1)?.body)).toContain('Customer:');
});

test('what the thresholds filter out is hidden, with the reason, and reachable', async ({ serviceWorker, simulator, desk }) => {
  const { desktop, panel } = desk;
  await playScript(desktop, billing!);
  // The whole script's recommendations, not an earlier line's (the last line brings the second card).
  const cards = panel.getByTestId('recommendation');
  await expect.poll(() => dataIds(cards)).toEqual(expect.arrayContaining(billing!.expected.visible));

  const toggle = panel.getByTestId('hidden-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await panel.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const hidden = panel.getByTestId('hidden-recommendation');
  for (const id of billing!.expected.lowScore) await expect(panel.locator(`[data-testid="hidden-recommendation"][data-id="${id}"]`)).toHaveAttribute('data-reason', 'low-score');
  for (const id of billing!.expected.stale) await expect(panel.locator(`[data-testid="hidden-recommendation"][data-id="${id}"]`)).toHaveAttribute('data-reason', 'too-old');
  const shownIds = await dataIds(cards);
  const hiddenIds = await dataIds(hidden);
  expect(hiddenIds.filter((id) => shownIds.includes(id))).toEqual([]);

  await expect(toggle).toHaveText('Hide filtered-out suggestions');

  // Raising the threshold (a settings change, no reload) moves more cards to hidden.
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin, { minRelevanceScore: 0.99 }));
  await expect.poll(() => cards.count()).toBeLessThan(shownIds.length);

  // Another conversation: its filtered-out list starts closed, and says how many in words.
  await desktop.evaluate((id) => (window as unknown as { __simDesktop: { select(id: string): void } }).__simDesktop.select(id), devices!.id);
  await expect.poll(() => dataIds(cards), { timeout: 15_000 }).not.toEqual(expect.arrayContaining(billing!.expected.visible));
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toHaveText(/^Show (1 filtered-out suggestion|\d+ filtered-out suggestions)$/);
  await expect(hidden).toHaveCount(0);
});

test('recommendations follow the conversation as the customer writes and as the agent switches', async ({ simulator, desk }) => {
  const { desktop, panel } = desk;
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
  const sources = () => panel.getByTestId('recommendation').getByTestId('source').allInnerTexts();
  expect(await sources()).toContain('Billing & Payments');
  expect(await sources()).not.toContain('Mobile Devices');

  await addCustomerMessage(desktop, billing!.id, "Separately, my phone won't charge at all. The charger and the charging port seem fine but the battery stays at zero.");
  await expect.poll(sources, { timeout: 15_000 }).toContain('Mobile Devices');

  await desktop.evaluate((id) => (window as unknown as { __simDesktop: { select(id: string): void } }).__simDesktop.select(id), devices!.id);
  await expect(panel.getByTestId('channel')).toHaveText(/chat/i);
  await expect.poll(sources).not.toContain('Billing & Payments');
  const lastQuery = (await recordedRequests(simulator.origin, 'query')).at(-1);
  expect(lastQuery?.body).toMatchObject({ interactionContext: { conversationId: devices!.id, channel: 'chat' } });
});
