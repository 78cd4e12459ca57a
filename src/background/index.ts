/**
 * Service worker entry: registers every listener at top level (Chrome only wakes a worker for
 * listeners registered synchronously) and delegates. No logic lives here.
 */
import { browser, type Runtime } from '../shared/browser';
import { MANAGED_POLICY_COPY_KEY, SETTINGS_STORAGE_KEY } from '../shared/settings-keys';
import { startAuditLog } from './audit/audit-log';
import { recordWorkerStart, watchWorkerErrors } from './diagnostics';
import { createHandlers, insertDeps, refreshAllTabs } from './message-handlers';
import { isAgentDesktopUrl } from './messaging/desktop-url';
import { createRouter } from './messaging/router';
import { tabForAlarm } from './retry-alarms';
import { changedSettingKeys } from './settings-changes';
import { emitWorkerEvent, onWorkerEvent } from './worker-events';
import { outboxListener } from './outbox/feedback-outbox';
import { OUTBOX_ALARM } from './outbox/drain-schedule';
import { FLEET_ALARM, FLEET_SETTING_KEYS } from './fleet/fleet-service';
import { COPILOT_POLL_ALARM } from './copilot/live-service';
import { SIMULATOR_BUILD } from '../shared/build-flags';
import { activeTabId } from './active-tab';
import { runCommand } from './desktop/commands';
import { insertRecommendation } from './desktop/insert-recommendation';
import { relayOverlayState } from './desktop/overlay-relay';
import { beginOpenPanel } from './desktop/panel-opener';
import { rememberRecentEvent } from './recent-events';
import { createServices, extensionOrigin } from './services';
import { configurePanel, registerPanelOpener, restrictSessionStorage } from './platform';
import { forgetTab, listDesktopTabs, readView } from './tab-state';

watchWorkerErrors(globalThis);
void recordWorkerStart().catch(() => undefined);

registerPanelOpener();

const services = createServices();
// The fleet sender reads the audit log: each commit may complete or start a batch.
startAuditLog({ onCommitted: () => void services.fleet.drain() });

const ready: Promise<void> = restrictSessionStorage().catch((error: unknown) => {
  console.error('[agent-assist] could not restrict session storage', error);
});

const senderPolicy = { extensionId: browser.runtime.id, extensionOrigin: extensionOrigin(), isDesktopUrl: (url: string) => isAgentDesktopUrl(url) };
const route = createRouter(createHandlers(services), senderPolicy, {
  onRefused: (code, detail, sender) => console.warn('[agent-assist] refused message', code, detail, sender.url),
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Synchronously, while the agent's click still counts as a user gesture (desktop/panel-opener.ts).
  beginOpenPanel(message, sender, senderPolicy);
  return ready.then(() => route(message, sender));
});

onWorkerEvent(relayOverlayState);
if (SIMULATOR_BUILD) onWorkerEvent(rememberRecentEvent);

const onCommand = (command: string, tab?: { id?: number }) =>
  runCommand({ activeTabId, insertTop: (tabId) => insertRecommendation(insertDeps(services), tabId, { top: true }) }, command, tab?.id).catch(
    (error: unknown) => {
      console.warn('[agent-assist] command failed', command, error);
      return null;
    },
  );
browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
// Headless Chromium delivers no keyboard shortcuts to extensions: the e2e tests call this listener.
if (SIMULATOR_BUILD) Object.assign(globalThis, { __agentAssistCommand: onCommand });

browser.runtime.onInstalled.addListener(() => {
  void configurePanel();
});

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed') {
    void emitWorkerEvent({ type: 'settings-changed', keys: Object.keys(changes).map((key) => `policy:${key}`) });
    void refreshAllTabs(services);
    return;
  }
  if (area !== 'local') return;
  // The policy service answered late, with another policy than the copy we went by (settings-store.ts).
  const policy = changes[MANAGED_POLICY_COPY_KEY];
  const local = changes[SETTINGS_STORAGE_KEY];
  if (!policy && !local) return;
  const keys = [
    ...(policy ? changedSettingKeys(policy.oldValue, policy.newValue).map((key) => `policy:${key}`) : []),
    ...(local ? changedSettingKeys(local.oldValue, local.newValue) : []),
  ];
  // The first copy of "no policy" changes nothing.
  if (!local && keys.length === 0) return;
  void emitWorkerEvent({ type: 'settings-changed', keys });
  void refreshAllTabs(services);
});

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
});

browser.alarms.onAlarm.addListener((alarm) => {
  const tabId = tabForAlarm(alarm.name);
  if (tabId !== null) void services.pipeline.refresh(tabId);
  if (alarm.name === COPILOT_POLL_ALARM) void services.copilot.poll();
});

// Genesys mode's live socket follows sign-in and the provider setting.
onWorkerEvent((event) => (event.type === 'settings-changed' || event.type === 'signed-in' || event.type === 'signed-out' ? services.copilot.resume() : undefined));

// A restarted worker lost its socket: follow the tabs' conversations again (and backfill).
void ready.then(() => services.copilot.resume()).catch((error: unknown) => console.warn('[agent-assist] live suggestions did not resume', error));

// A worker killed mid-request left its views "loading": finish what it started.
void ready.then(async () => {
  for (const tabId of await listDesktopTabs()) {
    const view = await readView(tabId);
    if (view?.status === 'loading') void services.pipeline.refresh(tabId);
  }
});

// Feedback: written to the outbox before the agent's action is acknowledged; metrics from every event.
onWorkerEvent(outboxListener(services.outbox), { critical: true });
onWorkerEvent((event) => services.metrics.record(event));
// The outbox drains at every worker start and browser start, and when its alarm fires.
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === OUTBOX_ALARM) void services.outbox.drain();
});
browser.runtime.onStartup.addListener(() => {
  void services.outbox.drain();
});
void ready.then(() => services.outbox.drain());

// Fleet (ClickHouse): drained at every worker start, by its alarm, after audit commits, and at
// once when its setup changes (settings, the endpoint's host permission).
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === FLEET_ALARM) void services.fleet.drain();
});
onWorkerEvent((event) => {
  if (event.type === 'settings-changed' && event.keys.some((key) => FLEET_SETTING_KEYS.has(key.replace(/^policy:/, '')))) void services.fleet.resume();
});
browser.permissions.onAdded.addListener(() => void services.fleet.resume());
void ready.then(() => services.fleet.drain());
