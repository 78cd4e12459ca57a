import { panelSettingsOf, type Settings } from '../../shared/settings';
import type { Handlers } from '../messaging/router';

/** The settings as pages see them, read with the administrator's policy on top. */
export interface SettingsHandlerDeps {
  settings(): Promise<Settings>;
}

export function settingsHandlers(deps: SettingsHandlerDeps): Pick<Handlers, 'page/get-panel-settings'> {
  return {
    async 'page/get-panel-settings'() {
      return panelSettingsOf(await deps.settings());
    },
  };
}
