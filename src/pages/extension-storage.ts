import { browser } from '../shared/browser';

/**
 * Reads, writes and subscriptions of extension storage, apart from the worker requests of
 * src/pages/extension-client.ts: a page that checks its data by hand (the side panel) binds here
 * without loading the message table and zod (docs/performance.md P8).
 */
export type StorageArea = 'session' | 'local';

/** The stored value, unparsed (the caller parses it with its schema); undefined when absent. */
export async function readStorage(area: StorageArea, key: string): Promise<unknown> {
  return (await browser.storage[area].get(key))[key];
}

export async function writeStorage(area: StorageArea, key: string, value: unknown): Promise<void> {
  await browser.storage[area].set({ [key]: value });
}

/**
 * Calls `onChange` with the new value of each changed key of `area` (undefined when removed) that
 * `wants` accepts, until `signal` aborts. A change of no wanted key is not reported.
 */
export function watchStorage(area: StorageArea, wants: (key: string) => boolean, onChange: (changes: Map<string, unknown>) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== area) return;
    const wanted = new Map(Object.entries(changes).filter(([key]) => wants(key)).map(([key, change]) => [key, change.newValue]));
    if (wanted.size > 0) onChange(wanted);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
