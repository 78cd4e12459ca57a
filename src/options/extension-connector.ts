import { browser } from '../shared/browser';
import { loadSettings, saveSettings, watchSettings } from '../shared/settings-store';
import type { OptionsConnector } from './connector';

export function createExtensionConnector(): OptionsConnector {
  return {
    load: loadSettings,
    save: saveSettings,
    watch(onChange, signal) {
      const stop = watchSettings(onChange);
      signal.addEventListener('abort', stop);
    },
    // chrome.identity.launchWebAuthFlow redirects here: https://<extension-id>.chromiumapp.org/
    redirectUri: () => browser.identity.getRedirectURL(),
    supervisorPageUrl: () => browser.runtime.getURL('src/supervisor/index.html'),
  };
}
