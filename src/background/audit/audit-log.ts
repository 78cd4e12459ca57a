import { openAuditDb, readAuditedViews } from '../../shared/audit/audit-store';
import { AUDIT_HEALTH_KEY } from '../../shared/audit/audit-health';
import { browser } from '../../shared/browser';
import { loadSettings } from '../../shared/settings-store';
import type { ViewState } from '../../shared/view-state';
import { readAgent } from '../auth/token-store';
import { listDesktopTabs, readContext, readView } from '../tab-state';
import { onWorkerEvent, type WorkerEvent } from '../worker-events';
import { describeRecommendation, entryForAction, entryForSession, entryForSettings, entryForView, transcriptExcerpt } from './audit-entries';
import { createAuditWriter, type AuditHealth, type AuditWriter } from './audit-writer';

/**
 * Wires the audit log into the worker: one subscriber on the event hub (its write finishes before
 * the emitter moves on), a retention alarm, and, at each worker start, recovery of deliveries a
 * killed worker published but had not yet written (the last view of each tab is compared with
 * the `audited-views` marks written in the same transaction as each delivery entry).
 */
export const RETENTION_ALARM = 'audit:retention';
const RETENTION_PERIOD_MINUTES = 6 * 60;

let database: Promise<IDBDatabase> | null = null;
function db(): Promise<IDBDatabase> {
  database ??= openAuditDb().catch((error: unknown) => {
    database = null; // try again on the next write
    throw error;
  });
  return database;
}

async function writeHealth(health: AuditHealth): Promise<void> {
  await browser.storage.session.set({ [AUDIT_HEALTH_KEY]: health });
}

async function deliveryFor(view: ViewState, provider: string, agentId: string | null) {
  const { settings } = await loadSettings();
  let excerpt: string | undefined;
  if (settings.auditTranscriptExcerpts && view.status === 'ready') {
    const stored = await readContext(view.tabId);
    // Only the transcript these results answered, never a newer one.
    if (stored && stored.receivedAt === view.contextReceivedAt) excerpt = transcriptExcerpt(stored.context.transcript);
  }
  return entryForView(view, { provider, agentId, settings, ...(excerpt !== undefined && { excerpt }) });
}

async function record(writer: AuditWriter, event: WorkerEvent): Promise<void> {
  switch (event.type) {
    case 'view-published': {
      const body = await deliveryFor(event.view, event.provider, event.agentId);
      if (body) await writer.append({ bodies: [body], views: { [String(event.view.tabId)]: event.view.updatedAt } });
      return;
    }
    case 'recommendation-event': {
      const [{ settings }, views] = await Promise.all([loadSettings(), listDesktopTabs().then((tabs) => Promise.all(tabs.map(readView)))]);
      const about = describeRecommendation(views, event.event.conversationId, event.event.recommendationId);
      await writer.append({ bodies: [entryForAction(event.event, settings.provider, about)] });
      return;
    }
    case 'signed-in':
      await writer.append({ bodies: [entryForSession('sign-in', event.user, Date.now())] });
      return;
    case 'signed-out':
      await writer.append({ bodies: [entryForSession('sign-out', event.user, Date.now())] });
      return;
    case 'settings-changed': {
      const [{ settings }, agent] = await Promise.all([loadSettings(), readAgent()]);
      await writer.append({ bodies: [entryForSettings(event.keys, settings, agent?.id ?? null, Date.now())] });
      if (event.keys.includes('auditRetentionDays')) await retain(writer);
      return;
    }
  }
}

async function retain(writer: AuditWriter): Promise<void> {
  const { settings } = await loadSettings();
  const outcome = await writer.applyRetention(settings.auditRetentionDays);
  if (outcome.removed > 0) console.info(`[agent-assist] audit retention removed ${outcome.removed} entries older than ${settings.auditRetentionDays} days`);
}

/** Deliveries published by a worker that died before writing them. */
async function recover(writer: AuditWriter): Promise<void> {
  const [tabs, marks, { settings }, agent] = await Promise.all([listDesktopTabs(), db().then(readAuditedViews), loadSettings(), readAgent()]);
  const open = new Set(tabs.map(String));
  const forget: Record<string, null> = {};
  for (const tab of Object.keys(marks)) if (!open.has(tab)) forget[tab] = null;
  for (const tabId of tabs) {
    const view = await readView(tabId);
    if (!view || marks[String(tabId)] === view.updatedAt) continue;
    const body = await deliveryFor(view, settings.provider, agent?.id ?? null);
    if (body) await writer.append({ bodies: [body], views: { [String(tabId)]: view.updatedAt } });
  }
  if (Object.keys(forget).length > 0) await writer.append({ bodies: [], views: forget });
}

/** Call once, synchronously, at the top level of the worker. */
export function startAuditLog(options: { onCommitted?(): void } = {}): void {
  const writer = createAuditWriter({ db, onHealth: writeHealth, ...(options.onCommitted && { onCommitted: options.onCommitted }) });
  onWorkerEvent((event) => record(writer, event));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void retain(writer).catch(logFailure);
  });
  void (async () => {
    if (!(await browser.alarms.get(RETENTION_ALARM))) await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: RETENTION_PERIOD_MINUTES, delayInMinutes: 1 });
    await recover(writer);
    await retain(writer);
  })().catch(logFailure);
}

function logFailure(error: unknown): void {
  console.error('[agent-assist] audit log maintenance failed', error);
}
