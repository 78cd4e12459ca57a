import { SIMULATOR_BUILD } from '../../shared/build-flags';

/** Every desktop tab's view depends on sign-in and settings: recompute them all. */
export async function refreshAllTabs(deps: { listDesktopTabs(): Promise<number[]>; refresh(tabId: number): Promise<void> }): Promise<void> {
  const tabs = await deps.listDesktopTabs();
  await Promise.all(tabs.map((tabId) => deps.refresh(tabId).catch(logRefreshFailure)));
}

export function logRefreshFailure(error: unknown): void {
  // The pipeline publishes its own error states; what lands here is a bug worth seeing in the console.
  console.error('[agent-assist] refresh failed', error);
  if (SIMULATOR_BUILD) console.error(error instanceof Error ? error.stack : error);
}
