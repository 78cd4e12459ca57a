import { browser } from '../shared/browser';
import { createSerialQueue } from './serial-queue';

/**
 * Errors nobody caught in the worker. An unhandled rejection is a bug (every failure should end
 * in a view state), so they are kept (storage.session, last 50) where the fault tests and a
 * supporting engineer can see them, as well as in the console.
 */
export const WORKER_ERRORS_KEY = 'diagnostics:worker-errors';
const LIMIT = 50;

export interface WorkerErrorRecord {
  at: number;
  /** `subsystem`: a start, alarm or event handler the lifecycle caught (lifecycle/lifecycle.ts). */
  kind: 'unhandledrejection' | 'error' | 'subsystem';
  message: string;
}

// Serialised so two errors at once do not overwrite each other's list.
const queue = createSerialQueue();

function describe(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
  try {
    return JSON.stringify(reason) ?? String(reason);
  } catch {
    return String(reason);
  }
}

export function recordWorkerError(kind: WorkerErrorRecord['kind'], reason: unknown): void {
  const entry: WorkerErrorRecord = { at: Date.now(), kind, message: describe(reason).slice(0, 500) };
  void queue
    .run(WORKER_ERRORS_KEY, async () => {
      const stored = await browser.storage.session.get(WORKER_ERRORS_KEY);
      const list = Array.isArray(stored[WORKER_ERRORS_KEY]) ? (stored[WORKER_ERRORS_KEY] as WorkerErrorRecord[]) : [];
      await browser.storage.session.set({ [WORKER_ERRORS_KEY]: [...list, entry].slice(-LIMIT) });
    })
    .catch(() => undefined);
}

/** When this worker instance started: a restart is visible to support and to the cold-start benchmark. */
export const WORKER_STARTED_KEY = 'diagnostics:worker-started-at';

export function recordWorkerStart(now: number = Date.now()): Promise<void> {
  return browser.storage.session.set({ [WORKER_STARTED_KEY]: now });
}

export function watchWorkerErrors(scope: Pick<typeof globalThis, 'addEventListener'>): void {
  scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => recordWorkerError('unhandledrejection', event.reason));
  scope.addEventListener('error', (event: ErrorEvent) => recordWorkerError('error', event.error ?? event.message));
}
