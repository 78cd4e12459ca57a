import { browser } from '../shared/browser';
import { DESKTOP_DIAGNOSTICS_PREFIX } from '../shared/desktop-diagnostics';
import { sendToWorker } from '../shared/send-to-worker';
import { loadSettings, saveSettings, watchSettings } from '../shared/settings-store';
import type { OptionsConnector } from './connector';

export function createExtensionConnector(): OptionsConnector {
  return {
    load: loadSettings,
    // Keys the policy locks are never written locally (they would linger after the policy is lifted).
    save: async (settings) => saveSettings(settings, (await loadSettings()).locked ?? []),
    watch(onChange, signal) {
      const stop = watchSettings(onChange);
      signal.addEventListener('abort', stop);
    },
    // chrome.identity.launchWebAuthFlow redirects here: https://<extension-id>.chromiumapp.org/
    redirectUri: () => browser.identity.getRedirectURL(),
    outboxStatus: () => sendToWorker('page/get-outbox-status', {}),
    metricsReport: () => sendToWorker('page/get-metrics', {}),
    supervisorPageUrl: () => browser.runtime.getURL('src/supervisor/index.html'),
    hasHostAccess: (patterns) => browser.permissions.contains({ origins: patterns }),
    requestHostAccess: (patterns) => browser.permissions.request({ origins: patterns }),
    fleetStatus: () => sendToWorker('page/get-fleet-status', {}),
    setFleetSecrets: (secrets) => sendToWorker('page/set-fleet-secrets', secrets),
    desktopDiagnostics: async () => (await sendToWorker('page/get-desktop-diagnostics', {})).tabs,
    watchDesktopDiagnostics(onChange, signal) {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area === 'session' && Object.keys(changes).some((key) => key.startsWith(DESKTOP_DIAGNOSTICS_PREFIX))) onChange();
      };
      browser.storage.onChanged.addListener(listener);
      signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
    },
  };
}
