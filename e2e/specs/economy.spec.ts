import type { Page } from '@playwright/test';
import { openDesktop, openPanel, tabIdOf } from '../support/agent-desktop';
import { ANOTHER_DESK, expect, test } from '../support/fixtures';
import { recordedRequests } from '../support/simulator-control';
import { countStoredContexts } from '../support/worker-contexts';
import { currentWorker, killServiceWorker, workerErrors } from '../support/worker-control';
import { seedConversations } from '../simulator/conversations';

/** docs/performance.md E1–E4: the organisation's API rate limits are not ours to waste. */
const [billing] = seedConversations;

type SimDesktop = { __simDesktop: { select(id: string): Promise<void>; addMessage(id: string, author: string, text: string): Promise<void> } };

async function select(desktop: Page, id: string): Promise<void> {
  await desktop.evaluate((conversationId) => (window as unknown as SimDesktop).__simDesktop.select(conversationId), id);
}

const queryCount = async (origin: string) => (await recordedRequests(origin, 'query')).length;

test('E2: the same context asked again within the TTL, by another tab or a reopened panel, costs no call', async ({ simulator, desk, newDesk }) => {
  const { desktop, panel } = desk;
  await select(desktop, billing!.id);
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
  expect(await queryCount(simulator.origin)).toBe(1);

  const { panel: secondPanel } = await newDesk({ ...ANOTHER_DESK, conversationId: billing!.id });
  await expect(secondPanel.getByTestId('recommendation').first()).toBeVisible();
  await panel.reload();
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
  expect(await queryCount(simulator.origin)).toBe(1);
});

test('E4: two tabs asking the same question at once share one request', async ({ simulator, desk, newDesk }) => {
  const { desktop, panel } = desk;
  const { desktop: other, panel: otherPanel } = await newDesk(ANOTHER_DESK);
  await fetch(new URL('/__sim/config', simulator.origin), { method: 'POST', body: JSON.stringify({ latencyMs: 2000 }) });
  await Promise.all([select(desktop, billing!.id), select(other, billing!.id)]);
  await expect(panel.getByTestId('recommendation').first()).toBeVisible({ timeout: 15_000 });
  await expect(otherPanel.getByTestId('recommendation').first()).toBeVisible({ timeout: 15_000 });
  expect(await queryCount(simulator.origin)).toBe(1);
});

test('E1: a customer typing 40 messages costs no more calls than the debounced contexts the worker received, and the last one answers the whole conversation', async ({ serviceWorker, simulator, desk }) => {
  const { desktop, panel, tabId } = desk;
  await select(desktop, billing!.id);
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
  const before = await queryCount(simulator.origin);
  const contexts = await countStoredContexts(serviceWorker, tabId);
  // Live: one message at a time, as the desktop shows them (each is a round trip from the test).
  for (let i = 0; i < 40; i++) {
    await desktop.evaluate(
      ([id, text]) => (window as unknown as SimDesktop).__simDesktop.addMessage(id, 'customer', text),
      [billing!.id, `Message ${i}: still waiting on the refund for the double charge`] as const,
    );
  }
  await expect.poll(async () => JSON.stringify((await recordedRequests(simulator.origin, 'query')).at(-1)?.body), { timeout: 15_000 }).toContain('Message 39');
  const calls = (await queryCount(simulator.origin)) - before;
  // How many contexts the content script's debounce let through depends on how fast the messages
  // came; each of them costs at most one call, and none costs more. The pipeline asks about a
  // context it read back from storage, but the counter hears of it by a storage event, which can
  // still be on its way when the request is in (src/background/pipeline/recommendation-pipeline.ts).
  await expect.poll(() => contexts.distinct()).toBeGreaterThanOrEqual(calls);
  const distinct = await contexts.distinct();
  expect(distinct).toBeGreaterThanOrEqual(1);
  expect(distinct).toBeLessThanOrEqual(40);
  expect(calls).toBeGreaterThanOrEqual(1);
  expect(calls).toBeLessThanOrEqual(distinct);
});

test('the cache survives the worker being killed: a cached context renders with no provider call', async ({ context, extensionId, simulator, desk }) => {
  const { desktop, panel } = desk;
  await select(desktop, billing!.id);
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
  expect(await queryCount(simulator.origin)).toBe(1);

  await killServiceWorker(context, desktop);
  // By hand: the desktop opening is what starts the killed worker again, before it can be asked for the tab.
  const second = await openDesktop(context, simulator.origin, billing!.id);
  const worker = await currentWorker(context);
  const secondPanel = await openPanel(context, extensionId, await tabIdOf(worker, second));
  await expect(secondPanel.getByTestId('recommendation').first()).toBeVisible();
  expect(await queryCount(simulator.origin)).toBe(1);
  expect(await workerErrors(worker)).toEqual([]);
});

test.describe(() => {
  test.use({ deskOptions: { settings: { cacheTtlSeconds: 1 } } });

  test('a stale cache entry shows at once, marked, and is refreshed in the background', async ({ serviceWorker, simulator, desk, newDesk }) => {
    const { desktop, panel } = desk;
    await select(desktop, billing!.id);
    await expect(panel.getByTestId('recommendation').first()).toBeVisible();
    // Until the cached answer is older than its 1 s TTL, by the worker's clock.
    await expect
      .poll(() => serviceWorker.evaluate(async () => Object.values(await chrome.storage.session.get(null)).some((value) => {
        const view = value as { status?: string; updatedAt?: number };
        return view?.status === 'ready' && typeof view.updatedAt === 'number' && Date.now() - view.updatedAt > 1_200;
      })))
      .toBe(true);
    await fetch(new URL('/__sim/config', simulator.origin), { method: 'POST', body: JSON.stringify({ latencyMs: 3000 }) });

    const { panel: secondPanel } = await newDesk({ ...ANOTHER_DESK, conversationId: billing!.id });
    await expect(secondPanel.getByTestId('stale')).toBeVisible();
    await expect(secondPanel.getByTestId('recommendation').first()).toBeVisible();
    await expect(secondPanel.getByTestId('stale')).toBeHidden({ timeout: 10_000 });
    expect(await queryCount(simulator.origin)).toBe(2);
  });
});
