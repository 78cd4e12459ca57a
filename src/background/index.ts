/**
 * Service worker entry: registers every listener at top level (Chrome only wakes a worker for
 * listeners registered synchronously) and delegates. No logic lives here.
 */
import { browser, type Runtime } from '../shared/browser';
import { SETTINGS_STORAGE_KEY } from '../shared/settings';
import { startAuditLog } from './audit/audit-log';
import { recordWorkerStart, watchWorkerErrors } from './diagnostics';
import { createHandlers, refreshAllTabs } from './message-handlers';
import { isAgentDesktopUrl } from './messaging/desktop-url';
import { createRouter } from './messaging/router';
import { tabForAlarm } from './retry-alarms';
import { changedSettingKeys } from './settings-changes';
import { emitWorkerEvent } from './worker-events';
import { createServices, extensionOrigin } from './services';
import { configurePanel, registerPanelOpener, restrictSessionStorage } from './platform';
import { forgetTab, listDesktopTabs, readView } from './tab-state';

watchWorkerErrors(globalThis);
void recordWorkerStart().catch(() => undefined);

registerPanelOpener();

const services = createServices();
startAuditLog();

const ready: Promise<void> = restrictSessionStorage().catch((error: unknown) => {
  console.error('[agent-assist] could not restrict session storage', error);
});

const route = createRouter(
  createHandlers(services),
  { extensionId: browser.runtime.id, extensionOrigin: extensionOrigin(), isDesktopUrl: (url) => isAgentDesktopUrl(url) },
  { onRefused: (code, detail, sender) => console.warn('[agent-assist] refused message', code, detail, sender.url) },
);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => ready.then(() => route(message, sender)));

browser.runtime.onInstalled.addListener(() => {
  void configurePanel();
});

browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !(SETTINGS_STORAGE_KEY in changes)) return;
  const change = changes[SETTINGS_STORAGE_KEY];
  void emitWorkerEvent({ type: 'settings-changed', keys: changedSettingKeys(change?.oldValue, change?.newValue) });
  void refreshAllTabs(services);
});

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
});

browser.alarms.onAlarm.addListener((alarm) => {
  const tabId = tabForAlarm(alarm.name);
  if (tabId !== null) void services.pipeline.refresh(tabId);
});

// A worker killed mid-request left its views "loading": finish what it started.
void ready.then(async () => {
  for (const tabId of await listDesktopTabs()) {
    const view = await readView(tabId);
    if (view?.status === 'loading') void services.pipeline.refresh(tabId);
  }
});
