import type { Worker } from '@playwright/test';

/**
 * Counts, inside the worker, the distinct conversation contexts it stores for a desktop tab: what
 * the content script's debounced reports amounted to, as the worker received them. The pipeline
 * may call the provider at most once per distinct context, so this is the bound the economy
 * tests hold calls to, whatever the machine's speed. A listener added from a test lives as long
 * as the worker instance: a test that kills the worker cannot use it across the kill.
 */
export interface ContextCounter {
  distinct(): Promise<number>;
}

export async function countStoredContexts(worker: Worker, tabId: number): Promise<ContextCounter> {
  const key = `context:${tabId}`;
  await worker.evaluate((watched) => {
    const seen = new Set<string>();
    (globalThis as unknown as { __testContexts?: Record<string, Set<string>> }).__testContexts = { [watched]: seen };
    chrome.storage.onChanged.addListener((changes, area) => {
      const stored = changes[watched]?.newValue as { context?: unknown } | undefined;
      if (area === 'session' && stored?.context) seen.add(JSON.stringify(stored.context));
    });
  }, key);
  return {
    distinct: () => worker.evaluate((watched) => (globalThis as unknown as { __testContexts?: Record<string, Set<string>> }).__testContexts?.[watched]?.size ?? -1, key),
  };
}
