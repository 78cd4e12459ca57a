import { browser } from './browser';
import { createManagedPolicyReader, MANAGED_POLICY_WAIT_MS, type Policy } from './managed-policy';
import { parseSettingsWithPolicy, withoutSecrets, type ParsedSettings, type Settings } from './settings';
import { isSettingsChange, MANAGED_POLICY_COPY_KEY, SETTINGS_STORAGE_KEY } from './settings-keys';

/**
 * The one owner of the `settings` key in storage.local, and the reader of the administrator's
 * managed policy (storage.managed, shaped by public/managed_schema.json) that overrides it.
 */
const readManaged = createManagedPolicyReader({
  // Passwords in the policy are the worker's alone (background/fleet/fleet-secrets.ts): never in the
  // parsed settings a page holds, never in the copy kept in storage.local.
  readPolicy: async () => withoutSecrets(await browser.storage.managed.get(null)),
  async readCopy() {
    const copy = (await browser.storage.local.get(MANAGED_POLICY_COPY_KEY))[MANAGED_POLICY_COPY_KEY];
    return typeof copy === 'object' && copy !== null && !Array.isArray(copy) ? (copy as Policy) : null;
  },
  writeCopy: (policy) => browser.storage.local.set({ [MANAGED_POLICY_COPY_KEY]: policy }),
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  waitMs: MANAGED_POLICY_WAIT_MS,
});

export async function loadSettings(): Promise<ParsedSettings> {
  const [stored, managed] = await Promise.all([browser.storage.local.get(SETTINGS_STORAGE_KEY), readManaged()]);
  return parseSettingsWithPolicy(stored[SETTINGS_STORAGE_KEY], managed);
}

/** Saves local settings; keys the policy locks are left out, so they never linger after it is lifted. */
export async function saveSettings(settings: Partial<Settings>, locked: readonly string[] = []): Promise<void> {
  const local = Object.fromEntries(Object.entries(settings).filter(([key]) => !locked.includes(key)));
  await browser.storage.local.set({ [SETTINGS_STORAGE_KEY]: local });
}

/** Calls back with freshly parsed settings whenever the local settings or the policy change. */
export function watchSettings(onChange: (parsed: ParsedSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (isSettingsChange(changes, areaName)) void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
