import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { RecommendationEvent } from '../../shared/recommendation-event';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import type { ApiClient } from '../genesys/api-client';
import { ApiError } from '../genesys/api-error';
import type { Destination } from './destinations';
import { createOutbox, type OutboxDeps } from './outbox';
import { createOutboxStore, type OutboxStore } from './outbox-store';

let databases = 0;
const unusedApi: ApiClient = { request: () => Promise.reject(new Error('the fake destinations do not call the API')) };

function event(index: number, conversationId: string): RecommendationEvent {
  return { eventId: `e${index}`, conversationId, recommendationId: `r${index}`, sourceId: 'kb', agentId: 'a', action: 'copy', timestamp: '2026-11-25T12:00:00.000Z' };
}

/** A destination that records what it was sent and fails as `fail` says (by event, in call order). */
function fakeDestination(id: string, fail: (event: RecommendationEvent, call: number) => Error | null = () => null, configured = (settings: Settings) => Boolean(settings.feedbackWebhookUrl)) {
  const delivered: RecommendationEvent[] = [];
  let calls = 0;
  const destination: Destination = {
    id,
    configured,
    async deliver(sent) {
      const call = calls++;
      // Uneven delays interleave conversations, as a real network would.
      await new Promise((resolve) => setTimeout(resolve, Number(sent.eventId.slice(1)) % 3));
      const error = fail(sent, call);
      if (error) throw error;
      delivered.push(sent);
    },
  };
  return { destination, delivered, calls: () => calls };
}

function harness(destinations: Destination[], overrides: Partial<OutboxDeps> = {}, store: OutboxStore = createOutboxStore(`outbox-test-${++databases}`)) {
  let clock = 1_000_000;
  let settings: Settings = { ...DEFAULT_SETTINGS, feedbackWebhookUrl: 'https://hooks.example.com/feedback' };
  const wakeAt = vi.fn(async (_when: number | null) => undefined);
  const outbox = createOutbox({
    store,
    destinations,
    settings: async () => settings,
    api: unusedApi,
    withLock: (drain) => drain(),
    wakeAt,
    now: () => clock,
    random: () => 0.5,
    ...overrides,
  });
  return {
    outbox,
    store,
    wakeAt,
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
    setSettings: (next: Partial<Settings>) => {
      settings = { ...settings, ...next };
    },
  };
}

function byConversation(events: RecommendationEvent[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const sent of events) (grouped[sent.conversationId] ??= []).push(sent.eventId);
  return grouped;
}

async function enqueueAll(outbox: ReturnType<typeof harness>['outbox'], count: number, conversations: number): Promise<RecommendationEvent[]> {
  const events = Array.from({ length: count }, (_, index) => event(index, `c${index % conversations}`));
  for (const item of events) await outbox.enqueue(item);
  return events;
}

describe('outbox', () => {
  it('stores the event before enqueue resolves, then delivers every event once, in order per conversation', async () => {
    const webhook = fakeDestination('webhook');
    const h = harness([webhook.destination]);
    const events = await enqueueAll(h.outbox, 30, 4);
    await h.outbox.drain();
    expect(webhook.delivered).toHaveLength(30);
    expect(new Set(webhook.delivered.map((sent) => sent.eventId)).size).toBe(30);
    expect(byConversation(webhook.delivered)).toEqual(byConversation(events));
    expect(await h.store.all()).toEqual([]);
    expect(h.wakeAt).toHaveBeenLastCalledWith(null);
  });

  it('is durable at once: a record exists as soon as enqueue resolves, whatever happens next', async () => {
    const never: Destination = { id: 'webhook', configured: () => true, deliver: () => new Promise(() => undefined) };
    const h = harness([never]);
    await h.outbox.enqueue(event(1, 'c'));
    expect((await h.store.all()).map((record) => record.event.eventId)).toEqual(['e1']);
    // The safety-net alarm is set before any delivery is tried.
    expect(h.wakeAt).toHaveBeenCalledWith(expect.any(Number));
  });

  it('stores nothing when no destination is configured', async () => {
    const webhook = fakeDestination('webhook');
    const h = harness([webhook.destination]);
    h.setSettings({ feedbackWebhookUrl: undefined });
    await h.outbox.enqueue(event(1, 'c'));
    expect(await h.store.count()).toBe(0);
  });

  it('runs one drain at a time: concurrent calls never send an event twice', async () => {
    const webhook = fakeDestination('webhook');
    const h = harness([webhook.destination]);
    await enqueueAll(h.outbox, 20, 3);
    await Promise.all([h.outbox.drain(), h.outbox.drain(), h.outbox.drain()]);
    await h.outbox.drain();
    expect(webhook.calls()).toBe(20);
  });

  it('pauses a failing destination with backoff, keeps the order, and delivers everything once it is back', async () => {
    const down = new ApiError('network', 'Failed to fetch');
    const webhook = fakeDestination('webhook', (_event, call) => (call < 2 ? down : null));
    const h = harness([webhook.destination], { concurrency: 1 });
    const events = await enqueueAll(h.outbox, 6, 2);
    await h.outbox.drain();
    const status = await h.outbox.status();
    expect(status.destinations).toEqual([
      { id: 'webhook', configured: true, pending: 6, parked: 0, failures: 1, retryAt: h.now() + 500, lastError: { kind: 'network', message: 'Failed to fetch' } },
    ]);
    expect(h.wakeAt).toHaveBeenLastCalledWith(h.now() + 500);

    // Too early: nothing is tried.
    h.advance(499);
    await h.outbox.drain();
    expect(webhook.calls()).toBe(1);

    h.advance(1);
    await h.outbox.drain(); // fails again: a longer pause
    expect((await h.outbox.status()).destinations[0]).toMatchObject({ failures: 2, retryAt: h.now() + 1_000 });
    h.advance(1_000);
    await h.outbox.drain();
    expect(byConversation(webhook.delivered)).toEqual(byConversation(events));
    expect((await h.outbox.status()).destinations[0]).toMatchObject({ pending: 0, failures: 0, retryAt: null, lastError: null });
  });

  it('waits for a Retry-After the destination gave', async () => {
    const webhook = fakeDestination('webhook', (_event, call) => (call === 0 ? new ApiError('http', 'HTTP 429', { status: 429, retryAt: 1_000_000 + 90_000 }) : null));
    const h = harness([webhook.destination]);
    await h.outbox.enqueue(event(1, 'c'));
    await h.outbox.drain();
    expect((await h.outbox.status()).destinations[0]?.retryAt).toBe(1_090_000);
  });

  it('parks a poison event with its error and lets the rest of its conversation through', async () => {
    const refused = new ApiError('http', 'HTTP 422: unknown action', { status: 422 });
    const webhook = fakeDestination('webhook', (sent) => (sent.eventId === 'e2' ? refused : null));
    const h = harness([webhook.destination]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await enqueueAll(h.outbox, 8, 2);
    await h.outbox.drain();
    expect(warn).toHaveBeenCalledExactlyOnceWith('[agent-assist] webhook refused event e2; parked', { kind: 'http', message: 'HTTP 422: unknown action', status: 422 });
    expect(webhook.delivered.map((sent) => sent.eventId).sort()).toEqual(['e0', 'e1', 'e3', 'e4', 'e5', 'e6', 'e7']);
    const status = await h.outbox.status();
    expect(status.parked).toEqual([
      { eventId: 'e2', conversationId: 'c0', recommendationId: 'r2', action: 'copy', timestamp: '2026-11-25T12:00:00.000Z', destination: 'webhook', error: { kind: 'http', message: 'HTTP 422: unknown action', status: 422 }, attempts: 1, parkedAt: h.now() },
    ]);
    expect(status.destinations[0]).toMatchObject({ pending: 0, parked: 1, failures: 0 });
    // Never retried.
    await h.outbox.drain();
    expect(webhook.calls()).toBe(8);
  });

  it('tracks each destination on its own: one down does not hold up the other', async () => {
    const webhook = fakeDestination('webhook', () => new ApiError('http', 'HTTP 503', { status: 503 }));
    const engagement = fakeDestination('engagement');
    const h = harness([webhook.destination, engagement.destination]);
    await enqueueAll(h.outbox, 5, 2);
    await h.outbox.drain();
    expect(engagement.delivered).toHaveLength(5);
    const status = await h.outbox.status();
    expect(status.destinations.map((destination) => [destination.id, destination.pending])).toEqual([
      ['engagement', 0],
      ['webhook', 5],
    ]);
  });

  it('keeps events for a destination whose setting was removed, and sends them when it is back', async () => {
    const webhook = fakeDestination('webhook');
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const h = harness([webhook.destination], { withLock: (drain) => gate.then(drain) });
    await h.outbox.enqueue(event(1, 'c')); // its drain waits for the lock
    h.setSettings({ feedbackWebhookUrl: undefined });
    release();
    await h.outbox.drain();
    expect(webhook.delivered).toEqual([]);
    expect((await h.outbox.status()).destinations).toEqual([expect.objectContaining({ id: 'webhook', configured: false, pending: 1 })]);
    h.setSettings({ feedbackWebhookUrl: 'https://hooks.example.com/other' });
    await h.outbox.drain();
    expect(webhook.delivered.map((sent) => sent.eventId)).toEqual(['e1']);
  });

  it('picks up where a dead worker left off: what was not confirmed is sent again, in order', async () => {
    const store = createOutboxStore(`outbox-test-${++databases}`);
    const hanging: Destination = { id: 'webhook', configured: () => true, deliver: () => new Promise(() => undefined) };
    const first = harness([hanging], {}, store);
    await enqueueAll(first.outbox, 4, 1);
    void first.outbox.drain(); // never finishes: the worker "dies" here

    const webhook = fakeDestination('webhook');
    const second = harness([webhook.destination], {}, store);
    await second.outbox.drain();
    expect(webhook.delivered.map((sent) => sent.eventId)).toEqual(['e0', 'e1', 'e2', 'e3']);
  });

  it('warns before it is full and reports what it dropped once it is', async () => {
    const never: Destination = { id: 'webhook', configured: () => true, deliver: () => Promise.reject(new ApiError('network', 'down')) };
    const h = harness([never], { capacity: 5 });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await enqueueAll(h.outbox, 4, 1);
    expect((await h.outbox.status()).warning).toBe('near-full');
    expect(error).not.toHaveBeenCalled();
    await enqueueAll(h.outbox, 2, 1);
    expect(await h.outbox.status()).toMatchObject({ events: 5, warning: 'full', dropped: 1 });
    expect(error).toHaveBeenCalledWith('[agent-assist] the feedback outbox is full: 1 older event(s) dropped');
  });
});
