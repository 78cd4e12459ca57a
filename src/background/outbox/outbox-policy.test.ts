import { describe, expect, it } from 'vitest';
import type { RecommendationEvent } from '../../shared/recommendation-event';
import {
  chooseEvictions,
  evictionCandidate,
  isPoison,
  MIN_RETRY_DELAY_MS,
  OUTBOX_BACKOFF,
  pauseAfterFailure,
  planDrain,
  warningFor,
  type Delivery,
  type OutboxRecord,
} from './outbox-policy';

function event(seq: number, conversationId: string, action: RecommendationEvent['action'] = 'open'): RecommendationEvent {
  return { eventId: `e${seq}`, conversationId, recommendationId: `r${seq}`, sourceId: 'kb', agentId: 'agent', action, timestamp: '2026-11-25T12:00:00.000Z' };
}

const pending: Delivery = { state: 'pending', attempts: 0 };
const parked: Delivery = { state: 'parked', attempts: 1, error: { kind: 'http', message: 'HTTP 422', status: 422 }, parkedAt: 1 };

function record(seq: number, conversationId: string, deliveries: Record<string, Delivery> = { webhook: pending }, action?: RecommendationEvent['action']): OutboxRecord {
  return { seq, event: event(seq, conversationId, action), enqueuedAt: seq, deliveries };
}

const everywhere = () => true;

describe('planDrain', () => {
  it('makes one chain per destination and conversation, each in recording order, oldest chain first', () => {
    const records = [record(4, 'b'), record(1, 'a'), record(3, 'a'), record(2, 'b', { webhook: pending, engagement: pending }), record(5, 'c')];
    const plan = planDrain(records, {}, everywhere, 1_000);
    expect(plan.chains).toEqual([
      [
        { seq: 1, destinationId: 'webhook' },
        { seq: 3, destinationId: 'webhook' },
      ],
      [
        { seq: 2, destinationId: 'webhook' },
        { seq: 4, destinationId: 'webhook' },
      ],
      [{ seq: 2, destinationId: 'engagement' }],
      [{ seq: 5, destinationId: 'webhook' }],
    ]);
    expect(plan.wakeAt).toBeNull();
  });

  it('leaves parked deliveries out, so a poison event never holds up its conversation', () => {
    const plan = planDrain([record(1, 'a', { webhook: parked }), record(2, 'a')], {}, everywhere, 0);
    expect(plan.chains).toEqual([[{ seq: 2, destinationId: 'webhook' }]]);
  });

  it('skips a paused destination and says when to wake, while others still go', () => {
    const records = [record(1, 'a', { webhook: pending, engagement: pending })];
    const states = { webhook: { failures: 2, retryAt: 5_000, lastError: null } };
    const plan = planDrain(records, states, everywhere, 1_000);
    expect(plan.chains).toEqual([[{ seq: 1, destinationId: 'engagement' }]]);
    expect(plan.wakeAt).toBe(5_000);
    expect(planDrain(records, states, everywhere, 5_000).chains).toHaveLength(2);
  });

  it('keeps deliveries for a destination that is not configured now, without waking for them', () => {
    const plan = planDrain([record(1, 'a'), record(2, 'b')], {}, (id) => id !== 'webhook', 0);
    expect(plan).toEqual({ chains: [], wakeAt: null, unconfigured: 2 });
  });
});

describe('isPoison', () => {
  it.each([400, 401, 403, 404, 409, 410, 413, 422])('parks an HTTP %s', (status) => {
    expect(isPoison({ kind: 'http', message: '', status })).toBe(true);
  });

  it.each([408, 429, 500, 502, 503, 504])('retries an HTTP %s', (status) => {
    expect(isPoison({ kind: 'http', message: '', status })).toBe(false);
  });

  it.each(['network', 'timeout', 'auth', 'paused', 'aborted', 'internal'])('retries a %s failure', (kind) => {
    expect(isPoison({ kind, message: '' })).toBe(false);
  });
});

describe('pauseAfterFailure', () => {
  const error = { kind: 'network', message: 'Failed to fetch' };

  it('backs off exponentially with full jitter, capped', () => {
    let state = pauseAfterFailure(undefined, error, 0, undefined, () => 0.5);
    expect(state).toEqual({ failures: 1, retryAt: OUTBOX_BACKOFF.baseDelayMs * 0.5, lastError: error });
    state = pauseAfterFailure(state, error, 0, undefined, () => 0.5);
    expect(state.retryAt).toBe(OUTBOX_BACKOFF.baseDelayMs);
    for (let i = 0; i < 20; i++) state = pauseAfterFailure(state, error, 0, undefined, () => 0.999);
    expect(state.failures).toBe(22);
    expect(state.retryAt).toBeLessThanOrEqual(OUTBOX_BACKOFF.maxDelayMs);
    expect(state.retryAt).toBeGreaterThan(OUTBOX_BACKOFF.maxDelayMs * 0.99);
  });

  it('never retries sooner than the floor, even when the jitter draws 0', () => {
    expect(pauseAfterFailure(undefined, error, 10_000, undefined, () => 0).retryAt).toBe(10_000 + MIN_RETRY_DELAY_MS);
  });

  it('waits for the server\'s Retry-After when it is later than the backoff', () => {
    expect(pauseAfterFailure(undefined, { kind: 'http', message: '', status: 429 }, 0, 60_000, () => 0.5).retryAt).toBe(60_000);
  });
});

describe('bounds', () => {
  it('warns from 80 % and says full at capacity', () => {
    expect(warningFor(7_999, 10_000)).toBeNull();
    expect(warningFor(8_000, 10_000)).toBe('near-full');
    expect(warningFor(9_999, 10_000)).toBe('near-full');
    expect(warningFor(10_000, 10_000)).toBe('full');
  });

  it('drops nothing below capacity', () => {
    expect(chooseEvictions([record(1, 'a'), record(2, 'a')].map(evictionCandidate), 3)).toEqual([]);
  });

  it('drops parked records first, then impressions, then the oldest, oldest first within each', () => {
    const records = [
      record(1, 'a'),
      record(2, 'a', { webhook: pending }, 'impression'),
      record(3, 'a', { webhook: parked }),
      record(4, 'a', { webhook: pending }, 'impression'),
      record(5, 'a', { webhook: parked, engagement: pending }), // still pending somewhere: not "parked only"
      record(6, 'a', { webhook: parked }),
    ];
    const candidates = records.map(evictionCandidate);
    expect(chooseEvictions(candidates, 6)).toEqual([3]);
    expect(chooseEvictions(candidates, 4)).toEqual([3, 6, 2]);
    expect(chooseEvictions(candidates, 2)).toEqual([3, 6, 2, 4, 1]);
  });
});
