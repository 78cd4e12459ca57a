import { browser } from './browser';
import { MESSAGES, ReplyEnvelope, type MessageType, type RequestOf, type ResponseOf, type RouterErrorCode } from './messages';

export class WorkerRequestError extends Error {
  constructor(
    readonly code: RouterErrorCode | 'no-reply' | 'bad-reply',
    message: string,
  ) {
    super(message);
    this.name = 'WorkerRequestError';
  }
}

/**
 * Sends one message to the worker and validates its reply against the table. The worker can be
 * asleep (it wakes on the message) or mid-restart (sendMessage then rejects: retried once).
 */
export async function sendToWorker<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ type, data });
  } catch {
    raw = await browser.runtime.sendMessage({ type, data }).catch((error: unknown) => {
      throw new WorkerRequestError('no-reply', error instanceof Error ? error.message : String(error));
    });
  }
  const reply = ReplyEnvelope.safeParse(raw);
  if (!reply.success) throw new WorkerRequestError('bad-reply', `unexpected reply to ${type}`);
  if (!reply.data.ok) throw new WorkerRequestError(reply.data.error.code, reply.data.error.message);
  const parsed = MESSAGES[type].response.safeParse(reply.data.data);
  if (!parsed.success) throw new WorkerRequestError('bad-reply', `reply to ${type} does not match its schema`);
  return parsed.data as ResponseOf<T>;
}
