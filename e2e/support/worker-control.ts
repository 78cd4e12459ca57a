import type { BrowserContext, Page, Worker } from '@playwright/test';
import { extensionWorker } from './launch-extension';

interface ServiceWorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * Kills every service worker in the browser, as Chrome does after 30 s idle or under memory
 * pressure (CDP ServiceWorker.stopAllWorkers), and resolves once Chrome reports the extension's
 * worker stopped: whatever the test does next meets no worker of the old instance still running.
 * (Playwright's Worker handle outlives the stop, so it cannot tell.) The next event that reaches
 * the extension starts a new instance.
 */
export async function killServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    const status = new Map<string, ServiceWorkerVersion['runningStatus']>();
    const stoppedSince = new Set<string>();
    let stopping = false;
    let changed: () => void = () => undefined;
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: ServiceWorkerVersion[] }) => {
      for (const version of event.versions) {
        if (!version.scriptURL.startsWith('chrome-extension://')) continue;
        status.set(version.versionId, version.runningStatus);
        if (stopping && version.runningStatus === 'stopped') stoppedSince.add(version.versionId);
      }
      changed();
    });
    await cdp.send('ServiceWorker.enable');
    const running = [...status].filter(([, value]) => value !== 'stopped').map(([id]) => id);
    stopping = true;
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 15_000;
    while (!running.every((id) => stoppedSince.has(id) || status.get(id) === 'stopped')) {
      if (Date.now() > deadline) throw new Error('The extension service worker did not stop');
      await new Promise<void>((resolve) => {
        changed = resolve;
        setTimeout(resolve, 250);
      });
    }
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
