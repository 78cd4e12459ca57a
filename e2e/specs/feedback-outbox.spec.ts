import { outboxStatus, recordEvent, webhookSummary, type EventInput } from '../support/feedback';
import { expect, SIMULATOR_ORIGIN, test } from '../support/fixtures';
import { clearFaults, recordedRequests, setFaults, type RecordedRequest } from '../support/simulator-control';
import { killServiceWorker } from '../support/worker-control';

const ACTIONS: EventInput['action'][] = ['impression', 'open', 'copy', 'insert', 'helpful', 'not_helpful', 'dismissed'];

/**
 * A signed-in agent with the simulator's webhook configured, on no conversation: the panel and the
 * inline overlay record impressions of the cards they show, and these tests count only the events
 * they send themselves, from the panel.
 */
test.use({ deskOptions: { settings: { feedbackWebhookUrl: `${SIMULATOR_ORIGIN}/webhook/feedback` } } });

function eventFor(index: number, conversations: number): EventInput {
  return { conversationId: `conv-${index % conversations}`, recommendationId: `rec-${index}`, sourceId: `kb-${index % 3}`, action: ACTIONS[index % ACTIONS.length]! };
}

async function untilDeliveryMeets(origin: string, outage: (request: RecordedRequest) => boolean): Promise<void> {
  await expect.poll(async () => (await recordedRequests(origin, 'webhook')).some(outage), { timeout: 60_000 }).toBe(true);
}

/** The eventIds the collector holds for each conversation, in the order they first arrived. */
async function arrivedByConversation(origin: string): Promise<Map<string, string[]>> {
  const arrived = new Map<string, string[]>();
  for (const event of (await webhookSummary(origin)).events) arrived.set(event.conversationId, [...(arrived.get(event.conversationId) ?? []), event.eventId]);
  return arrived;
}

test('R1: 500 events while the worker is killed 50 times and the webhook is down twice arrive exactly once, in order per conversation', async ({ context, simulator, desk }) => {
  test.setTimeout(180_000);
  const { panel } = desk;
  const sent = new Map<string, string[]>();
  const allSent: string[] = [];

  for (let index = 0; index < 500; index++) {
    if (index === 100) await setFaults(simulator.origin, [{ route: 'webhook', kind: 'reset' }]); // down: connections cut
    // An outage only counts once a delivery has actually met it (timing differs on a loaded machine).
    if (index === 180) await untilDeliveryMeets(simulator.origin, (request) => request.fault === 'reset');
    if (index === 180) await clearFaults(simulator.origin);
    if (index === 300) await setFaults(simulator.origin, [{ route: 'webhook', kind: 'status', status: 503 }]); // down: answering 503
    if (index === 380) await untilDeliveryMeets(simulator.origin, (request) => request.status === 503);
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

test('a poison event is parked and reported, and the rest still flow', async ({ context, extensionId, simulator, desk }) => {
  const { panel } = desk;
  // The collector refuses the very next delivery as invalid: whichever event that is becomes poison.
  await setFaults(simulator.origin, [{ route: 'webhook', kind: 'status', status: 422, times: 1 }]);
  const sent: string[] = [];
  for (let index = 0; index < 20; index++) sent.push(await recordEvent(panel, eventFor(index, 4)));

  await expect.poll(async () => (await outboxStatus(panel)).parked.length, { timeout: 30_000 }).toBe(1);
  await expect.poll(async () => (await webhookSummary(simulator.origin)).events.length, { timeout: 30_000 }).toBe(19);
  // The collector holds the last event before the worker has read its 202 and let the event go:
  // the outbox is only drained once it says so itself.
  await expect.poll(async () => (await outboxStatus(panel)).destinations, { timeout: 30_000 }).toEqual([expect.objectContaining({ id: 'webhook', pending: 0, parked: 1 })]);
  const status = await outboxStatus(panel);
  const [poison] = status.parked;
  expect(poison).toMatchObject({ destination: 'webhook', error: { kind: 'http', status: 422 } });
  const delivered = (await webhookSummary(simulator.origin)).events.map((event) => event.eventId);
  expect(delivered).not.toContain(poison!.eventId);
  expect(new Set([...delivered, poison!.eventId])).toEqual(new Set(sent));
  // Parked means never retried: the collector saw it exactly once.
  const attempts = (await recordedRequests(simulator.origin, 'webhook')).filter((request) => (request.body as { eventId?: string }).eventId === poison!.eventId);
  expect(attempts.map((request) => request.status)).toEqual([422]);

  // A supervisor sees it on the options page, with the answer.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const row = options.locator(`[data-testid="parked-event"][data-event-id="${poison!.eventId}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('HTTP 422');
  await expect(options.getByTestId('outbox-destination')).toContainText('0 waiting, 1 refused.');
});

test('offline, events wait in the outbox (through a worker restart); online again, everything drains', async ({ context, simulator, desk }) => {
  test.setTimeout(120_000);
  const { panel } = desk;
  await context.setOffline(true);
  const sent: string[] = [];
  for (let index = 0; index < 30; index++) {
    sent.push(await recordEvent(panel, eventFor(index, 3)));
    if (index === 14) await killServiceWorker(context, panel);
  }
  await expect.poll(async () => (await outboxStatus(panel)).destinations[0]?.lastError?.kind, { timeout: 30_000 }).toBe('network');
  const waiting = await outboxStatus(panel);
  expect(waiting.events).toBe(30);
  expect(waiting.destinations[0]).toMatchObject({ id: 'webhook', pending: 30 });
  expect((await webhookSummary(simulator.origin)).received).toBe(0);

  await context.setOffline(false);
  await expect.poll(async () => (await webhookSummary(simulator.origin)).events.length, { timeout: 60_000, intervals: [500] }).toBe(30);
  expect(new Set((await webhookSummary(simulator.origin)).events.map((event) => event.eventId))).toEqual(new Set(sent));
  await expect.poll(async () => (await outboxStatus(panel)).events).toBe(0);
});
