/**
 * Where settings live in storage, in a module with no imports so the content script (which must
 * stay small, docs/performance.md P8) can tell a settings change from any other storage change.
 */
export const SETTINGS_STORAGE_KEY = 'settings';

/**
 * The last managed policy read (storage.local): what the extension goes by while Chrome's policy
 * service has not answered yet, which can take seconds after the browser starts (or never, on
 * some builds): see settings-store.ts.
 */
export const MANAGED_POLICY_COPY_KEY = 'managedPolicyCopy';

/** Whether a storage change can change the effective settings. */
export function isSettingsChange(changes: Record<string, unknown>, area: string): boolean {
  return area === 'managed' || (area === 'local' && (SETTINGS_STORAGE_KEY in changes || MANAGED_POLICY_COPY_KEY in changes));
}
