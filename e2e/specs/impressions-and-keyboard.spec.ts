import type { Page } from '@playwright/test';
import { addCustomerMessage, lastLine, openPanel, playScript, untilPanelShowsLatest } from '../support/agent-desktop';
import { composerValue } from '../support/desktop-page';
import { expect, test } from '../support/fixtures';
import { DRAIN_PREFIX, drainImpressions, recordedEvents } from '../support/recorded-events';
import { seedConversations } from '../simulator/conversations';

const [billing] = seedConversations;

test.use({ deskOptions: { conversationId: billing!.id } });

/** Ids of the cards at least half inside the panel's viewport now. */
function halfVisibleCards(panel: Page): Promise<string[]> {
  return panel.getByTestId('recommendation').evaluateAll((cards) =>
    cards
      .filter((card) => {
        const rect = card.getBoundingClientRect();
        const visible = Math.max(0, Math.min(rect.bottom, window.innerHeight) - Math.max(rect.top, 0));
        return visible >= rect.height / 2;
      })
      .map((card) => card.getAttribute('data-id') ?? ''),
  );
}

async function impressionIds(worker: Parameters<typeof recordedEvents>[0]): Promise<string[]> {
  return (await recordedEvents(worker, 'impression'))
    .map((event) => event.recommendationId)
    .filter((id) => !id.startsWith(DRAIN_PREFIX))
    .sort();
}

test('impressions count the cards at least half on screen, once per conversation', async ({ context, extensionId, serviceWorker, newDesk }) => {
  // A low threshold gives a long list; a short panel shows only its top.
  const { desktop, panel, tabId } = await newDesk({
    conversationId: billing!.id,
    settings: { minRelevanceScore: 0.05, maxContentAgeDays: 3650 },
    panelViewport: { width: 360, height: 420 },
  });
  await playScript(desktop, billing!);
  await untilPanelShowsLatest(serviceWorker, panel, tabId, lastLine(billing!));

  const total = await panel.getByTestId('recommendation').count();
  expect(total).toBeGreaterThanOrEqual(6);
  const onScreen = (await halfVisibleCards(panel)).sort();
  expect(onScreen.length).toBeGreaterThanOrEqual(1);
  expect(onScreen.length).toBeLessThan(total);
  await expect.poll(() => impressionIds(serviceWorker)).toEqual(onScreen);

  // Scrolling to the end shows the rest, each counted once; scrolling back counts nothing again.
  await panel.getByTestId('recommendation').last().scrollIntoViewIfNeeded();
  const later = await halfVisibleCards(panel);
  const seen = [...new Set([...onScreen, ...later])].sort();
  await expect.poll(() => impressionIds(serviceWorker)).toEqual(seen);
  await panel.evaluate(() => window.scrollTo(0, 0));
  // A new message re-renders the list: still nothing counted twice.
  const followUp = 'Thanks, and the refund?';
  await addCustomerMessage(desktop, billing!.id, followUp);
  await untilPanelShowsLatest(serviceWorker, panel, tabId, followUp);
  await drainImpressions(panel, billing!.id);
  const ids = await impressionIds(serviceWorker);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(expect.arrayContaining(seen));
  // A second panel on the same conversation reports again; the worker counts it once.
  const second = await openPanel(context, extensionId, tabId);
  await untilPanelShowsLatest(serviceWorker, second, tabId, followUp);
  await drainImpressions(second, billing!.id);
  const after = await impressionIds(serviceWorker);
  expect(new Set(after).size).toBe(after.length);
  expect(after).toEqual(expect.arrayContaining(ids));
});

test('keyboard only: reach the cards, move, expand, copy, insert, rate with a reason and dismiss', async ({ serviceWorker, desk }) => {
  const { desktop, panel, tabId } = desk;
  await playScript(desktop, billing!);
  const [first, second] = billing!.expected.visible as [string, string];
  await untilPanelShowsLatest(serviceWorker, panel, tabId, lastLine(billing!));
  await expect(panel.locator(`[data-testid="recommendation"][data-id="${second}"]`)).toBeVisible();
  await panel.bringToFront();

  const focusedCard = () => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('[data-testid="recommendation"]')?.getAttribute('data-id') ?? null);
  const focusedIsCard = () => panel.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'recommendation');

  // Tab reaches the list: one tab stop, on the first card.
  for (let presses = 0; presses < 10 && !(await focusedIsCard()); presses++) await panel.keyboard.press('Tab');
  expect(await focusedCard()).toBe(first);
  // Focus is visible.
  const outline = await panel.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle + ' ' + getComputedStyle(document.activeElement!).outlineWidth);
  expect(outline).toMatch(/^solid [2-9]/);

  await panel.keyboard.press('ArrowDown');
  expect(await focusedCard()).toBe(second);
  await panel.keyboard.press('ArrowUp');
  expect(await focusedCard()).toBe(first);
  await panel.keyboard.press('End');
  await panel.keyboard.press('Home');
  expect(await focusedCard()).toBe(first);

  const firstCard = panel.locator(`[data-testid="recommendation"][data-id="${first}"]`);
  await panel.keyboard.press('Enter');
  await expect(firstCard.getByTestId('content-toggle')).toHaveAttribute('aria-expanded', 'true');
  await panel.keyboard.press('c');
  await expect(firstCard.getByTestId('ack')).toHaveText('Copied');
  await panel.keyboard.press('i');
  await expect(firstCard.getByTestId('ack')).toHaveText(/Inserted into the reply/);
  expect((await composerValue(desktop)).length).toBeGreaterThan(20);
  await panel.keyboard.press('h');
  await expect(firstCard.getByTestId('helpful')).toHaveAttribute('aria-pressed', 'true');

  // Not helpful: the reason form takes focus; arrows pick a reason, Tab reaches the details, Enter sends.
  await panel.keyboard.press('ArrowDown');
  const secondCard = panel.locator(`[data-testid="recommendation"][data-id="${second}"]`);
  await panel.keyboard.press('n');
  await expect(secondCard.getByTestId('reason-form')).toBeVisible();
  await expect(secondCard.getByLabel('Not relevant to this conversation')).toBeFocused();
  await panel.keyboard.press('ArrowDown');
  await expect(secondCard.getByLabel('Out of date')).toBeChecked();
  await panel.keyboard.press('Tab');
  await panel.keyboard.type('old fees');
  await panel.keyboard.press('Enter');
  await expect(secondCard.getByTestId('not-helpful')).toHaveAttribute('aria-pressed', 'true');
  await expect(secondCard.getByTestId('not-helpful')).toBeFocused();

  // Back on the card (Shift+Tab through its buttons), D dismisses it and focus moves to the card that took its place.
  for (let presses = 0; presses < 8 && !(await focusedIsCard()); presses++) await panel.keyboard.press('Shift+Tab');
  expect(await focusedCard()).toBe(second);
  await panel.keyboard.press('d');
  await expect(secondCard).toHaveCount(0);
  // The list hands focus on in an effect that runs after the render that removed the card
  // (src/sidepanel/RecommendationList.tsx).
  await expect.poll(focusedIsCard).toBe(true);

  await expect
    .poll(async () => (await recordedEvents(serviceWorker)).filter((event) => event.action !== 'impression').map((event) => [event.action, event.recommendationId, event.reason ?? null]))
    .toEqual([
      ['open', first, null],
      ['copy', first, null],
      ['insert', first, null],
      ['helpful', first, null],
      ['not_helpful', second, 'out-of-date: old fees'],
      ['dismissed', second, null],
    ]);
});
