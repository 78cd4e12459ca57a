import { browser } from './browser';
import { parseSettingsWithPolicy, SETTINGS_STORAGE_KEY, type ParsedSettings, type Settings } from './settings';

/**
 * The one owner of the `settings` key in storage.local, and the reader of the administrator's
 * managed policy (storage.managed, shaped by public/managed_schema.json) that overrides it.
 */
async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    // Firefox throws when no policy is installed; Chrome answers {}.
    return {};
  }
}

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
    const relevant = areaName === 'managed' || (areaName === 'local' && SETTINGS_STORAGE_KEY in changes);
    if (relevant) void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
