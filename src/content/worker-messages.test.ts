import { describe, expect, it } from 'vitest';
import { WORKER_TO_CONTENT } from '../shared/messages';
import { listenToWorker, parseWorkerMessage } from './worker-messages';

const ID = '5b1f3c7e-2a4d-4e6f-8a9b-0c1d2e3f4a01';
const top = { id: 'billing-double-charge', title: 'Refund a double charge', sourceId: 'kb-billing', content: '<p>text</p>' };
const state = { conversationId: ID, count: 3, top, collapsed: false };

/** The hand-written check must agree with the schemas the worker validates against. */
function schemaAccepts(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const { type, data, ...rest } = message as { type?: unknown; data?: unknown };
  if (Object.keys(rest).length > 0 || typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(WORKER_TO_CONTENT, type)) return false;
  return WORKER_TO_CONTENT[type as keyof typeof WORKER_TO_CONTENT].request.safeParse(data).success;
}

const valid: unknown[] = [
  { type: 'worker/insert-text', data: { conversationId: ID, content: 'Refunds take 3–5 days.' } },
  { type: 'worker/insert-text', data: { conversationId: 'c-1', content: '' } },
  { type: 'worker/insert-text', data: { conversationId: ID, content: 'x'.repeat(20_000) } },
  { type: 'worker/overlay-state', data: { state } },
  { type: 'worker/overlay-state', data: { state: null } },
  { type: 'worker/overlay-state', data: { state: { ...state, top: null, count: 0, collapsed: true } } },
];

const invalid: unknown[] = [
  null,
  'worker/insert-text',
  [],
  {},
  { type: 'worker/insert-text' },
  { type: 'worker/insert-text', data: null },
  { type: 'worker/insert-text', data: { conversationId: ID, content: 'x' }, extra: 1 },
  { type: 'worker/insert-text', data: { conversationId: ID, content: 'x', submit: true } },
  { type: 'worker/insert-text', data: { conversationId: '<script>', content: 'x' } },
  { type: 'worker/insert-text', data: { conversationId: '', content: 'x' } },
  { type: 'worker/insert-text', data: { conversationId: 'x'.repeat(129), content: 'x' } },
  { type: 'worker/insert-text', data: { conversationId: ID, content: 'x'.repeat(20_001) } },
  { type: 'worker/insert-text', data: { conversationId: ID, content: 42 } },
  { type: 'worker/insert-text', data: { conversationId: ID } },
  { type: 'worker/overlay-state', data: {} },
  { type: 'worker/overlay-state', data: { state: { ...state, count: -1 } } },
  { type: 'worker/overlay-state', data: { state: { ...state, count: 1.5 } } },
  { type: 'worker/overlay-state', data: { state: { ...state, collapsed: 'no' } } },
  { type: 'worker/overlay-state', data: { state: { ...state, top: { ...top, id: '' } } } },
  { type: 'worker/overlay-state', data: { state: { ...state, top: { ...top, title: 't'.repeat(501) } } } },
  { type: 'worker/overlay-state', data: { state: { ...state, top: { ...top, html: '<b>' } } } },
  { type: 'worker/overlay-state', data: { state: { conversationId: ID, count: 1, top } } },
  { type: 'desktop/context-changed', data: {} },
  { type: 'page/sign-out', data: {} },
  { type: '__proto__', data: {} },
];

describe('parseWorkerMessage', () => {
  it.each(valid.map((message) => [JSON.stringify(message).slice(0, 80), message]))('accepts %s, as the schema does', (_label, message) => {
    expect(schemaAccepts(message)).toBe(true);
    expect(parseWorkerMessage(message)).toEqual(message);
  });

  it.each(invalid.map((message) => [JSON.stringify(message)?.slice(0, 80) ?? String(message), message]))('refuses %s, as the schema does', (_label, message) => {
    expect(schemaAccepts(message)).toBe(false);
    expect(parseWorkerMessage(message)).toBeNull();
  });

  it('agrees with the schemas on random variations of valid messages', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values: unknown[] = [null, '', 'x', 0, -1, 1.5, 3, true, false, [], {}, ID, 'a b', 'x'.repeat(300)];
    const mutate = (value: unknown, depth: number): unknown => {
      if (typeof value !== 'object' || value === null || depth > 3) return random() < 0.3 ? values[Math.floor(random() * values.length)] : value;
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const key = keys[Math.floor(random() * keys.length)];
      if (key !== undefined) {
        if (random() < 0.15) delete copy[key];
        else copy[key] = mutate(copy[key], depth + 1);
      }
      if (random() < 0.05) copy.extra = 1;
      return copy;
    };
    for (let round = 0; round < 2000; round++) {
      const message = mutate(valid[round % valid.length], 0);
      expect(parseWorkerMessage(message) !== null, JSON.stringify(message)).toBe(schemaAccepts(message));
    }
  });
});

describe('listenToWorker', () => {
  type Listener = (message: unknown, sender: { id?: string; tab?: unknown }, respond: (reply: unknown) => void) => boolean;

  function fakeRuntime() {
    const listeners = new Set<Listener>();
    const runtime = {
      id: 'our-extension',
      onMessage: { addListener: (listener: Listener) => listeners.add(listener), removeListener: (listener: Listener) => listeners.delete(listener) },
    };
    (globalThis as unknown as { chrome: unknown }).chrome = { runtime };
    const deliver = (message: unknown, sender: { id?: string; tab?: unknown }) =>
      new Promise<unknown>((resolve) => {
        const answered = [...listeners].map((listener) => listener(message, sender, resolve));
        if (!answered.some(Boolean)) setTimeout(() => resolve('no async answer'), 0);
      });
    return { listeners, deliver };
  }

  it('answers the worker with {ok, data}, and refuses other senders and bad messages', async () => {
    const saved = (globalThis as { chrome?: unknown }).chrome;
    try {
      const { listeners, deliver } = fakeRuntime();
      const controller = new AbortController();
      const handle = async () => ({ outcome: 'inserted' });
      listenToWorker(handle, controller.signal);
      const message = { type: 'worker/insert-text', data: { conversationId: ID, content: 'x' } };
      expect(await deliver(message, { id: 'our-extension' })).toEqual({ ok: true, data: { outcome: 'inserted' } });
      // Another extension, or a tab (another content script), gets no answer at all.
      expect(await deliver(message, { id: 'someone-else' })).toBe('no async answer');
      expect(await deliver(message, { id: 'our-extension', tab: { id: 3 } })).toBe('no async answer');
      expect(await deliver({ type: 'worker/insert-text', data: { content: 'x' } }, { id: 'our-extension' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      controller.abort();
      expect(listeners.size).toBe(0);
    } finally {
      (globalThis as { chrome?: unknown }).chrome = saved;
    }
  });

  it('reports a handler failure as an error reply', async () => {
    const saved = (globalThis as { chrome?: unknown }).chrome;
    try {
      const { deliver } = fakeRuntime();
      listenToWorker(async () => {
        throw new Error('boom');
      });
      expect(await deliver({ type: 'worker/overlay-state', data: { state: null } }, { id: 'our-extension' })).toEqual({ ok: false, error: { code: 'failed', message: 'boom' } });
    } finally {
      (globalThis as { chrome?: unknown }).chrome = saved;
    }
  });
});
