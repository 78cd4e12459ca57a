import { browser } from '../shared/browser';

/** The tab the agent is looking at, in the focused window; null when there is none. */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id ?? null;
}
