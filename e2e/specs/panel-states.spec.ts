import { signInFromPanel, simulatorSettings, writeSettings } from '../support/agent-desktop';
import { expect, test } from '../support/fixtures';
import { clearFaults, recordedRequests, setFaults } from '../support/simulator-control';
import { seedConversations } from '../simulator/conversations';

const [billing, devices] = seedConversations;

test.use({ deskOptions: { conversationId: billing!.id } });

test('before any settings the panel sends the admin to the options page', async ({ context, simulator, newDesk }) => {
  const { panel } = await newDesk({ conversationId: billing!.id, settings: null, signedIn: false });
  await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', 'not-configured');
  const optionsPage = context.waitForEvent('page', { predicate: (page) => page.url().includes('/src/options/index.html') });
  await panel.getByRole('button', { name: 'Open settings' }).click();
  await expect((await optionsPage).locator('#clientId')).toBeVisible();
  expect(await recordedRequests(simulator.origin)).toEqual([]);
});

test('with no desktop tab, the panel still leads through set-up and sign-in', async ({ context, extensionId, serviceWorker, simulator }) => {
  // The side panel's own tab: the extension page, no desktop in it.
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/src/sidepanel/index.html`);
  await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', 'not-configured');
  await expect(panel.getByRole('button', { name: 'Open settings' })).toBeVisible();
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin));
  await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', 'signed-out');
  await signInFromPanel(context, panel);
  await expect(panel.getByTestId('user-name')).toHaveText('Alex Agent');
  await expect(panel.getByTestId('idle')).toBeVisible();
});

test.describe(() => {
  test.use({ deskOptions: { conversationId: billing!.id, signedIn: false } });

  test('signed out, the panel asks for sign-in and nothing is sent to the API', async ({ simulator, desk }) => {
    const { panel } = desk;
    await expect(panel.getByTestId('signed-out')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    expect(await recordedRequests(simulator.origin, 'query')).toEqual([]);
  });
});

test.describe(() => {
  test.use({ deskOptions: {} });

  test('with no conversation open the panel says so; opening one brings cards', async ({ desk }) => {
    const { desktop, panel } = desk;
    await expect(panel.getByTestId('followed-conversation')).toHaveCount(0);
    await desktop.locator('li.conversation-item').first().click();
    await expect(panel.getByTestId('recommendation').first()).toBeVisible();
    // The header names whom and what the panel follows, and follows the agent to the next one.
    await expect(panel.getByTestId('customer-name')).toHaveText(billing!.customerName);
    await expect(panel.getByTestId('subject')).toHaveText(billing!.subject);
    await desktop.locator('li.conversation-item').nth(1).click();
    await expect(panel.getByTestId('customer-name')).toHaveText(devices!.customerName);
    await expect(panel.getByTestId('subject')).toHaveText(devices!.subject);
  });
});

test('a provider failure shows an error with its correlation id, and Retry recovers', async ({ simulator, newDesk }) => {
  await setFaults(simulator.origin, [{ route: 'query', kind: 'status', status: 400 }]);
  const { panel } = await newDesk({ conversationId: billing!.id });

  const error = panel.getByTestId('error');
  await expect(error).toBeVisible();
  const failed = (await recordedRequests(simulator.origin, 'query')).at(-1);
  expect(failed?.status).toBe(400);
  await expect(panel.getByTestId('error-details')).toContainText(failed!.correlationId);

  await clearFaults(simulator.origin);
  await panel.getByTestId('retry').click();
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
  await expect(error).toHaveCount(0);
});
