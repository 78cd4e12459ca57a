import {
  Envelope,
  isMessageType,
  MESSAGES,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
  type RouterErrorCode,
} from '../../shared/messages';
import { verifySender, type SenderPolicy, type SenderRecord, type VerifiedSender } from './sender';

type SenderFor<K> = Extract<VerifiedSender, { kind: K }>;

/** One handler per message in the table: a missing one is a compile error. */
export type Handlers = {
  [T in MessageType]: (data: RequestOf<T>, sender: SenderFor<(typeof MESSAGES)[T]['from']>) => Promise<ResponseOf<T>>;
};

export interface RouterOptions {
  /** Called for every refused message, so refusals are visible (and can be audited). */
  onRefused?(code: RouterErrorCode, detail: string, record: SenderRecord): void;
}

/**
 * The worker's only entry for runtime messages: checks the real sender, finds the message in the
 * table, validates the request, runs the handler and answers `{ok, data}` or `{ok:false, error}`.
 * A handler failure becomes an error reply, never an unhandled rejection.
 */
export function createRouter(handlers: Handlers, policy: SenderPolicy, options: RouterOptions = {}) {
  function refuse<T>(code: RouterErrorCode, message: string, record: SenderRecord): Reply<T> {
    options.onRefused?.(code, message, record);
    return { ok: false, error: { code, message } };
  }

  return async function route(message: unknown, record: SenderRecord): Promise<Reply<unknown>> {
    const check = verifySender(record, policy);
    if (!check.ok) return refuse('bad-sender', `Sender refused: ${check.reason}`, record);
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return refuse('bad-request', 'Not a message envelope', record);
    const { type, data } = envelope.data;
    if (!isMessageType(type)) return refuse('unknown-type', `Unknown message type`, record);
    const spec = MESSAGES[type];
    if (check.sender.kind !== spec.from) return refuse('bad-sender', `${type} is not accepted from a ${check.sender.kind}`, record);
    const request = spec.request.safeParse(data);
    if (!request.success) {
      const issue = request.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      return refuse('bad-request', `Invalid ${type} request${where}: ${issue?.message ?? 'invalid'}`, record);
    }
    const handler = handlers[type] as (data: unknown, sender: VerifiedSender) => Promise<unknown>;
    try {
      return { ok: true, data: await handler(request.data, check.sender) };
    } catch (error) {
      return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } };
    }
  };
}
