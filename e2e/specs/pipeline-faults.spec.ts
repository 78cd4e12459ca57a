import type { Page } from '@playwright/test';
import { signInFromPanel } from '../support/agent-desktop';
import { expect, test } from '../support/fixtures';
import { clearFaults, recordedRequests, setFaults } from '../support/simulator-control';
import { sendFromPage } from '../support/supervisor-page';
import { workerErrors } from '../support/worker-control';
import { seedConversations } from '../simulator/conversations';

/**
 * docs/performance.md R2: each injected fault shows a clear state in the panel, recovers when the fault
 * clears, and leaves no unhandled rejection in the worker. Faults are injected after sign-in so
 * they hit the recommendation query only.
 */
const [billing] = seedConversations;

async function openConversation(desktop: Page, id: string): Promise<void> {
  await desktop.evaluate((conversationId) => (window as unknown as { __simDesktop: { select(id: string): Promise<void> } }).__simDesktop.select(conversationId), id);
}

const queries = async (origin: string) => recordedRequests(origin, 'query');

test.afterEach(async ({ serviceWorker }) => {
  expect(await workerErrors(serviceWorker)).toEqual([]);
});

test('429 with Retry-After: nothing is sent before it elapses, then the cards come', async ({ simulator, desk }) => {
  const { desktop, panel } = desk;
  await setFaults(simulator.origin, [{ route: 'query', kind: 'status', status: 429, retryAfter: '2', times: 1 }]);
  await openConversation(desktop, billing!.id);
  await expect(panel.getByTestId('recommendation').first()).toBeVisible({ timeout: 15_000 });
  const [limited, retried] = await queries(simulator.origin);
  expect(limited?.status).toBe(429);
  expect(retried?.status).toBe(200);
  expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(1990);
});

test('429 with a long Retry-After: the panel says when it will retry, and Retry does not jump the queue', async ({ serviceWorker, simulator, desk }) => {
  const { desktop, panel, tabId } = desk;
  await setFaults(simulator.origin, [{ route: 'query', kind: 'status', status: 429, retryAfter: '120' }]);
  await openConversation(desktop, billing!.id);
  const error = panel.getByTestId('error');
  await expect(error).toHaveAttribute('data-kind', 'rate-limited');
  await expect(panel.getByTestId('error-message')).toContainText(/Retrying at \d{2}:\d{2}:\d{2}/);
  expect(await queries(simulator.origin)).toHaveLength(1);

  await panel.getByTestId('retry').click();
  await expect(error).toHaveAttribute('data-kind', 'rate-limited');
  // The worker writes the view the panel shows before it sets the retry alarm
  // (publish in src/background/services.ts): the alarm can still be on its way.
  await expect.poll(async () => (await serviceWorker.evaluate((id) => chrome.alarms.get(`refresh:${id}`), tabId))?.scheduledTime ?? 0).toBeGreaterThan(Date.now() + 100_000);

  // Proof that the click sent nothing early, by the worker's own later answer rather than by
  // waiting: a second Retry from the same panel is handled after the click's, and the worker says
  // it queued it behind the Retry-After.
  expect(await sendFromPage<{ queued: boolean }>(panel, 'page/refresh', { tabId })).toEqual({ queued: true });
  expect(await queries(simulator.origin)).toHaveLength(1); // nothing before Retry-After
});

test('429 without Retry-After backs off and recovers on its own', async ({ simulator, desk }) => {
  const { desktop, panel } = desk;
  await setFaults(simulator.origin, [{ route: 'query', kind: 'status', status: 429, times: 2 }]);
  await openConversation(desktop, billing!.id);
  await expect(panel.getByTestId('recommendation').first()).toBeVisible({ timeout: 20_000 });
  expect((await queries(simulator.origin)).map((request) => request.status)).toEqual([429, 429, 200]);
});

test('a 500 and a 503 burst are retried with backoff until the service answers', async ({ simulator, desk }) => {
  const { desktop, panel } = desk;
  await setFaults(simulator.origin, [
    { route: 'query', kind: 'status', status: 500, times: 1 },
    { route: 'query', kind: 'status', status: 503, times: 2 },
  ]);
  await openConversation(desktop, billing!.id);
  await expect(panel.getByTestId('recommendation').first()).toBeVisible({ timeout: 20_000 });
  expect((await queries(simulator.origin)).map((request) => request.status)).toEqual([500, 503, 503, 200]);
});

test('a request that never answers times out and is tried again', async ({ simulator, desk }) => {
  test.setTimeout(60_000);
  const { desktop, panel } = desk;
  await setFaults(simulator.origin, [{ route: 'query', kind: 'hang', times: 1 }]);
  await openConversation(desktop, billing!.id);
  await expect(panel.getByTestId('loading')).toBeVisible();
  await expect(panel.getByTestId('recommendation').first()).toBeVisible({ timeout: 30_000 });
  const [hung, answered] = await queries(simulator.origin);
  expect(hung?.status).toBeNull();
  expect(answered!.at - hung!.at).toBeGreaterThanOrEqual(14_900); // the 15 s request timeout
});

test('a malformed body is an error state, not a crash; Retry recovers once the service is fixed', async ({ simulator, desk }) => {
  const { desktop, panel } = desk;
  await setFaults(simulator.origin, [{ route: 'query', kind: 'malformed-json' }]);
  await openConversation(desktop, billing!.id);
  await expect(panel.getByTestId('error')).toHaveAttribute('data-kind', 'invalid-response');
  await expect(panel.getByTestId('error-details')).toContainText((await queries(simulator.origin)).at(-1)!.correlationId);
  await clearFaults(simulator.origin);
  await panel.getByTestId('retry').click();
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
});

test('schema-invalid items are dropped and counted; the valid ones still show', async ({ simulator, desk }) => {
  const { desktop, panel } = desk;
  await setFaults(simulator.origin, [{ route: 'query', kind: 'invalid-items' }]);
  await openConversation(desktop, billing!.id);
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
  await expect(panel.getByTestId('invalid-count')).toContainText(/\d+/);
});

test('an expired token is renewed silently, once, and the agent never notices', async ({ simulator, desk }) => {
  const { desktop, panel } = desk;
  await setFaults(simulator.origin, [{ route: 'query', kind: 'expired-token', times: 1 }]);
  await openConversation(desktop, billing!.id);
  await expect(panel.getByTestId('recommendation').first()).toBeVisible({ timeout: 15_000 });
  expect((await queries(simulator.origin)).map((request) => request.status)).toEqual([401, 200]);
  expect((await recordedRequests(simulator.origin, 'token')).filter((request) => request.status === 200)).toHaveLength(2);
  await expect(panel.getByTestId('user-name')).toHaveText('Alex Agent');
});

test('when the session cannot be renewed silently the agent is asked to sign in again', async ({ context, simulator, desk }) => {
  const { desktop, panel } = desk;
  await fetch(new URL('/__sim/config', simulator.origin), { method: 'POST', body: JSON.stringify({ silentLogin: false }) });
  await fetch(new URL('/__sim/expire-all-tokens', simulator.origin), { method: 'POST' });
  await openConversation(desktop, billing!.id);
  await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', 'signed-out');
  // One signed-out state that says why: no name and no Sign out above it.
  await expect(panel.getByTestId('signed-out')).toContainText('Your session ended');
  await expect(panel.getByTestId('user-name')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await signInFromPanel(context, panel);
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
});

test('a 403 is not retried: the panel names the missing permission and whom to ask', async ({ serviceWorker, simulator, desk }) => {
  const { desktop, panel, tabId } = desk;
  await setFaults(simulator.origin, [{ route: 'query', kind: 'status', status: 403, missingPermission: 'knowledge:knowledgebase:search' }]);
  await openConversation(desktop, billing!.id);
  await expect(panel.getByTestId('error')).toHaveAttribute('data-kind', 'forbidden');
  const message = panel.getByTestId('error-message');
  await expect(message).toContainText('knowledge:knowledgebase:search');
  await expect(message).toContainText('Ask your administrator');
  await expect(message).not.toContainText('Trying again');
  // Nothing scheduled, and one request only.
  expect(await serviceWorker.evaluate((id) => chrome.alarms.get(`refresh:${id}`), tabId)).toBeFalsy();
  expect(await queries(simulator.origin)).toHaveLength(1);

  // Once the administrator has granted it, Retry brings the cards.
  await clearFaults(simulator.origin);
  await panel.getByTestId('retry').click();
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
});

test('network down: an offline state with the next automatic attempt, and recovery', async ({ serviceWorker, simulator, desk }) => {
  const { desktop, panel, tabId } = desk;
  await setFaults(simulator.origin, [{ route: 'query', kind: 'reset' }]);
  await openConversation(desktop, billing!.id);
  await expect(panel.getByTestId('error')).toHaveAttribute('data-kind', 'offline', { timeout: 20_000 });
  await expect(panel.getByTestId('error-message')).toContainText(/Trying again automatically at \d{2}:\d{2}:\d{2}/);
  // Set after the view that says when is written (publish in src/background/services.ts).
  await expect.poll(() => serviceWorker.evaluate((id) => chrome.alarms.get(`refresh:${id}`), tabId)).toBeTruthy();

  await clearFaults(simulator.origin);
  await panel.getByTestId('retry').click();
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
  await expect.poll(() => serviceWorker.evaluate((id) => chrome.alarms.get(`refresh:${id}`), tabId)).toBeFalsy();
});
