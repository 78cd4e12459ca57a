import { browser } from './browser';
import { MESSAGES, type MessageType, type RequestOf, type ResponseOf } from './messages';
import { requestWorker } from './worker-request';

export { WorkerRequestError } from './worker-request';

/**
 * Sends one message to the worker and validates its reply against the table
 * (src/shared/worker-request.ts does the sending and the retry).
 */
export function sendToWorker<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
  return requestWorker(browser.runtime, type, data, (raw) => {
    const parsed = MESSAGES[type].response.safeParse(raw);
    return parsed.success ? (parsed.data as ResponseOf<T>) : null;
  });
}
