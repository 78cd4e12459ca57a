import type { DeliveryError, DestinationStatus, OutboxStatus, ParkedDelivery } from '../../shared/outbox-status';
import type { RecommendationEvent } from '../../shared/recommendation-event';
import type { Settings } from '../../shared/settings';
import type { ApiClient } from '../genesys/api-client';
import { ApiError } from '../genesys/api-error';
import type { RetryLimits } from '../genesys/retry-policy';
import type { Destination } from './destinations';
import { HEALTHY, isPoison, OUTBOX_CAPACITY, pauseAfterFailure, planDrain, warningFor, type DestinationState, type DeliveryStep, type OutboxRecord } from './outbox-policy';
import type { OutboxStore } from './outbox-store';

/**
 * The feedback outbox (docs/architecture.md "Feedback"): `enqueue` writes an event to IndexedDB and only then
 * resolves (the agent's acknowledgement means it is safe); `drain` delivers what it can by the
 * policy in outbox-policy.ts. Drains run after every enqueue, at worker start, when a paused
 * destination may be tried again (a timer while the worker lives, an alarm after it died) and
 * when settings change. One drain at a time: within the worker by a flag, across contexts by a
 * Web Lock.
 */
export interface OutboxDeps {
  store: OutboxStore;
  destinations: readonly Destination[];
  settings(): Promise<Settings>;
  api: ApiClient;
  /** Runs `drain` holding the outbox lock, or not at all when someone else holds it. */
  withLock(drain: () => Promise<void>): Promise<void>;
  /** Wake a drain at `when` (epoch ms) even if the worker dies first; null: nothing to wake for. */
  wakeAt(when: number | null): Promise<void>;
  now?: () => number;
  random?: () => number;
  capacity?: number;
  /** Deliveries in flight at once (different conversations or destinations). */
  concurrency?: number;
  /** The API client's retry bounds for one delivery attempt. */
  requestRetry?: RetryLimits;
}

export interface Outbox {
  enqueue(event: RecommendationEvent): Promise<void>;
  drain(): Promise<void>;
  status(): Promise<OutboxStatus>;
}

export const DEFAULT_REQUEST_RETRY: RetryLimits = { maxAttempts: 2, maxElapsedMs: 5_000, baseDelayMs: 500, maxDelayMs: 2_000 };
const MAX_PARKED_REPORTED = 100;
/** After a drain failed for a reason of its own (storage), try again this much later. */
const DRAIN_FAILURE_RETRY_MS = 30_000;
/** The alarm set at enqueue, in case the worker dies before its drain ends (which replaces it). */
const SAFETY_NET_MS = 30_000;

export function deliveryErrorOf(error: unknown): DeliveryError & { retryAt?: number } {
  if (error instanceof ApiError) {
    return { kind: error.kind, message: error.message, ...(error.status !== undefined && { status: error.status }), ...(error.retryAt !== undefined && { retryAt: error.retryAt }) };
  }
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

async function runPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const capacity = deps.capacity ?? OUTBOX_CAPACITY;
  const concurrency = deps.concurrency ?? 4;
  const requestRetry = deps.requestRetry ?? DEFAULT_REQUEST_RETRY;
  const byId = new Map(deps.destinations.map((destination) => [destination.id, destination]));

  let running: Promise<void> | null = null;
  let again = false;

  /** One pass over what can be sent now; returns whether anything was attempted. */
  async function pass(settings: Settings, states: Record<string, DestinationState>): Promise<{ attempted: boolean; wakeAt: number | null }> {
    const records = await deps.store.all();
    const plan = planDrain(records, states, (id) => byId.get(id)?.configured(settings) ?? false, now());
    const bySeq = new Map(records.map((record) => [record.seq, record]));

    const send = async (step: DeliveryStep, record: OutboxRecord): Promise<'next' | 'stop'> => {
      const { destinationId } = step;
      try {
        await byId.get(destinationId)!.deliver(record.event, { api: deps.api, settings, retry: requestRetry });
      } catch (caught) {
        const { retryAt, ...error } = deliveryErrorOf(caught);
        if (isPoison(error)) {
          console.warn(`[agent-assist] ${destinationId} refused event ${record.event.eventId}; parked`, error);
          await deps.store.updateDelivery(step.seq, destinationId, (delivery) => ({ state: 'parked', attempts: delivery.attempts + 1, error, parkedAt: now() }));
          return 'next';
        }
        states[destinationId] = pauseAfterFailure(states[destinationId], error, now(), retryAt, random);
        await deps.store.setDestinationState(destinationId, states[destinationId]);
        await deps.store.updateDelivery(step.seq, destinationId, (delivery) => ({ ...delivery, attempts: delivery.attempts + 1, lastError: error }));
        return 'stop';
      }
      await deps.store.updateDelivery(step.seq, destinationId, () => null);
      if ((states[destinationId]?.failures ?? 0) > 0) {
        states[destinationId] = HEALTHY;
        await deps.store.setDestinationState(destinationId, HEALTHY);
      }
      return 'next';
    };

    await runPool(plan.chains, concurrency, async (chain) => {
      for (const step of chain) {
        // Another chain may have found the destination down meanwhile: leave it alone until then.
        if ((states[step.destinationId]?.retryAt ?? 0) > now()) return;
        const record = bySeq.get(step.seq);
        if (!record || (await send(step, record)) === 'stop') return;
      }
    });
    return { attempted: plan.chains.length > 0, wakeAt: plan.wakeAt };
  }

  async function drainUntilIdle(): Promise<void> {
    let wakeAt: number | null = null;
    try {
      const settings = await deps.settings();
      const states = await deps.store.destinationStates();
      for (;;) {
        const result = await pass(settings, states);
        wakeAt = result.wakeAt;
        if (!result.attempted) break;
      }
    } catch (error) {
      console.error('[agent-assist] outbox drain failed', error);
      wakeAt = now() + DRAIN_FAILURE_RETRY_MS;
    }
    await deps.wakeAt(wakeAt).catch((error: unknown) => console.error('[agent-assist] could not schedule the outbox', error));
  }

  function drain(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await deps.withLock(drainUntilIdle);
      } while (again);
    })().finally(() => {
      running = null;
      // Asked for between the last pass and here: go again rather than wait for the alarm.
      if (again) void drain();
    });
    return running;
  }

  return {
    async enqueue(event) {
      const settings = await deps.settings();
      const targets = deps.destinations.filter((destination) => destination.configured(settings) && (destination.takes?.(event) ?? true));
      // No destination configured: nothing to deliver (metrics and the audit log keep their own records).
      if (targets.length === 0) return;
      const deliveries = Object.fromEntries(targets.map((destination) => [destination.id, { state: 'pending' as const, attempts: 0 }]));
      const { dropped } = await deps.store.add({ event, enqueuedAt: now(), deliveries }, capacity);
      if (dropped > 0) console.error(`[agent-assist] the feedback outbox is full: ${dropped} older event(s) dropped`);
      // The safety net first (the worker may die before draining), then try at once.
      await deps.wakeAt(now() + SAFETY_NET_MS).catch(() => undefined);
      void drain();
    },
    drain,
    async status() {
      const [records, states, dropped, settings] = await Promise.all([deps.store.all(), deps.store.destinationStates(), deps.store.dropped(), deps.settings()]);
      const configured = new Set(deps.destinations.filter((destination) => destination.configured(settings)).map((destination) => destination.id));
      const ids = new Set([...configured, ...Object.keys(states)]);
      for (const record of records) for (const id of Object.keys(record.deliveries)) ids.add(id);
      const destinations: DestinationStatus[] = [...ids].sort().map((id) => {
        const state = states[id] ?? HEALTHY;
        let pending = 0;
        let parked = 0;
        for (const record of records) {
          const delivery = record.deliveries[id];
          if (delivery?.state === 'pending') pending++;
          else if (delivery?.state === 'parked') parked++;
        }
        return { id, configured: configured.has(id), pending, parked, failures: state.failures, retryAt: state.retryAt > now() ? state.retryAt : null, lastError: state.lastError };
      });
      const parked: ParkedDelivery[] = records
        .flatMap((record) =>
          Object.entries(record.deliveries).flatMap(([destination, delivery]) =>
            delivery.state === 'parked'
              ? [{ ...pick(record.event), destination, error: delivery.error, attempts: delivery.attempts, parkedAt: delivery.parkedAt }]
              : [],
          ),
        )
        .sort((a, b) => b.parkedAt - a.parkedAt)
        .slice(0, MAX_PARKED_REPORTED);
      return { events: records.length, capacity, warning: warningFor(records.length, capacity), dropped, destinations, parked };
    },
  };
}

function pick(event: RecommendationEvent) {
  const { eventId, conversationId, recommendationId, action, timestamp } = event;
  return { eventId, conversationId, recommendationId, action, timestamp };
}
