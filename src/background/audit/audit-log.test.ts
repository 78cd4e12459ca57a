import { describe, expect, it } from 'vitest';
import type { AuditBody } from '../../shared/audit/audit-entry';
import { emptyViewState } from '../../shared/view-state';
import type { WorkerEvent } from '../worker-events';
import { createAuditLog, RETENTION_ALARM, type AuditLogDeps } from './audit-log';
import type { AppendRequest } from './audit-writer';
import { deferred } from '../../shared/testing/deferred';

function body(kind: AuditBody['kind']): AuditBody {
  return { kind, time: 0, agentId: null, conversationId: null, provider: null, data: {} } as unknown as AuditBody;
}

/** A log whose writes land in `written`; `slow` holds the description of settings changes until released. */
function harness() {
  const written: string[] = [];
  const slow = deferred();
  const deps: AuditLogDeps = {
    writer: {
      async append(request: AppendRequest) {
        for (const entry of request.bodies) written.push(entry.kind);
        return true;
      },
      async applyRetention(days: number) {
        written.push(`retention ${days}`);
        return { removed: 0, entry: null };
      },
    },
    async entryFor(event: WorkerEvent) {
      if (event.type === 'settings-changed') {
        // Reading settings and the agent takes longer than describing a delivery.
        await slow.promise;
        return { bodies: [body('settings-changed')] };
      }
      if (event.type === 'view-published') return { bodies: [body('delivery')] };
      return null;
    },
    retentionDays: async () => 7,
    async recover(writer) {
      await writer.append({ bodies: [body('delivery')] });
      written.push('recovered');
    },
    ensureAlarm: async () => undefined,
  };
  return { written, slow, deps };
}

const settingsChanged: WorkerEvent = { type: 'settings-changed', keys: ['auditRetentionDays'] };
const viewPublished: WorkerEvent = { type: 'view-published', view: emptyViewState(3, 'ready'), provider: 'recommendations-query', agentId: null };

describe('createAuditLog', () => {
  it('writes a settings change before the retention it causes and the deliveries that follow it', async () => {
    const { written, slow, deps } = harness();
    const log = createAuditLog(deps, 10);
    const settings = log.events!.listener(settingsChanged);
    // The tabs are recomputed right after the change: their delivery is described first.
    const delivery = log.events!.listener(viewPublished);
    await Promise.resolve();
    expect(written).toEqual([]);
    slow.resolve();
    await Promise.all([settings, delivery]);
    expect(written).toEqual(['settings-changed', 'retention 7', 'delivery']);
  });

  it('applies no retention for a change of other settings', async () => {
    const { written, slow, deps } = harness();
    const log = createAuditLog(deps, 10);
    slow.resolve();
    await log.events!.listener({ type: 'settings-changed', keys: ['provider'] });
    expect(written).toEqual(['settings-changed']);
  });

  it('logs the settings change that woke the worker before the start-up maintenance', async () => {
    const { written, slow, deps } = harness();
    const log = createAuditLog(deps, 10);
    const settings = log.events!.listener(settingsChanged);
    const started = log.start!();
    slow.resolve();
    await Promise.all([settings, started]);
    expect(written).toEqual(['settings-changed', 'retention 7', 'delivery', 'recovered', 'retention 7']);
  });

  it('owns the retention alarm and runs retention in the log order', async () => {
    const { written, slow, deps } = harness();
    const log = createAuditLog(deps, 10);
    expect(log.alarms?.map((alarm) => alarm.name)).toEqual([RETENTION_ALARM]);
    const settings = log.events!.listener({ type: 'settings-changed', keys: ['provider'] });
    const alarm = log.alarms![0]!.handle(RETENTION_ALARM);
    slow.resolve();
    await Promise.all([settings, alarm]);
    expect(written).toEqual(['settings-changed', 'retention 7']);
  });
});
