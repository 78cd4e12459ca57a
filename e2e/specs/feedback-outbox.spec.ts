import type { BrowserContext, Page, Worker } from '@playwright/test';
import { openDesktop, openPanel, signInFromPanel, simulatorSettings, tabIdOf, writeSettings } from '../support/agent-desktop';
import { outboxStatus, recordEvent, webhookSummary, type EventInput } from '../support/feedback';
import { expect, test } from '../support/fixtures';
import { clearFaults, recordedRequests, setFaults } from '../support/simulator-control';
import { killServiceWorker } from '../support/worker-control';
import { seedConversations } from '../simulator/conversations';

const [billing] = seedConversations;
const ACTIONS: EventInput['action'][] = ['impression', 'open', 'copy', 'insert', 'helpful', 'not_helpful', 'dismissed'];

/** A signed-in agent with the simulator's webhook configured; returns the side panel page that sends events. */
async function signedInPanel(context: BrowserContext, extensionId: string, serviceWorker: Worker, origin: string): Promise<Page> {
  await writeSettings(serviceWorker, simulatorSettings(origin, { feedbackWebhookUrl: `${origin}/webhook/feedback` }));
  const desktop = await openDesktop(context, origin, billing!.id);
  const panel = await openPanel(context, extensionId, await tabIdOf(serviceWorker, desktop));
  await signInFromPanel(context, panel);
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
  return panel;
}

function eventFor(index: number, conversations: number): EventInput {
  return { conversationId: `conv-${index % conversations}`, recommendationId: `rec-${index}`, sourceId: `kb-${index % 3}`, action: ACTIONS[index % ACTIONS.length]! };
}

/** The eventIds the collector holds for each conversation, in the order they first arrived. */
async function arrivedByConversation(origin: string): Promise<Map<string, string[]>> {
  const arrived = new Map<string, string[]>();
  for (const event of (await webhookSummary(origin)).events) arrived.set(event.conversationId, [...(arrived.get(event.conversationId) ?? []), event.eventId]);
  return arrived;
}

test('R1: 500 events while the worker is killed 50 times and the webhook is down twice arrive exactly once, in order per conversation', async ({ context, extensionId, serviceWorker, simulator }) => {
  test.setTimeout(180_000);
  const panel = await signedInPanel(context, extensionId, serviceWorker, simulator.origin);
  const sent = new Map<string, string[]>();
  const allSent: string[] = [];

  for (let index = 0; index < 500; index++) {
    if (index === 100) await setFaults(simulator.origin, [{ route: 'webhook', kind: 'reset' }]); // down: connections cut
    if (index === 180) await clearFaults(simulator.origin);
    if (index === 300) await setFaults(simulator.origin, [{ route: 'webhook', kind: 'status', status: 503 }]); // down: answering 503
    if (index === 380) await clearFaults(simulator.origin);
    const input = eventFor(index, 10);
    const eventId = await recordEvent(panel, input);
    sent.set(input.conversationId, [...(sent.get(input.conversationId) ?? []), eventId]);
    allSent.push(eventId);
    if (index % 10 === 9) await killServiceWorker(context, panel);
  }

  await expect.poll(async () => (await webhookSummary(simulator.origin)).events.length, { timeout: 120_000, intervals: [500] }).toBe(500);
  const summary = await webhookSummary(simulator.origin);
  expect(new Set(summary.events.map((event) => event.eventId))).toEqual(new Set(allSent));
  expect(await arrivedByConversation(simulator.origin)).toEqual(sent);
  // Both outages really happened: the collector cut connections and answered 503.
  const webhookRequests = await recordedRequests(simulator.origin, 'webhook');
  expect(webhookRequests.some((request) => request.fault === 'reset')).toBe(true);
  expect(webhookRequests.some((request) => request.status === 503)).toBe(true);
  // Every request carried its eventId as the Idempotency-Key.
  for (const request of webhookRequests.filter((entry) => entry.status === 202)) {
    expect(request.headers['idempotency-key']).toBe((request.body as { eventId: string }).eventId);
  }
  await expect.poll(async () => (await outboxStatus(panel)).events).toBe(0);
  console.log(`R1: ${summary.received} webhook deliveries accepted for 500 events (${summary.duplicates} duplicates dropped by eventId), ${webhookRequests.length} requests in all`);
});
