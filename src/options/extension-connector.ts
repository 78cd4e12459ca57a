import { browser } from '../shared/browser';
import { DESKTOP_DIAGNOSTICS_PREFIX } from '../shared/desktop-diagnostics';
import { loadSettings, saveSettings, watchSettings } from '../shared/settings-store';
import { request, watchStorage } from '../pages/extension-client';
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
    outboxStatus: () => request('page/get-outbox-status', {}),
    metricsReport: () => request('page/get-metrics', {}),
    supervisorPageUrl: () => browser.runtime.getURL('src/supervisor/index.html'),
    hasHostAccess: (patterns) => browser.permissions.contains({ origins: patterns }),
    requestHostAccess: (patterns) => browser.permissions.request({ origins: patterns }),
    fleetStatus: () => request('page/get-fleet-status', {}),
    setFleetSecrets: (secrets) => request('page/set-fleet-secrets', secrets),
    desktopDiagnostics: async () => (await request('page/get-desktop-diagnostics', {})).tabs,
    watchDesktopDiagnostics(onChange, signal) {
      watchStorage('session', (key) => key.startsWith(DESKTOP_DIAGNOSTICS_PREFIX), () => onChange(), signal);
    },
  };
}
