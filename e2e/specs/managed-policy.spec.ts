import { playScript, SIM_CLIENT_ID } from '../support/agent-desktop';
import { expect, MANAGED_POLICY_FILE, SIMULATOR_ORIGIN, test } from '../support/fixtures';
import { seedConversations } from '../simulator/conversations';
import { extensionIdFromManifest } from '../support/launch-extension';

/**
 * An IT admin deploys settings through Chrome Enterprise policy. Chromium on Linux reads managed
 * extension policy from /etc/chromium/policies/managed/*.json at start-up; the values reach the
 * extension as storage.managed (shaped by public/managed_schema.json), override local settings
 * and show as locked in the options page. This runs as its own project after every other spec,
 * because a policy file applies to every Chromium started while it exists.
 */
const [billing] = seedConversations;

test.beforeEach(() => {
  // CI runs as root (it installs Chromium with apt); anywhere else this says plainly why it cannot run.
  if (process.getuid?.() !== 0) throw new Error(`the managed-policy test writes ${MANAGED_POLICY_FILE} and needs root`);
});

test.use({
  managedPolicy: {
    region: 'custom',
    loginBaseUrl: SIMULATOR_ORIGIN,
    apiBaseUrl: SIMULATOR_ORIGIN,
    clientId: SIM_CLIENT_ID,
    minRelevanceScore: 0.95,
    maxContentAgeDays: 3650,
  },
});

test('settings from managed policy override local ones, configure the extension, and are locked in the options page', async ({ context, extensionId, serviceWorker, newDesk }) => {
  expect(extensionId).toBe(extensionIdFromManifest());
  expect(await serviceWorker.evaluate(() => chrome.storage.managed.get(null))).toMatchObject({ clientId: SIM_CLIENT_ID, minRelevanceScore: 0.95 });

  // The extension keeps a copy of the policy: after a browser restart it goes by the copy until
  // Chrome's policy service answers, which can take seconds (src/shared/managed-policy.ts).
  await expect
    .poll(async () => (await serviceWorker.evaluate(() => chrome.storage.local.get('managedPolicyCopy'))).managedPolicyCopy)
    .toMatchObject({ clientId: SIM_CLIENT_ID, minRelevanceScore: 0.95, maxContentAgeDays: 3650 });

  // Local settings try to loosen the thresholds; the policy wins.
  const { desktop, panel } = await newDesk({ conversationId: billing!.id, simulatorConnection: false, settings: { minRelevanceScore: 0.1, maxContentAgeDays: 1 } });
  await playScript(desktop, billing!);
  await expect(panel.getByTestId('hidden-toggle')).toBeVisible();
  // Policy 0.95 beats local 0.1; policy 3650 days beats local 1: only very strong matches show, stale ones too.
  for (const score of await panel.getByTestId('recommendation').getByTestId('score').allInnerTexts()) {
    expect(Number(score.replace(/\D/g, ''))).toBeGreaterThanOrEqual(95);
  }
  await panel.getByTestId('hidden-toggle').click();
  await expect(panel.locator('[data-testid="hidden-recommendation"][data-reason="too-old"]')).toHaveCount(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await expect(options.locator('#clientId')).toHaveValue(SIM_CLIENT_ID);
  await expect(options.locator('#clientId')).toBeDisabled();
  await expect(options.locator('#minRelevanceScore')).toHaveValue('0.95');
  await expect(options.locator('#minRelevanceScore')).toBeDisabled();
  await expect(options.getByTestId('locked-minRelevanceScore')).toBeVisible();
  await expect(options.locator('#cacheTtlSeconds')).toBeEnabled();

  // Saving writes only what the policy does not lock.
  await options.locator('#cacheTtlSeconds').fill('60');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved');
  const local = await serviceWorker.evaluate(() => chrome.storage.local.get('settings'));
  expect(local.settings).toMatchObject({ cacheTtlSeconds: 60 });
  expect(Object.keys(local.settings as object)).not.toContain('minRelevanceScore');
  expect(Object.keys(local.settings as object)).not.toContain('clientId');
});
