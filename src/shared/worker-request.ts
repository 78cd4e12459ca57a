import type { MessageType, Reply, RequestOf, ResponseOf, RouterErrorCode } from './messages';

/** ERROR_CODES of src/shared/messages.ts, named here so this module stays free of zod (the test compares them). */
export const ROUTER_ERROR_CODES: readonly RouterErrorCode[] = ['bad-sender', 'bad-request', 'unknown-type', 'failed'];

export class WorkerRequestError extends Error {
  constructor(
    readonly code: RouterErrorCode | 'no-reply' | 'bad-reply',
    message: string,
  ) {
    super(message);
    this.name = 'WorkerRequestError';
  }
}

/** The part of `runtime` a request needs: the browser's promise-based one, or a test's fake. */
export interface MessageRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * The router's reply envelope (ReplyEnvelope in src/shared/messages.ts), checked by hand so a page
 * that carries no zod can read it; src/shared/worker-request.test.ts holds it to that schema.
 */
export function parseReplyEnvelope(raw: unknown): Reply<unknown> | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const reply = raw as Record<string, unknown>;
  const keys = Object.keys(reply);
  if (reply.ok === true) return keys.length === 2 && 'data' in reply ? { ok: true, data: reply.data } : null;
  if (reply.ok !== false || keys.length !== 2 || !('error' in reply)) return null;
  const error = reply.error;
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return null;
  const { code, message } = error as Record<string, unknown>;
  if (Object.keys(error).length !== 2 || typeof message !== 'string' || !(ROUTER_ERROR_CODES as readonly unknown[]).includes(code)) return null;
  return { ok: false, error: { code: code as RouterErrorCode, message } };
}

/**
 * Sends one message to the worker and checks its reply with `readData` (null: not the schema's
 * shape). The worker can be asleep (it wakes on the message) or mid-restart (sendMessage then
 * rejects: retried once).
 */
export async function requestWorker<T extends MessageType>(runtime: MessageRuntime, type: T, data: RequestOf<T>, readData: (data: unknown) => ResponseOf<T> | null): Promise<ResponseOf<T>> {
  let raw: unknown;
  try {
    raw = await runtime.sendMessage({ type, data });
  } catch {
    raw = await runtime.sendMessage({ type, data }).catch((error: unknown) => {
      throw new WorkerRequestError('no-reply', error instanceof Error ? error.message : String(error));
    });
  }
  const reply = parseReplyEnvelope(raw);
  if (!reply) throw new WorkerRequestError('bad-reply', `unexpected reply to ${type}`);
  if (!reply.ok) throw new WorkerRequestError(reply.error.code, reply.error.message);
  const parsed = readData(reply.data);
  if (parsed === null) throw new WorkerRequestError('bad-reply', `reply to ${type} does not match its schema`);
  return parsed;
}
