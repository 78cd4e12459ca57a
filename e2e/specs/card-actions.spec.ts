import type { Page } from '@playwright/test';
import { dataIds, openPanel, playScript } from '../support/agent-desktop';
import { agentMessageCount, composerInputEvents, composerValue, sendCount, watchComposerInput, watchSends } from '../support/desktop-page';
import type { Desk } from '../support/desk';
import { expect, test } from '../support/fixtures';
import { forgetAgentProfile, recordedEvents } from '../support/recorded-events';
import { seedConversations } from '../simulator/conversations';

const [billing, , shipping, accounts] = seedConversations;

test.use({ deskOptions: { conversationId: billing!.id } });

/** The billing conversation played to its end, with the cards it should surface on the panel. */
async function readyPanel(desk: Desk): Promise<Desk> {
  const { desktop, panel } = desk;
  await playScript(desktop, billing!);
  const shownIds = () => dataIds(panel.getByTestId('recommendation'), { sorted: true });
  await expect.poll(shownIds, { timeout: 15_000 }).toEqual(expect.arrayContaining(billing!.expected.visible));
  await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', 'ready');
  return desk;
}

function card(panel: Page, id: string) {
  return panel.locator(`[data-testid="recommendation"][data-id="${id}"]`);
}

test('Copy puts the article text on the clipboard and is recorded as a click', async ({ context, serviceWorker, simulator, desk }) => {
  const { desktop, panel } = await readyPanel(desk);
  const id = billing!.expected.visible[0]!;
  const toggle = card(panel, id).getByTestId('content-toggle');
  if (await toggle.count()) await toggle.click();
  const text = await card(panel, id).getByTestId('content').innerText();

  await panel.bringToFront();
  await card(panel, id).getByTestId('copy').click();
  await expect(card(panel, id).getByTestId('ack')).toHaveText('Copied');

  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: simulator.origin });
  await desktop.bringToFront();
  const clipboard = await desktop.evaluate(() => navigator.clipboard.readText());
  // The card shows paragraphs apart; the copy is plain text, one line each.
  expect(clipboard.trim()).toBe(text.replace(/\n\s*\n/g, '\n').trim());
  expect(clipboard.length).toBeGreaterThan(20);

  await expect.poll(async () => (await recordedEvents(serviceWorker, 'copy')).map((event) => event.recommendationId)).toEqual([id]);
  const [event] = await recordedEvents(serviceWorker, 'copy');
  expect(event).toMatchObject({ conversationId: billing!.id, sourceId: 'kb-billing', agentId: expect.any(String), eventId: expect.any(String) });
});

test('Insert writes into the reply box at the cursor, as typing would, and never sends', async ({ serviceWorker, desk }) => {
  const { desktop, panel } = await readyPanel(desk);
  const id = billing!.expected.visible[0]!;
  await watchComposerInput(desktop);
  await watchSends(desktop);
  const messagesBefore = await agentMessageCount(desktop);

  // The agent has started a reply and left the cursor between two words.
  const composer = desktop.locator('textarea.reply-box');
  await composer.fill('Hello Jordan, thanks.');
  await composer.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(13, 13));
  await watchComposerInput(desktop); // count only what the insert causes

  await card(panel, id).getByTestId('insert').click();
  await expect(card(panel, id).getByTestId('ack')).toHaveText(/Inserted into the reply/);

  const value = await composerValue(desktop);
  expect(value.startsWith('Hello Jordan,')).toBe(true);
  expect(value.endsWith(' thanks.')).toBe(true);
  expect(value.length).toBeGreaterThan('Hello Jordan, thanks.'.length + 20);
  expect(value).not.toMatch(/<[a-z]/i);
  const events = await composerInputEvents(desktop);
  expect(events.length).toBeGreaterThanOrEqual(1);
  expect(events[0]).toMatchObject({ inputType: 'insertText' });
  expect(await sendCount(desktop)).toBe(0);
  expect(await agentMessageCount(desktop)).toBe(messagesBefore);

  await expect.poll(async () => (await recordedEvents(serviceWorker, 'insert')).map((event) => event.recommendationId)).toEqual([id]);
});

test('Insert says so when the page has no reply box, and records nothing', async ({ serviceWorker, desk }) => {
  const { desktop, panel } = await readyPanel(desk);
  await desktop.evaluate(() => document.querySelector('textarea.reply-box')?.remove());
  const id = billing!.expected.visible[0]!;
  await card(panel, id).getByTestId('insert').click();
  await expect(card(panel, id).getByTestId('ack')).toHaveText('No reply box found on this page');
  await expect(card(panel, id).getByTestId('ack')).toHaveAttribute('data-ok', 'false');
  expect(await recordedEvents(serviceWorker, 'insert')).toEqual([]);
});

test('one primary action by channel (Insert on messaging, Copy on email and calls), all actions in one row at 320 px', async ({ desk }) => {
  const { desktop, panel } = await readyPanel(desk);
  await panel.setViewportSize({ width: 320, height: 720 });
  const toolbar = (id: string) => card(panel, id).getByRole('group', { name: /^Actions for / });
  const buttons = async (id: string) =>
    toolbar(id)
      .getByRole('button')
      .evaluateAll((found) => found.map((button) => {
        const box = button.getBoundingClientRect();
        return { id: button.getAttribute('data-testid'), primary: button.classList.contains('button--primary'), middle: box.top + box.height / 2, right: box.right };
      }));
  const panelWidth = await panel.evaluate(() => document.documentElement.clientWidth);
  const expectRow = async (id: string, order: string[], primary: string) => {
    const found = await buttons(id);
    expect(found.map((button) => button.id)).toEqual(order);
    expect(found.filter((button) => button.primary).map((button) => button.id)).toEqual([primary]);
    const middles = found.map((button) => button.middle);
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(4);
    for (const button of found) expect(button.right).toBeLessThanOrEqual(panelWidth);
  };

  // Messaging: Insert leads.
  await expectRow(billing!.expected.visible[0]!, ['insert', 'copy', 'helpful', 'not-helpful', 'dismiss'], 'insert');
  await expect(card(panel, billing!.expected.visible[0]!).getByTestId('helpful')).toHaveAccessibleName('Helpful');

  // Email: Copy leads, Insert stays beside it.
  const select = (id: string) => desktop.evaluate((target) => (window as unknown as { __simDesktop: { select(id: string): void } }).__simDesktop.select(target), id);
  await select(accounts!.id);
  await expect(panel.getByTestId('channel')).toHaveText(/email/i);
  const firstCard = panel.getByTestId('recommendation').first();
  await expect(firstCard).toBeVisible({ timeout: 15_000 });
  await expectRow((await firstCard.getAttribute('data-id'))!, ['copy', 'insert', 'helpful', 'not-helpful', 'dismiss'], 'copy');

  // A call has no reply to insert into: Copy leads, no Insert at all.
  await select(shipping!.id);
  await expect(panel.getByTestId('channel')).toHaveText(/voice|call/i);
  await expect.poll(() => firstCard.getAttribute('data-id'), { timeout: 15_000 }).toMatch(/^shipping-/);
  await expectRow((await firstCard.getAttribute('data-id'))!, ['copy', 'helpful', 'not-helpful', 'dismiss'], 'copy');
  await expect(panel.getByTestId('insert')).toHaveCount(0);
});

test('ratings (with an optional reason), dismissals and opening the article are recorded and shown', async ({ context, extensionId, serviceWorker, desk }) => {
  const { panel, tabId } = await readyPanel(desk);
  const [first, second] = billing!.expected.visible as [string, string];

  await card(panel, first).getByTestId('helpful').click();
  await expect(card(panel, first).getByTestId('helpful')).toHaveAttribute('aria-pressed', 'true');
  await expect(card(panel, first).getByTestId('ack')).toHaveText(/Marked helpful/);

  await card(panel, second).getByTestId('not-helpful').click();
  const form = card(panel, second).getByTestId('reason-form');
  await form.getByLabel('Out of date').check();
  await form.getByTestId('reason-details').fill('Fees changed in March');
  await form.getByRole('button', { name: 'Send feedback' }).click();
  await expect(form).toHaveCount(0);
  await expect(card(panel, second).getByTestId('not-helpful')).toHaveAttribute('aria-pressed', 'true');

  // Reading in full counts as opening it.
  await card(panel, first).getByTestId('content-toggle').click();
  await expect(card(panel, first).getByTestId('content-toggle')).toHaveAttribute('aria-expanded', 'true');

  await card(panel, second).getByTestId('dismiss').click();
  await expect(card(panel, second)).toHaveCount(0);
  await expect(panel.getByTestId('announcement')).toHaveText(/Dismissed/);
  await expect(panel.getByTestId('dismissed-note')).toContainText('1 suggestion dismissed');

  await expect
    .poll(async () => (await recordedEvents(serviceWorker)).filter((event) => event.action !== 'impression').map((event) => [event.action, event.recommendationId, event.reason ?? null]))
    .toEqual([
      ['helpful', first, null],
      ['not_helpful', second, 'out-of-date: Fees changed in March'],
      ['open', first, null],
      ['dismissed', second, null],
    ]);

  // A reopened panel keeps the rating and the dismissal; "Show them again" brings the card back.
  const reopened = await openPanel(context, extensionId, tabId);
  await expect(card(reopened, first).getByTestId('helpful')).toHaveAttribute('aria-pressed', 'true');
  await expect(card(reopened, second)).toHaveCount(0);
  await reopened.getByTestId('restore-dismissed').click();
  await expect(card(reopened, second)).toBeVisible();
});

test('when the worker refuses an action the card says why, and nothing is marked', async ({ serviceWorker, desk }) => {
  const { panel } = await readyPanel(desk);
  const id = billing!.expected.visible[0]!;
  await forgetAgentProfile(serviceWorker);
  await card(panel, id).getByTestId('helpful').click();
  await expect(card(panel, id).getByTestId('ack')).toHaveText('Not recorded: Sign in before recording actions');
  await expect(card(panel, id).getByTestId('ack')).toHaveAttribute('data-ok', 'false');
  await expect(card(panel, id).getByTestId('helpful')).toHaveAttribute('aria-pressed', 'false');
});

test('"Open article" opens the page the provider gives in a new tab and counts as opening it', async ({ context, serviceWorker, simulator, desk }) => {
  const { panel } = await readyPanel(desk);
  const id = billing!.expected.visible[1]!;
  // The simulator's recommendations-query service gives each article's page (the optional `url`).
  const articleUrl = `${simulator.origin}/help/articles/${id}`;
  const link = card(panel, id).getByTestId('link');
  await expect(link).toHaveText('Open article');
  await expect(link).toHaveAttribute('href', articleUrl);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  const opened = context.waitForEvent('page');
  await link.click();
  expect((await opened).url()).toBe(articleUrl);
  await expect.poll(async () => (await recordedEvents(serviceWorker, 'open')).map((event) => event.recommendationId)).toEqual([id]);
});
