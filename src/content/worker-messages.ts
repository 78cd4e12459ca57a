import type { ContentMessageType, ContentRequestOf, OverlayState } from '../shared/messages';

/**
 * Messages from the worker (WORKER_TO_CONTENT in shared/messages.ts), checked by hand: the content
 * script loads in every frame of every desktop tab and carries no zod (docs/performance.md P8). The worker
 * validated them before sending; this check keeps a page that somehow reached our listener, or a
 * worker of another version, from driving the composer. Its unit test holds it to the schemas.
 */
export type WorkerMessage = { [T in ContentMessageType]: { type: T; data: ContentRequestOf<T> } }[ContentMessageType];

const CONVERSATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const MAX_CONTENT = 20_000;

type Shape = Record<string, unknown>;

function isRecord(value: unknown): value is Shape {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExactly(value: Shape, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => own.includes(key));
}

function isText(value: unknown, max: number, min = 0): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

function isConversationId(value: unknown): value is string {
  return typeof value === 'string' && CONVERSATION_ID.test(value);
}

function isOverlayState(value: unknown): value is OverlayState {
  if (!isRecord(value) || !hasExactly(value, ['conversationId', 'count', 'top', 'collapsed'])) return false;
  if (!isConversationId(value.conversationId) || typeof value.collapsed !== 'boolean') return false;
  if (typeof value.count !== 'number' || !Number.isInteger(value.count) || value.count < 0) return false;
  const top = value.top;
  if (top === null) return true;
  return (
    isRecord(top) &&
    hasExactly(top, ['id', 'title', 'sourceId', 'content']) &&
    isText(top.id, 256, 1) &&
    isText(top.title, 500) &&
    isText(top.sourceId, 256) &&
    isText(top.content, MAX_CONTENT)
  );
}

export function parseWorkerMessage(raw: unknown): WorkerMessage | null {
  if (!isRecord(raw) || !hasExactly(raw, ['type', 'data']) || !isRecord(raw.data)) return null;
  const data = raw.data;
  switch (raw.type) {
    case 'worker/insert-text':
      if (!hasExactly(data, ['conversationId', 'content']) || !isConversationId(data.conversationId) || !isText(data.content, MAX_CONTENT)) return null;
      return { type: 'worker/insert-text', data: { conversationId: data.conversationId, content: data.content } };
    case 'worker/overlay-state':
      if (!hasExactly(data, ['state']) || !(data.state === null || isOverlayState(data.state))) return null;
      return { type: 'worker/overlay-state', data: { state: data.state } };
    default:
      return null;
  }
}

interface MessageSenderLike {
  id?: string;
  tab?: unknown;
}

/**
 * Answers the worker's messages with `{ok, data}` / `{ok: false, error}` (the router's reply shape).
 * Only this extension's own contexts, never a tab, may talk to us here.
 */
export function listenToWorker(handle: (message: WorkerMessage) => Promise<unknown>, signal?: AbortSignal): void {
  const listener = (raw: unknown, sender: MessageSenderLike, sendResponse: (reply: unknown) => void): boolean => {
    if (sender.id !== chrome.runtime.id || sender.tab !== undefined) return false;
    const message = parseWorkerMessage(raw);
    if (!message) {
      sendResponse({ ok: false, error: { code: 'bad-request', message: 'Not a message for the content script' } });
      return false;
    }
    handle(message).then(
      (data) => sendResponse({ ok: true, data }),
      (error: unknown) => sendResponse({ ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } }),
    );
    return true; // the answer comes asynchronously
  };
  chrome.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => chrome.runtime.onMessage.removeListener(listener));
}
