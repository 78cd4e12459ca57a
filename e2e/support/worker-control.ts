import type { BrowserContext, Page, Worker } from '@playwright/test';
import { extensionWorker } from './launch-extension';

/**
 * Kills every service worker in the browser, as Chrome does after 30 s idle or under memory
 * pressure (DESIGN.md "Testing": CDP ServiceWorker.stopAllWorkers).
 */
export async function killServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The running worker, started again by whatever event woke it. */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return extensionWorker(context);
}

/** Errors nobody caught in the worker (src/background/diagnostics.ts). */
export async function workerErrors(worker: Worker): Promise<unknown[]> {
  const stored = await worker.evaluate(() => chrome.storage.session.get('diagnostics:worker-errors'));
  const list = stored['diagnostics:worker-errors'];
  return Array.isArray(list) ? (list as unknown[]) : [];
}
