import type { Page } from '@playwright/test';
import { lastLine, openDesktop, openPanel, playScript, signInFromPanel, simulatorSettings, tabIdOf, untilPanelShowsLatest, writeSettings } from '../support/agent-desktop';
import { accessibilityViolations, scrollsHorizontally } from '../support/accessibility';
import { expect, test } from '../support/fixtures';
import { clearFaults, setFaults } from '../support/simulator-control';
import { seedConversations } from '../simulator/conversations';

const [billing] = seedConversations;

async function expectAccessible(panel: Page, state: string): Promise<void> {
  await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', state);
  expect(await accessibilityViolations(panel), `axe on "${state}"`).toEqual([]);
}

test('every panel state passes axe, in light and dark, and nothing scrolls sideways at 320 px', async ({ context, extensionId, serviceWorker, simulator }) => {
  // Sixteen axe runs over a full panel: CPU-bound, so a busy machine needs more than the default minute.
  test.setTimeout(150_000);
  const desktop = await openDesktop(context, simulator.origin);
  const tabId = await tabIdOf(serviceWorker, desktop);
  const panel = await openPanel(context, extensionId, tabId);
  await panel.setViewportSize({ width: 320, height: 720 });
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    await expectAccessible(panel, 'not-configured');
  }

  await writeSettings(serviceWorker, simulatorSettings(simulator.origin));
  await expectAccessible(panel, 'signed-out');
  await signInFromPanel(context, panel);
  await expectAccessible(panel, 'no-conversation');

  // Loading: the provider takes its time.
  await setFaults(simulator.origin, [{ route: 'query', kind: 'latency', latencyMs: 4000, times: 1 }]);
  await desktop.evaluate((id) => (window as unknown as { __simDesktop: { select(id: string): void } }).__simDesktop.select(id), billing!.id);
  await expectAccessible(panel, 'loading');
  await clearFaults(simulator.origin);

  await playScript(desktop, billing!);
  await untilPanelShowsLatest(serviceWorker, panel, tabId, lastLine(billing!));
  await expect(panel.getByTestId('recommendation').nth(1)).toBeVisible();
  await panel.getByTestId('hidden-toggle').click();
  await panel.getByTestId('recommendation').first().getByTestId('helpful').click();
  await panel.getByTestId('recommendation').nth(1).getByTestId('not-helpful').click();
  await panel.getByText('Keyboard shortcuts').click();
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    await expectAccessible(panel, 'ready');
    expect(await scrollsHorizontally(panel), `horizontal scroll (${scheme})`).toBe(false);
  }
  // The themes really differ.
  const background = (scheme: 'light' | 'dark') => panel.emulateMedia({ colorScheme: scheme }).then(() => panel.evaluate(() => getComputedStyle(document.documentElement).backgroundColor));
  expect(await background('light')).not.toBe(await background('dark'));

  // Empty: nothing passes the thresholds.
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin, { minRelevanceScore: 0.999 }));
  await expect(panel.getByTestId('empty')).toBeVisible({ timeout: 15_000 });
  await expectAccessible(panel, 'ready');
  expect(await scrollsHorizontally(panel)).toBe(false);

  // Error, over the previous cards.
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin));
  await expect(panel.getByTestId('recommendation').first()).toBeVisible({ timeout: 15_000 });
  await setFaults(simulator.origin, [{ route: 'query', kind: 'status', status: 400 }]);
  await desktop.evaluate((id) => (window as unknown as { __simDesktop: { addMessage(id: string, a: string, t: string): void } }).__simDesktop.addMessage(id, 'customer', 'Is there an update?'), billing!.id);
  await expect(panel.getByTestId('error')).toBeVisible({ timeout: 15_000 });
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    await expectAccessible(panel, 'error');
    expect(await scrollsHorizontally(panel)).toBe(false);
  }
});

test('the inline overlay passes axe on the desktop page, light and dark', async ({ context, extensionId, serviceWorker, simulator }) => {
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin));
  const desktop = await openDesktop(context, simulator.origin, billing!.id);
  const panel = await openPanel(context, extensionId, await tabIdOf(serviceWorker, desktop));
  await signInFromPanel(context, panel);
  await expect(desktop.locator('agent-assist-overlay')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await desktop.emulateMedia({ colorScheme: scheme });
    expect(await accessibilityViolations(desktop, 'agent-assist-overlay'), `overlay (${scheme})`).toEqual([]);
  }
});
