import { SIMULATOR_BUILD } from '../../shared/build-flags';
import { SIMULATOR_DESKTOP_PROFILE } from '../../shared/desktop-profile';
import { isGenesysDesktopOrigin } from '../../shared/regions';

const SIMULATOR_DESKTOP = new RegExp(SIMULATOR_DESKTOP_PROFILE.urlPattern);

/**
 * Pages whose content script may report a conversation: the Genesys agent desktop in any region,
 * and the simulator's desktop in simulator builds only. Everything else is a page we do not read,
 * even if our content script happens to run there.
 */
export function isAgentDesktopUrl(url: string, simulatorBuild: boolean = SIMULATOR_BUILD): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (isGenesysDesktopOrigin(parsed.origin)) return true;
  return simulatorBuild && SIMULATOR_DESKTOP.test(url);
}
