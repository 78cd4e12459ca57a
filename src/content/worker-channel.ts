import type { MessageType, RequestOf, ResponseOf } from '../shared/messages';

/**
 * The content script's line to the worker. Deliberately free of zod and of the polyfill: this
 * script loads in every frame of every desktop tab (docs/performance.md P8). The worker validates what we
 * send; what it answers comes from our own trusted worker, so a shape check is enough here.
 * Firefox provides a promise-based `browser`; Chrome's `chrome.runtime` returns promises in MV3.
 */
export class WorkerUnavailableError extends Error {
  constructor(message: string, readonly orphaned: boolean) {
    super(message);
    this.name = 'WorkerUnavailableError';
  }
}

/** The port a frame reports on (shared/report-port.ts). */
export interface PortLike {
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  postMessage(message: unknown): void;
  disconnect(): void;
}

export interface RuntimeLike {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  connect(info: { name: string }): PortLike;
}

export function runtime(): RuntimeLike | undefined {
  const scope = globalThis as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
  return scope.browser?.runtime ?? scope.chrome?.runtime;
}

export async function askWorker<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
  const api = runtime();
  // After the extension is updated or removed, this script lives on without a runtime id.
  if (!api?.id) throw new WorkerUnavailableError('The extension was reloaded', true);
  let reply: unknown;
  try {
    reply = await api.sendMessage({ type, data });
  } catch {
    // The worker may be starting up; one more try before giving up on this report.
    reply = await api.sendMessage({ type, data }).catch((error: unknown) => {
      throw new WorkerUnavailableError(error instanceof Error ? error.message : String(error), !api.id);
    });
  }
  return replyData(type, reply);
}

/** The data of the worker's `{ ok, data }` reply to `type`; its error as an Error otherwise. */
export function replyData<T extends MessageType>(type: T, reply: unknown): ResponseOf<T> {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) throw new WorkerUnavailableError(`No reply to ${type}`, false);
  if (reply.ok !== true || !('data' in reply)) {
    const error = 'error' in reply ? (reply as { error?: { message?: unknown } }).error : undefined;
    throw new Error(typeof error?.message === 'string' ? error.message : `${type} was refused`);
  }
  return reply.data as ResponseOf<T>;
}
