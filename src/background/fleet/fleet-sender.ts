import type { AuditEntry, ChainHead } from '../../shared/audit/audit-entry';
import type { DeliveryError } from '../../shared/outbox-status';
import type { FleetProblem, FleetStatus } from '../../shared/fleet/fleet-status';
import { MIN_RETRY_DELAY_MS, OUTBOX_BACKOFF } from '../outbox/outbox-policy';
import { backoffDelay } from '../genesys/retry-policy';
import { ClickHouseError, type Endpoint, type Failure } from './clickhouse-http';
import { toFleetRow, fleetEventId, type FleetRow } from './fleet-rows';
import { INITIAL_STATE, type FleetState, type FleetStore } from './fleet-store';

/**
 * The fleet destination (docs/fleet.md): sends every audit entry to ClickHouse, in order, in
 * batches. The audit log is the outbox: an entry is durable there before the agent's action is
 * acknowledged, and this sender only keeps a cursor (the last sequence number the server took),
 * so a killed worker, an outage or a browser restart loses nothing: the next drain reads on from
 * the cursor.
 *
 * - A batch goes when it is full (`maxBatch` entries) or its oldest entry is `maxAgeMs` old.
 * - One request in flight: a drain sends batch after batch, and drains never overlap.
 * - Exactly once as the reader sees it: the cursor moves only after the server said 200, so a
 *   lost answer means the batch is sent again, with the same event ids; the table and the
 *   queries collapse the copies.
 * - The server refused the data (a bad row): the batch is halved until the row is alone, the
 *   row is parked with the server's message, and the cursor moves past it.
 * - Anything else (down, overloaded, wrong password): the sender pauses with backoff and tries
 *   the same entries again later.
 */
export interface FleetConfig {
  endpoint: Endpoint;
  table: string;
  orgId: string;
}

export interface FleetSenderDeps {
  store: FleetStore;
  /** Audit entries with a sequence number above `seq`, ascending, at most `limit`. */
  readAfter(seq: number, limit: number): Promise<AuditEntry[]>;
  head(): Promise<ChainHead | null>;
  /** The configured destination, or why there is none. */
  config(): Promise<FleetConfig | { problem: FleetProblem }>;
  insert(endpoint: Endpoint, table: string, rows: readonly FleetRow[]): Promise<void>;
  /** Wake a drain at `when` even if the worker dies first; null: nothing to wake for. */
  wakeAt(when: number | null): Promise<void>;
  withLock?(drain: () => Promise<void>): Promise<void>;
  now?: () => number;
  random?: () => number;
  maxBatch?: number;
  maxAgeMs?: number;
}

export const FLEET_MAX_BATCH = 1000;
export const FLEET_MAX_AGE_MS = 2000;
const MAX_PARKED_REPORTED = 50;
const DRAIN_FAILURE_RETRY_MS = 30_000;

export interface FleetSender {
  /** Sends what is due; resolves when the sender is idle (or waiting for a batch to fill or a backoff). */
  drain(): Promise<void>;
  status(extra: Pick<FleetStatus, 'problem' | 'origin' | 'table' | 'secrets' | 'readConfigured'>): Promise<FleetStatus>;
}

function failureOf(error: unknown): Failure {
  if (error instanceof ClickHouseError) return error.failure;
  return { kind: 'retry', status: null, code: null, message: error instanceof Error ? error.message : String(error) };
}

function deliveryError(failure: Failure): DeliveryError {
  const kind = failure.kind === 'config' ? 'auth' : failure.status === null ? 'network' : 'http';
  return { kind, message: failure.message, ...(failure.status !== null && { status: failure.status }) };
}

export function createFleetSender(deps: FleetSenderDeps): FleetSender {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const maxBatch = deps.maxBatch ?? FLEET_MAX_BATCH;
  const maxAgeMs = deps.maxAgeMs ?? FLEET_MAX_AGE_MS;
  const withLock = deps.withLock ?? ((drain) => drain());
  let running: Promise<void> | null = null;
  let again = false;
  // The wake-up last asked for: a burst of events waiting for their batch to age asks for the same one.
  let scheduled: number | null | undefined;
  const wake = async (when: number | null) => {
    // Re-armed when due, so a timer that fired a hair early never leaves the batch to the alarm.
    if (when === scheduled && (when === null || when > now() + 100)) return;
    await deps.wakeAt(when);
    scheduled = when;
  };

  /** Sends the entries in order, halving around refused rows; false when the destination failed (paused). */
  async function send(config: FleetConfig, installId: string, entries: AuditEntry[], state: { value: FleetState }): Promise<boolean> {
    const context = { installId, orgId: config.orgId };
    const parts: AuditEntry[][] = [entries];
    while (parts.length > 0) {
      const part = parts.shift()!;
      const last = part.at(-1)!;
      try {
        await deps.insert(config.endpoint, config.table, part.map((entry) => toFleetRow(entry, context)));
      } catch (error) {
        const failure = failureOf(error);
        if (failure.kind === 'rejected') {
          if (part.length > 1) {
            const middle = Math.ceil(part.length / 2);
            parts.unshift(part.slice(0, middle), part.slice(middle));
            continue;
          }
          console.warn(`[agent-assist] ClickHouse refused audit entry ${last.seq}; parked`, failure.message);
          await deps.store.park({ eventId: fleetEventId(installId, last.seq), seq: last.seq, kind: last.kind, time: last.time, error: deliveryError(failure), parkedAt: now() });
          await deps.store.setCursor({ seq: last.seq, hash: last.hash });
          continue;
        }
        const failures = state.value.failures + 1;
        const delay = Math.max(MIN_RETRY_DELAY_MS, backoffDelay(failures - 1, OUTBOX_BACKOFF, random));
        state.value = { ...state.value, failures, retryAt: now() + delay, lastError: deliveryError(failure) };
        await deps.store.setState(state.value);
        return false;
      }
      await deps.store.setCursor({ seq: last.seq, hash: last.hash });
      state.value = { ...state.value, failures: 0, retryAt: 0, lastError: null, lastDeliveredAt: now(), delivered: state.value.delivered + part.length };
      await deps.store.setState(state.value);
    }
    return true;
  }

  async function drainUntilIdle(): Promise<void> {
    let wakeAt: number | null = null;
    try {
      const config = await deps.config();
      if ('problem' in config) {
        await wake(null);
        return;
      }
      const state = { value: await deps.store.state() };
      if (state.value.retryAt > now()) {
        await wake(state.value.retryAt);
        return;
      }
      let installId = await deps.store.installId();
      let cursor = await deps.store.cursor();
      const head = await deps.head();
      // The log started over (its database was cleared): a new chain, under a new install id.
      if (cursor && (!head || head.seq < cursor.seq)) {
        installId = await deps.store.renewInstallId();
        cursor = null;
      }
      for (;;) {
        const entries = await deps.readAfter(cursor?.seq ?? 0, maxBatch);
        if (entries.length === 0) break;
        const oldest = Math.min(entries[0]!.time, now());
        if (entries.length < maxBatch && now() - oldest < maxAgeMs) {
          wakeAt = oldest + maxAgeMs;
          break;
        }
        if (!(await send(config, installId, entries, state))) {
          wakeAt = state.value.retryAt;
          break;
        }
        cursor = await deps.store.cursor();
      }
    } catch (error) {
      console.error('[agent-assist] fleet drain failed', error);
      wakeAt = now() + DRAIN_FAILURE_RETRY_MS;
    }
    await wake(wakeAt).catch((error: unknown) => {
      scheduled = undefined;
      console.error('[agent-assist] could not schedule the fleet sender', error);
    });
  }

  function drain(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await withLock(drainUntilIdle);
      } while (again);
    })().finally(() => {
      running = null;
      if (again) void drain();
    });
    return running;
  }

  return {
    drain,
    async status(extra) {
      const [state, cursor, head, parked, installId] = await Promise.all([deps.store.state(), deps.store.cursor(), deps.head(), deps.store.parked(MAX_PARKED_REPORTED), deps.store.installId()]);
      const through = cursor?.seq ?? 0;
      return {
        ...extra,
        installId,
        pending: Math.max(0, (head?.seq ?? 0) - through),
        deliveredThroughSeq: through,
        delivered: state.delivered,
        lastDeliveredAt: state.lastDeliveredAt,
        failures: state.failures,
        retryAt: state.retryAt > now() ? state.retryAt : null,
        lastError: state.lastError,
        parkedCount: parked.count,
        parked: parked.rows,
      };
    },
  };
}

export { INITIAL_STATE };
