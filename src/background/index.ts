/**
 * Service worker entry: builds the services and the lifecycle, registers one listener per
 * browser event at top level (Chrome only wakes a worker for listeners registered synchronously)
 * and dispatches. What each subsystem starts and handles is declared in its own module, listed in
 * lifecycle/worker-subsystems.ts.
 */
import { browser, type Runtime } from '../shared/browser';
import { SIMULATOR_BUILD } from '../shared/build-flags';
import { activeTabId } from './active-tab';
import { runCommand } from './desktop/commands';
import { insertRecommendation } from './desktop/insert-recommendation';
import { beginOpenPanel } from './desktop/panel-opener';
import { recordWorkerError, recordWorkerStart, watchWorkerErrors } from './diagnostics';
import { createLifecycle } from './lifecycle/lifecycle';
import { workerSubsystems } from './lifecycle/worker-subsystems';
import { createHandlers, insertDeps } from './message-handlers';
import { isAgentDesktopUrl } from './messaging/desktop-url';
import { serveReportPort } from './messaging/report-port-server';
import { createRouter } from './messaging/router';
import { configurePanel, registerPanelOpener, restrictSessionStorage } from './platform';
import { createServices, extensionOrigin } from './services';
import { onWorkerEvent } from './worker-events';
import { browserStorage } from './worker-storage';

watchWorkerErrors(globalThis);
void recordWorkerStart().catch(() => undefined);

registerPanelOpener();

const services = createServices(browserStorage());
// A failure the lifecycle catches is kept with the uncaught ones, so support and the fault tests still see it.
const lifecycle = createLifecycle(workerSubsystems(services), {
  subscribe: onWorkerEvent,
  log: (message, error) => {
    console.error(`[agent-assist] ${message}`, error);
    recordWorkerError('subsystem', error instanceof Error ? new Error(`${message}: ${error.message}`) : `${message}: ${String(error)}`);
  },
});

const ready: Promise<void> = restrictSessionStorage().catch((error: unknown) => {
  console.error('[agent-assist] could not restrict session storage', error);
});

const senderPolicy = { extensionId: browser.runtime.id, extensionOrigin: extensionOrigin(), isDesktopUrl: (url: string) => isAgentDesktopUrl(url) };
const route = createRouter(createHandlers(services), senderPolicy, {
  onRefused: (code, detail, sender) => console.warn('[agent-assist] refused message', code, detail, sender.url),
});

// Answers through sendResponse (and `true`: the answer comes later), not a returned promise, which
// Chrome's own runtime.onMessage does not take (src/shared/browser.ts loads no polyfill).
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
  // Synchronously, while the agent's click still counts as a user gesture (desktop/panel-opener.ts).
  beginOpenPanel(message, sender, senderPolicy);
  ready
    .then(() => route(message, sender))
    .then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } }));
  return true;
});

// The desktop frames' reports come on long-lived ports (shared/report-port.ts), through the same router.
browser.runtime.onConnect.addListener((port) => serveReportPort(port, (message, sender) => ready.then(() => route(message, sender))));

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

browser.runtime.onInstalled.addListener(() => void configurePanel());
browser.tabs.onRemoved.addListener((tabId) => void services.tabs.forgetTab(tabId));
browser.storage.onChanged.addListener((changes, area) => void lifecycle.storageChanged(changes, area));
browser.alarms.onAlarm.addListener((alarm) => void lifecycle.alarm(alarm.name));
browser.runtime.onStartup.addListener(() => void lifecycle.browserStarted());
browser.permissions.onAdded.addListener(() => void lifecycle.permissionsAdded());

void ready.then(() => lifecycle.start());
