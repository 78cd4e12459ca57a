import { SIMULATOR_BUILD } from '../../shared/build-flags';
import { SIMULATOR_DESKTOP_PROFILE } from '../../shared/desktop-profile';
import { isGenesysDesktopOrigin } from '../../shared/regions';

// Folded to null in store builds, so the simulator's profile is not even in the bundle.
const SIMULATOR_DESKTOP: RegExp | null = SIMULATOR_BUILD ? new RegExp(SIMULATOR_DESKTOP_PROFILE.urlPattern) : null;

/**
 * Pages whose content script may report a conversation: the Genesys agent desktop in any region,
 * and the simulator's desktop in simulator builds only. Everything else is a page we do not read,
 * even if our content script happens to run there.
 */
export function isAgentDesktopUrl(url: string, simulatorDesktop: RegExp | null = SIMULATOR_DESKTOP): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (isGenesysDesktopOrigin(parsed.origin)) return true;
  return simulatorDesktop !== null && simulatorDesktop.test(url);
}
