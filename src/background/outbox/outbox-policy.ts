import * as z from 'zod/mini';
import { DeliveryError, type OutboxStatus } from '../../shared/outbox-status';
import { RecommendationEvent } from '../../shared/recommendation-event';
import { backoffDelay, type RetryLimits } from '../genesys/retry-policy';

/**
 * The feedback outbox's delivery policy (docs/architecture.md "Feedback"), pure so every rule is unit-tested:
 * what to send next and in which order, what a failure means, when to try a destination again,
 * and what to drop when the outbox is full. The shell (outbox.ts) does the IndexedDB and HTTP.
 *
 * - Each destination (webhook, provider feedback API) has its own delivery state per event.
 * - Per destination, a conversation's events go out one at a time, in the order they were
 *   recorded; different conversations go out side by side.
 * - A retryable failure (network, timeout, 408, 429, 5xx, no token) pauses the whole destination
 *   with exponential backoff and full jitter (a failing host fails for everyone); a poison event
 *   (any other 4xx) is parked with its error for a supervisor and never retried, and its
 *   conversation's later events still go out.
 */

export const Delivery = z.union([
  z.object({ state: z.literal('pending'), attempts: z.number(), lastError: z.optional(DeliveryError) }),
  z.object({ state: z.literal('parked'), attempts: z.number(), error: DeliveryError, parkedAt: z.number() }),
]);
export type Delivery = z.infer<typeof Delivery>;

export const OutboxRecord = z.object({
  /** Order of recording (IndexedDB auto-increment key). */
  seq: z.number(),
  event: RecommendationEvent,
  enqueuedAt: z.number(),
  /** Destination id → its delivery; a delivered destination is removed, and the record with the last one. */
  deliveries: z.record(z.string(), Delivery),
});
export type OutboxRecord = z.infer<typeof OutboxRecord>;

export const DestinationState = z.object({
  /** Failed attempts in a row. */
  failures: z.number(),
  /** No attempt before this (epoch ms). */
  retryAt: z.number(),
  lastError: z.nullable(DeliveryError),
});
export type DestinationState = z.infer<typeof DestinationState>;

export const HEALTHY: DestinationState = { failures: 0, retryAt: 0, lastError: null };

/** Events kept at most; 10 000 is weeks of one agent's clicks with every destination down. */
export const OUTBOX_CAPACITY = 10_000;
/** Warn from here on, well before anything would be dropped. */
export const OUTBOX_WARNING_RATIO = 0.8;

/** Between attempts at a failing destination; the API client's own quick retries come first. */
export const OUTBOX_BACKOFF: RetryLimits = { maxAttempts: Infinity, maxElapsedMs: Infinity, baseDelayMs: 1_000, maxDelayMs: 30_000 };
/** Full jitter can draw 0: never hammer a failing host in a tight loop. */
export const MIN_RETRY_DELAY_MS = 250;

export interface DeliveryStep {
  seq: number;
  destinationId: string;
}

export interface DrainPlan {
  /** Per destination and conversation, the pending deliveries in recording order: each chain runs in order. */
  chains: DeliveryStep[][];
  /** The earliest time a paused destination with pending deliveries may be tried again, or null. */
  wakeAt: number | null;
  /** Pending deliveries whose destination is not configured now (kept until it is again). */
  unconfigured: number;
}

/** What can be sent now. `records` in any order; `configured` says whether a destination is set up now. */
export function planDrain(
  records: readonly OutboxRecord[],
  states: Readonly<Record<string, DestinationState>>,
  configured: (destinationId: string) => boolean,
  now: number,
): DrainPlan {
  const chains = new Map<string, DeliveryStep[]>();
  let wakeAt: number | null = null;
  let unconfigured = 0;
  for (const record of [...records].sort((a, b) => a.seq - b.seq)) {
    for (const [destinationId, delivery] of Object.entries(record.deliveries)) {
      if (delivery.state !== 'pending') continue;
      if (!configured(destinationId)) {
        unconfigured++;
        continue;
      }
      const retryAt = states[destinationId]?.retryAt ?? 0;
      if (retryAt > now) {
        wakeAt = wakeAt === null ? retryAt : Math.min(wakeAt, retryAt);
        continue;
      }
      const key = JSON.stringify([destinationId, record.event.conversationId]);
      const chain = chains.get(key);
      if (chain) chain.push({ seq: record.seq, destinationId });
      else chains.set(key, [{ seq: record.seq, destinationId }]);
    }
  }
  // Oldest chain first, so a backlog drains roughly in the order it built up.
  const ordered = [...chains.values()].sort((a, b) => (a[0]?.seq ?? 0) - (b[0]?.seq ?? 0));
  return { chains: ordered, wakeAt, unconfigured };
}

/** 4xx other than 408 and 429 will fail the same way every time: park. Everything else may pass later. */
export function isPoison(error: DeliveryError): boolean {
  return error.kind === 'http' && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

/** The destination's state after a retryable failure: paused by backoff, or until the server's Retry-After. */
export function pauseAfterFailure(state: DestinationState | undefined, error: DeliveryError, now: number, retryAt: number | undefined, random: () => number = Math.random): DestinationState {
  const failures = (state?.failures ?? 0) + 1;
  const delay = Math.max(MIN_RETRY_DELAY_MS, backoffDelay(failures - 1, OUTBOX_BACKOFF, random));
  return { failures, retryAt: Math.max(now + delay, retryAt ?? 0), lastError: error };
}

export function warningFor(count: number, capacity: number): OutboxStatus['warning'] {
  if (count >= capacity) return 'full';
  if (count >= Math.floor(capacity * OUTBOX_WARNING_RATIO)) return 'near-full';
  return null;
}

export interface EvictionCandidate {
  seq: number;
  /** Parked everywhere it is still kept: already reported, the cheapest to lose. */
  parkedOnly: boolean;
  impression: boolean;
}

/**
 * Which records to drop so `incoming` more fit: parked ones first (a supervisor has seen them),
 * then impressions (the least valuable signal), then the oldest of the rest; oldest first within each.
 */
export function chooseEvictions(candidates: readonly EvictionCandidate[], capacity: number, incoming = 1): number[] {
  const excess = candidates.length + incoming - capacity;
  if (excess <= 0) return [];
  const rank = (candidate: EvictionCandidate) => (candidate.parkedOnly ? 0 : candidate.impression ? 1 : 2);
  return [...candidates]
    .sort((a, b) => rank(a) - rank(b) || a.seq - b.seq)
    .slice(0, excess)
    .map((candidate) => candidate.seq);
}

export function evictionCandidate(record: OutboxRecord): EvictionCandidate {
  return {
    seq: record.seq,
    parkedOnly: Object.values(record.deliveries).every((delivery) => delivery.state === 'parked'),
    impression: record.event.action === 'impression',
  };
}
