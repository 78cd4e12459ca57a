import { browser } from './browser';
import { parseSettings, SETTINGS_STORAGE_KEY, type ParsedSettings, type Settings } from './settings';

/** The one owner of the `settings` key in storage.local. */
export async function loadSettings(): Promise<ParsedSettings> {
  const stored = await browser.storage.local.get(SETTINGS_STORAGE_KEY);
  return parseSettings(stored[SETTINGS_STORAGE_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_STORAGE_KEY]: settings });
}

/** Calls back with freshly parsed settings whenever the stored object changes. */
export function watchSettings(onChange: (parsed: ParsedSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== 'local' || !(SETTINGS_STORAGE_KEY in changes)) return;
    onChange(parseSettings(changes[SETTINGS_STORAGE_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
