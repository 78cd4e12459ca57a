import type { Subsystem } from '../lifecycle/subsystem';
import { createSerialQueue } from '../serial-queue';
import type { WorkerEvent } from '../worker-events';
import type { AppendRequest, AuditWriter } from './audit-writer';

/**
 * The audit log as a subsystem of the worker (its browser side in audit-subsystem.ts): it writes an entry for each worker event, applies
 * retention by its alarm, and, at each worker start, recovers deliveries a killed worker
 * published but had not yet written (the last view of each tab is compared with the
 * `audited-views` marks written in the same transaction as each delivery entry), then applies
 * retention.
 *
 * Entries are appended in the order the events were emitted, even though describing one takes
 * reads of its own: a cause is in the log before its effect (a settings change before the
 * retention and the deliveries it causes).
 */
export const RETENTION_ALARM = 'audit:retention';

export interface AuditLogDeps {
  writer: Pick<AuditWriter, 'append' | 'applyRetention'>;
  /** What an event appends to the log, or null when it leaves no entry. */
  entryFor(event: WorkerEvent): Promise<AppendRequest | null>;
  retentionDays(): Promise<number>;
  /** Appends the deliveries a killed worker published but did not write. */
  recover(writer: Pick<AuditWriter, 'append'>): Promise<void>;
  /** Creates the retention alarm when it is missing. */
  ensureAlarm(): Promise<void>;
}

export function createAuditLog(deps: AuditLogDeps, startOrder: number): Subsystem {
  // One key: the log is one sequence. Each task reads what it needs, then appends without waiting
  // for the commit, so a burst still shares one transaction (audit-writer.ts).
  const order = createSerialQueue();
  const LOG = 'log';

  async function retain(): Promise<void> {
    const days = await deps.retentionDays();
    const outcome = await deps.writer.applyRetention(days);
    if (outcome.removed > 0) console.info(`[agent-assist] audit retention removed ${outcome.removed} entries older than ${days} days`);
  }

  async function record(event: WorkerEvent): Promise<void> {
    const { committed } = await order.run(LOG, async () => {
      const request = await deps.entryFor(event);
      const committed = request ? deps.writer.append(request) : Promise.resolve(true);
      if (event.type === 'settings-changed' && event.keys.includes('auditRetentionDays')) {
        await committed;
        await retain();
      }
      // Wrapped: returning the promise itself would make the queue wait for the commit.
      return { committed };
    });
    await committed;
  }

  return {
    name: 'audit',
    startOrder,
    // The listener's write finishes before the emitter moves on: an acknowledged action is on disk.
    events: { listener: record },
    alarms: [{ name: RETENTION_ALARM, handle: () => order.run(LOG, retain) }],
    async start() {
      await deps.ensureAlarm();
      // Queued behind the event that woke the worker (delivered before the alarm call above
      // returned), so a settings change that woke it is logged before the retention it causes.
      await order.run(LOG, async () => {
        await deps.recover(deps.writer);
        await retain();
      });
    },
  };
}
