import type { Page } from '@playwright/test';
import { lastLine, playScript, signInFromPanel, simulatorSettings, untilPanelShowsLatest, writeSettings } from '../support/agent-desktop';
import { accessibilityFindings, accessibilityViolations, scrollsHorizontally } from '../support/accessibility';
import { sealChain } from '../support/audit-chain';
import { expect, test } from '../support/fixtures';
import { clearFaults, setFaults } from '../support/simulator-control';
import { auditHistory, editEntries, openSupervisor } from '../support/supervisor-page';
import { seedConversations } from '../simulator/conversations';

const [billing] = seedConversations;

test.use({ deskOptions: { conversationId: billing!.id } });

async function expectAccessible(panel: Page, state: string): Promise<void> {
  await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', state);
  expect(await accessibilityViolations(panel), `axe on "${state}"`).toEqual([]);
}

test('every panel state passes axe, in light and dark, and nothing scrolls sideways at 320 px', async ({ context, serviceWorker, simulator, newDesk }) => {
  // Sixteen axe runs over a full panel: CPU-bound, so a busy machine needs more than the default minute.
  test.setTimeout(150_000);
  // Set-up and sign-in are states under test here, so they happen by hand below.
  const { desktop, panel, tabId } = await newDesk({ settings: null, signedIn: false });
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

test('the inline overlay passes axe on the desktop page, light and dark', async ({ desk }) => {
  const { desktop } = desk;
  await expect(desktop.locator('agent-assist-overlay')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await desktop.emulateMedia({ colorScheme: scheme });
    expect(await accessibilityViolations(desktop, 'agent-assist-overlay'), `overlay (${scheme})`).toEqual([]);
  }
});

test('the supervisor page passes axe with its charts, light and dark: axes fit, ticks are distinct, series and ids can be told apart, buckets follow the range', async ({ context, extensionId }) => {
  test.setTimeout(120_000); // axe over a full page is slow on a busy machine
  const supervisor = await openSupervisor(context, extensionId);
  const chain = sealChain(auditHistory(6));
  await editEntries(supervisor, { put: chain, head: { seq: chain.length, hash: chain.at(-1)!.hash } });
  await supervisor.reload();
  const charts = supervisor.getByTestId('charts');
  await expect(charts).toHaveAttribute('data-unit', 'day');

  // Latency labels (up to 100,000 ms) fit left of the axis; count ticks are whole and distinct.
  const tickLeft = await supervisor
    .locator('[data-testid="chart-latency"] [data-testid="y-tick"]')
    .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().left - node.closest('figure')!.getBoundingClientRect().left));
  expect(tickLeft.length).toBeGreaterThan(2);
  expect(Math.min(...tickLeft)).toBeGreaterThanOrEqual(0);
  expect(await supervisor.locator('[data-testid="chart-hidden"] [data-testid="y-tick"]').allTextContents()).toEqual(['0', '1']);
  // The two hidden-item series lie on top of each other: each has its own dash and marker.
  const looks = await supervisor.locator('[data-testid="chart-hidden"] [data-series]').evaluateAll((groups) => groups.map((group) => `${group.getAttribute('data-marker')} ${group.querySelector('path')?.getAttribute('stroke-dasharray') ?? 'solid'}`));
  expect(new Set(looks).size).toBe(3);
  // Conversation ids that share a prefix read differently, and whole enough to fit their column.
  // The table's rows are fetched after the query that draws the charts (src/supervisor/use-audit-query.ts).
  await expect(supervisor.getByTestId('entry-conversation').first()).toBeVisible();
  const conversations = await supervisor.getByTestId('entry-conversation').evaluateAll((cells) => cells.map((cell) => ({ text: cell.textContent, cut: cell.scrollWidth > cell.clientWidth })));
  expect(new Set(conversations.map((cell) => cell.text)).size).toBe(2);
  expect(conversations.filter((cell) => cell.cut)).toEqual([]);

  // Every rule in light; in dark only colours change, so only contrast is checked again.
  for (const scheme of ['light', 'dark'] as const) {
    await supervisor.emulateMedia({ colorScheme: scheme });
    const findings = await accessibilityFindings(supervisor, scheme === 'dark' ? { rules: ['color-contrast'] } : {});
    expect(findings.violations, `axe on the supervisor page (${scheme})`).toEqual([]);
    expect(findings.undecidedContrast, `contrast axe could not decide (${scheme})`).toEqual([]);
  }

  // A range of four months is charted by week; a date that is not one is flagged, not applied.
  const from = supervisor.locator('input[name="from"]');
  await from.fill('13/45/2026');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(supervisor.getByTestId('from-format')).toHaveText('Not a date: use mm/dd/yyyy');
  const longAgo = new Date(Date.now() - 120 * 86_400_000);
  await from.fill(`${longAgo.getMonth() + 1}/${longAgo.getDate()}/${longAgo.getFullYear()}`);
  await expect(from).toHaveAttribute('aria-invalid', 'false');
  await supervisor.getByTestId('apply-filters').click();
  await expect(charts).toHaveAttribute('data-unit', 'week');
});

test('the options page passes axe, light and dark, and tells an admin what to set up and what each threshold does', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await expect(options.getByTestId('options')).toHaveAttribute('aria-busy', 'false');
  // Regions by name with the domain beside; the simulator build's custom entry says what it is for.
  await expect(options.locator('#region option[value="mypurecloud.com"]')).toHaveText('US East (Virginia) — mypurecloud.com');
  await expect(options.locator('#region option[value="custom"]')).toHaveText('Custom (simulator or proxy)');
  // The scopes and permissions for the chosen provider, Copilot's with notifications.
  const scopes = options.getByTestId('oauth-scopes').locator('li');
  await expect(scopes).toHaveText(['user-basic-info']);
  await options.locator('#provider').selectOption('conversation-suggestions');
  await expect(scopes).toHaveText(['conversations', 'knowledge', 'notifications', 'response-management:readonly', 'user-basic-info']);
  await expect(options.getByTestId('oauth-permissions')).toContainText('conversation:suggestion:view');
  // What each threshold does, beside it: the content age hides every older article, and says what it compares.
  await expect(options.locator('#maxContentAgeDays-hint')).toContainText('Every article older than this is hidden');
  await expect(options.locator('#maxContentAgeDays-hint')).toContainText('never hidden for age');
  await expect(options.locator('#cacheTtlSeconds-hint')).toContainText('0 turns the cache off');
  await expect(options.locator('#auditRetentionDays-hint')).toContainText('deleted from this browser');

  // Custom hosts outside the extension's host permissions are named until access is granted.
  await options.locator('#region').selectOption('custom');
  await expect(options.locator('#region-hint')).toContainText('every API call, the recommendations query included');
  await options.locator('#loginBaseUrl').fill('https://127.0.0.1:9/login');
  await options.locator('#apiBaseUrl').fill('https://127.0.0.1:9/api');
  await options.locator('#clientId').fill('admin-check');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved');
  await expect(options.getByTestId('host-access')).toContainText('https://127.0.0.1');
  for (const scheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: scheme });
    const findings = await accessibilityFindings(options, scheme === 'dark' ? { rules: ['color-contrast'] } : {});
    expect(findings.violations, `axe on the options page (${scheme})`).toEqual([]);
    expect(findings.undecidedContrast, `contrast axe could not decide (${scheme})`).toEqual([]);
  }
  // Hosts the build may already reach (the simulator's loopback http) need nothing.
  await options.locator('#loginBaseUrl').fill('http://127.0.0.1:9/login');
  await options.locator('#apiBaseUrl').fill('http://127.0.0.1:9/api');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('host-access')).toHaveCount(0);
});
