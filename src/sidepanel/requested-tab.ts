/**
 * `?tabId=N` on the panel URL pins it to that desktop tab. End-to-end tests need it: headless
 * Chromium opens no real side panel, so they load the panel page in a tab of its own.
 */
export function requestedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const tabId = Number(raw);
  return Number.isSafeInteger(tabId) ? tabId : null;
}
