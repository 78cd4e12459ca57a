import type { Frame, Page } from '@playwright/test';
import { addCustomerMessage, playScript } from '../support/agent-desktop';
import { evaluateInContentScript } from '../support/content-script-world';
import { composerInputEvents, composerValue, watchComposerInput } from '../support/desktop-page';
import { expect, test } from '../support/fixtures';
import { overlay } from '../support/inline-overlay';
import { recordedEvents } from '../support/recorded-events';
import { INITIAL_LINES, seedConversations } from '../simulator/conversations';
import { addRealisticMessage, gadgetFrame, openRealisticDesktop } from '../support/realistic-desktop';

const [billing, devices] = seedConversations;

test.use({ deskOptions: { conversationId: billing!.id } });

test('the overlay shows the count and the top suggestion above the transcript, never over the reply box', async ({ desk }) => {
  const { desktop, panel } = desk;
  const firstCard = panel.getByTestId('recommendation').first();
  await expect(firstCard).toBeVisible();

  const box = overlay(desktop);
  await expect(box).toBeVisible();
  const count = await panel.getByTestId('recommendation').count();
  await expect(box.locator('.count')).toHaveText(count === 1 ? 'Agent Assist: 1 suggestion' : `Agent Assist: ${count} suggestions`);
  await expect(box.locator('.title')).toHaveText(await firstCard.getByTestId('title').innerText());
  await expect(box.getByRole('region', { name: 'Agent Assist suggestions' })).toBeVisible();

  // Its own line, before the transcript, inside the conversation: nothing of the page is covered.
  expect(await box.evaluate((host) => host.nextElementSibling?.classList.contains('transcript'))).toBe(true);
  const overlayRect = (await box.boundingBox())!;
  const composerRect = (await desktop.locator('textarea.reply-box').boundingBox())!;
  const transcriptRect = (await desktop.locator('.transcript').boundingBox())!;
  expect(overlayRect.y + overlayRect.height).toBeLessThanOrEqual(composerRect.y);
  expect(overlayRect.y + overlayRect.height).toBeLessThanOrEqual(transcriptRect.y + 0.5);

  // Another conversation: the overlay follows it.
  await desktop.evaluate((id) => (window as unknown as { __simDesktop: { select(id: string): void } }).__simDesktop.select(id), devices!.id);
  await expect(panel.getByTestId('channel')).toHaveText(/chat/i);
  await expect
    .poll(async () => [await box.locator('.title').innerText(), await panel.getByTestId('recommendation').first().getByTestId('title').innerText()], { timeout: 15_000 })
    .toEqual([expect.stringMatching(/charg/i), expect.stringMatching(/charg/i)]);
  await expect.poll(async () => (await box.locator('.title').innerText()) === (await panel.getByTestId('recommendation').first().getByTestId('title').innerText())).toBe(true);
  await expect(box).toBeVisible();
  expect(await box.evaluate((host) => host.closest('section.conversation')?.getAttribute('data-conversation-id'))).toBe(devices!.id);

  // No conversation: no overlay.
  await desktop.evaluate(() => (window as unknown as { __simDesktop: { closeConversation(): void } }).__simDesktop.closeConversation());
  await expect(box).toBeHidden();
});

test('Insert on the overlay writes the top suggestion into the reply box and is recorded', async ({ serviceWorker, desk }) => {
  const { desktop, panel } = desk;
  const box = overlay(desktop);
  await expect(box.locator('.title')).not.toBeEmpty();
  const topId = await panel.getByTestId('recommendation').first().getAttribute('data-id');
  await watchComposerInput(desktop);

  await box.getByRole('button', { name: /^Insert into reply: / }).click();
  await expect(box.getByRole('status')).toHaveText('Inserted into the reply. Review it, then send.');
  expect((await composerValue(desktop)).length).toBeGreaterThan(20);
  expect((await composerInputEvents(desktop))[0]).toMatchObject({ inputType: 'insertText' });
  await expect.poll(async () => (await recordedEvents(serviceWorker, 'insert')).map((event) => event.recommendationId)).toEqual([topId]);
  // The overlay's top suggestion was on screen: an impression, once.
  await expect.poll(async () => (await recordedEvents(serviceWorker, 'impression')).filter((event) => event.recommendationId === topId)).toHaveLength(1);

  // Without a reply box the overlay says so.
  await desktop.evaluate(() => document.querySelector('textarea.reply-box')?.remove());
  await box.getByRole('button', { name: /^Insert into reply: / }).click();
  await expect(box.getByRole('status')).toHaveText('No reply box found on this page');
  expect(await recordedEvents(serviceWorker, 'insert')).toHaveLength(1);
});

test('the overlay collapses per conversation, and stays collapsed after a reload', async ({ desk }) => {
  const { desktop } = desk;
  const box = overlay(desktop);
  const toggle = box.getByRole('button', { name: 'Hide' });
  await toggle.click();
  await expect(box.getByRole('button', { name: 'Show' })).toHaveAttribute('aria-expanded', 'false');
  await expect(box.locator('.title')).toBeHidden();
  await expect(box.locator('.count')).toBeVisible();

  // Another conversation is not collapsed…
  await desktop.evaluate((id) => (window as unknown as { __simDesktop: { select(id: string): void } }).__simDesktop.select(id), devices!.id);
  await expect(box.getByRole('button', { name: 'Hide' })).toBeVisible({ timeout: 15_000 });
  await expect(box.locator('.title')).toBeVisible();
  // …and the first one still is, also after the desktop reloads.
  await desktop.evaluate((id) => (window as unknown as { __simDesktop: { select(id: string): void } }).__simDesktop.select(id), billing!.id);
  await expect(box.getByRole('button', { name: 'Show' })).toBeVisible();
  await desktop.reload();
  await expect(overlay(desktop).getByRole('button', { name: 'Show' })).toBeVisible({ timeout: 15_000 });
  await expect(overlay(desktop).locator('.title')).toBeHidden();
});

test('"Open panel" opens the side panel from the click; without a user gesture the browser refuses', async ({ desk }) => {
  const { desktop } = desk;
  const box = overlay(desktop);
  await expect(box.locator('.title')).not.toBeEmpty();
  const openPanelMessage = `chrome.runtime.sendMessage({ type: 'desktop/open-panel', data: {} })`;

  // Opening the page counts as activation for a few seconds; wait until it has worn off.
  await expect
    .poll(() => evaluateInContentScript<boolean>(desktop, 'navigator.userActivation.isActive'), { timeout: 15_000, intervals: [500] })
    .toBe(false);
  // A script with no user gesture: sidePanel.open() is refused...
  expect(await evaluateInContentScript(desktop, openPanelMessage)).toEqual({ ok: true, data: { opened: false } });
  // ...and when a script clicks the overlay's button, the overlay explains the toolbar button.
  // (Through the DevTools protocol without a gesture: Playwright's own evaluate would lend one.)
  await evaluateInContentScript(desktop, `[...document.querySelector('agent-assist-overlay').shadowRoot.querySelectorAll('button')].find((button) => button.textContent.trim() === 'Open panel').click()`);
  await expect(box.locator('.status')).toHaveText(/Open the panel with the Agent Assist button in the browser toolbar/);
  // The same message sent during a gesture opens the panel (headless Chromium draws no side panel, but the call succeeds).
  expect(await evaluateInContentScript(desktop, openPanelMessage, 10_000, { userGesture: true })).toEqual({ ok: true, data: { opened: true } });

  // The agent's click is such a gesture: the panel opens and the explanation goes.
  await box.getByRole('button', { name: 'Open panel' }).click();
  await expect(box.locator('.status')).toHaveText('');
});

/**
 * The part of each transcript line the agent can see (its box clipped to the transcript's
 * scrolling viewport) that the overlay's box overlaps, in px². 0 when nothing is covered.
 */
async function coveredLineArea(frame: Pick<Page, 'evaluate'> | Frame, lineSelector: string): Promise<number> {
  return frame.evaluate((selector) => {
    const host = document.querySelector('agent-assist-overlay');
    if (!host || (host as HTMLElement).hidden) return -1;
    const box = host.getBoundingClientRect();
    let covered = 0;
    for (const line of document.querySelectorAll(selector)) {
      let seen = line.getBoundingClientRect();
      for (let node = line.parentElement; node; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowY;
        if (overflow !== 'auto' && overflow !== 'scroll') continue;
        const port = node.getBoundingClientRect();
        const left = Math.max(seen.left, port.left);
        const top = Math.max(seen.top, port.top);
        seen = new DOMRect(left, top, Math.max(0, Math.min(seen.right, port.right) - left), Math.max(0, Math.min(seen.bottom, port.bottom) - top));
      }
      const w = Math.min(seen.right, box.right) - Math.max(seen.left, box.left);
      const h = Math.min(seen.bottom, box.bottom) - Math.max(seen.top, box.top);
      if (w > 0 && h > 0) covered += w * h;
    }
    return covered;
  }, lineSelector);
}

async function scrollTranscript(frame: Pick<Page, 'evaluate'> | Frame, lineSelector: string, to: 'top' | 'bottom'): Promise<void> {
  await frame.evaluate(
    ([selector, where]) => {
      const lines = document.querySelectorAll(selector);
      const line = where === 'top' ? lines[0] : lines[lines.length - 1];
      line?.scrollIntoView({ block: where === 'top' ? 'start' : 'end' });
    },
    [lineSelector, to] as const,
  );
}

test('the overlay covers no transcript line, first or scrolled, on the simple and the realistic desktop, wide and narrow', async ({ context, simulator, desk }) => {
  const { desktop } = desk;
  await expect(overlay(desktop).locator('.title')).not.toBeEmpty();
  await playScript(desktop, billing!);
  const realistic = await openRealisticDesktop(context, simulator.origin, { conversationId: billing!.id });
  const gadget = await gadgetFrame(realistic, billing!.id);
  for (const line of billing!.timeline.slice(INITIAL_LINES)) await addRealisticMessage(realistic, billing!.id, line.author, line.text);
  await expect(gadget.locator('agent-assist-overlay')).toBeVisible({ timeout: 15_000 });

  for (const size of [{ width: 1280, height: 800 }, { width: 760, height: 520 }, { width: 560, height: 380 }]) {
    for (const [page, frame, lines] of [
      [desktop, desktop, '.message'],
      [realistic, gadget, '.message-group, .system-message'],
    ] as const) {
      await page.setViewportSize(size);
      for (const to of ['top', 'bottom'] as const) {
        await scrollTranscript(frame, lines, to);
        await expect.poll(() => coveredLineArea(frame, lines), { message: `${page.url()} ${size.width}x${size.height} ${to}` }).toBe(0);
      }
    }
  }
  // Where the transcript is short the overlay is only its bar, reached from the keyboard; Show opens
  // it, still beside the transcript, and new lines never take the focus from the reply box.
  await desktop.setViewportSize({ width: 560, height: 380 });
  const box = overlay(desktop);
  await expect(box.locator('.title')).toBeHidden();
  await box.getByRole('button', { name: 'Show' }).press('Enter');
  await expect(box.locator('.title')).toBeVisible();
  expect(await coveredLineArea(desktop, '.message')).toBe(0);
  await desktop.locator('textarea.reply-box').focus();
  await addCustomerMessage(desktop, billing!.id, 'Is the refund on its way?');
  await expect(desktop.locator('.message').last()).toHaveText(/Is the refund on its way/);
  expect(await desktop.evaluate(() => document.activeElement?.classList.contains('reply-box'))).toBe(true);
});

test('the overlay follows the desktop theme, not the operating system', async ({ context, simulator, desk }) => {
  const { desktop } = desk;
  const box = overlay(desktop);
  await expect(box.locator('.title')).not.toBeEmpty();
  const overlayLuminance = () =>
    box.evaluate((host) => {
      const [r, g, b] = (getComputedStyle(host.shadowRoot!.querySelector('.overlay')!).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).map(Number);
      return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
    });
  const setTheme = (theme: 'light' | 'dark') =>
    desktop.evaluate((name) => (window as unknown as { __simDesktop: { setTheme(name: string): void } }).__simDesktop.setTheme(name), theme);

  // The operating system is light, the desktop dark: the overlay is dark.
  await desktop.emulateMedia({ colorScheme: 'light' });
  await setTheme('dark');
  await expect.poll(overlayLuminance).toBeLessThan(0.3);
  // The operating system is dark, the desktop light: the overlay is light.
  await desktop.emulateMedia({ colorScheme: 'dark' });
  await setTheme('light');
  await expect.poll(overlayLuminance).toBeGreaterThan(0.7);

  // The realistic desktop's messaging gadget in its dark theme, the system light.
  const realistic = await openRealisticDesktop(context, simulator.origin, { conversationId: billing!.id });
  await realistic.emulateMedia({ colorScheme: 'light' });
  const gadget = await gadgetFrame(realistic, billing!.id);
  for (const line of billing!.timeline.slice(INITIAL_LINES)) await addRealisticMessage(realistic, billing!.id, line.author, line.text);
  await gadget.evaluate(() => document.documentElement.classList.add('theme-dark'));
  const gadgetBox = gadget.locator('agent-assist-overlay');
  await expect(gadgetBox).toBeVisible({ timeout: 15_000 });
  await expect
    .poll(() =>
      gadgetBox.evaluate((host) => {
        const [r, g, b] = (getComputedStyle(host.shadowRoot!.querySelector('.overlay')!).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).map(Number);
        return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
      }),
    )
    .toBeLessThan(0.3);
});
