import { readAuditedViews } from '../../shared/audit/audit-store';
import { AUDIT_HEALTH_KEY } from '../../shared/audit/audit-health';
import { browser } from '../../shared/browser';
import { loadSettings } from '../../shared/settings-store';
import type { ViewState } from '../../shared/view-state';
import { readAgent } from '../auth/token-store';
import type { Subsystem } from '../lifecycle/subsystem';
import type { StorageAreaLike, TabState } from '../tab-state';
import type { WorkerEvent } from '../worker-events';
import { describeRecommendation, entryForAction, entryForSession, entryForSettings, entryForView, transcriptExcerpt } from './audit-entries';
import { createAuditLog, RETENTION_ALARM } from './audit-log';
import { createAuditWriter, type AppendRequest, type AuditHealth, type AuditWriter } from './audit-writer';

/**
 * The audit log on IndexedDB and extension storage: its database, its health in storage.session
 * (`audit:health`), the entries each worker event gets, recovery of a killed worker's deliveries
 * and the retention alarm. The order of it all is in audit-log.ts.
 */
const RETENTION_PERIOD_MINUTES = 6 * 60;

type AuditedTabs = Pick<TabState, 'listDesktopTabs' | 'readContext' | 'readView'>;

async function deliveryFor(tabs: AuditedTabs, view: ViewState, provider: string, agentId: string | null) {
  const { settings } = await loadSettings();
  let excerpt: string | undefined;
  if (settings.auditTranscriptExcerpts && view.status === 'ready') {
    const stored = await tabs.readContext(view.tabId);
    // Only the transcript these results answered, never a newer one.
    if (stored && stored.receivedAt === view.contextReceivedAt) excerpt = transcriptExcerpt(stored.context.transcript);
  }
  return entryForView(view, { provider, agentId, settings, ...(excerpt !== undefined && { excerpt }) });
}

async function entryFor(tabs: AuditedTabs, event: WorkerEvent): Promise<AppendRequest | null> {
  switch (event.type) {
    case 'view-published': {
      const body = await deliveryFor(tabs, event.view, event.provider, event.agentId);
      return body ? { bodies: [body], views: { [String(event.view.tabId)]: event.view.updatedAt } } : null;
    }
    case 'recommendation-event': {
      const [{ settings }, views] = await Promise.all([loadSettings(), tabs.listDesktopTabs().then((ids) => Promise.all(ids.map(tabs.readView)))]);
      const about = describeRecommendation(views, event.event.conversationId, event.event.recommendationId);
      return { bodies: [entryForAction(event.event, settings.provider, about)] };
    }
    case 'signed-in':
      return { bodies: [entryForSession('sign-in', event.user, Date.now())] };
    case 'signed-out':
      return { bodies: [entryForSession('sign-out', event.user, Date.now())] };
    case 'settings-changed': {
      const [{ settings }, agent] = await Promise.all([loadSettings(), readAgent()]);
      return { bodies: [entryForSettings(event.keys, settings, agent?.id ?? null, Date.now())] };
    }
  }
}

/** Deliveries published by a worker that died before writing them. */
async function recover(db: () => Promise<IDBDatabase>, tabState: AuditedTabs, writer: Pick<AuditWriter, 'append'>): Promise<void> {
  const [tabs, marks, { settings }, agent] = await Promise.all([tabState.listDesktopTabs(), db().then(readAuditedViews), loadSettings(), readAgent()]);
  const open = new Set(tabs.map(String));
  const forget: Record<string, null> = {};
  for (const tab of Object.keys(marks)) if (!open.has(tab)) forget[tab] = null;
  for (const tabId of tabs) {
    const view = await tabState.readView(tabId);
    if (!view || marks[String(tabId)] === view.updatedAt) continue;
    const body = await deliveryFor(tabState, view, settings.provider, agent?.id ?? null);
    if (body) await writer.append({ bodies: [body], views: { [String(tabId)]: view.updatedAt } });
  }
  if (Object.keys(forget).length > 0) await writer.append({ bodies: [], views: forget });
}

export interface AuditLogOptions {
  startOrder: number;
  /** The audit database's connection (opened again after a failure), shared with the fleet sender. */
  db(): Promise<IDBDatabase>;
  /** Where the log's health goes (storage.session, which the pages read). */
  session: Pick<StorageAreaLike, 'set'>;
  tabs: AuditedTabs;
  onCommitted?(): void;
}

export function auditLogSubsystem(options: AuditLogOptions): Subsystem {
  const writeHealth = (health: AuditHealth) => options.session.set({ [AUDIT_HEALTH_KEY]: health });
  const writer = createAuditWriter({ db: options.db, onHealth: writeHealth, ...(options.onCommitted && { onCommitted: options.onCommitted }) });
  return createAuditLog(
    {
      writer,
      entryFor: (event) => entryFor(options.tabs, event),
      retentionDays: async () => (await loadSettings()).settings.auditRetentionDays,
      recover: (appender) => recover(options.db, options.tabs, appender),
      async ensureAlarm() {
        if (!(await browser.alarms.get(RETENTION_ALARM))) await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: RETENTION_PERIOD_MINUTES, delayInMinutes: 1 });
      },
    },
    options.startOrder,
  );
}
