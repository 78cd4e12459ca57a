import { vi } from 'vitest';

/**
 * Just enough of the WebExtension API for the pages' extension connectors, in memory: storage
 * areas that fire `storage.onChanged` as the browser does, tab events, and a worker whose reply to
 * each message type a test decides. One copy for every connector test, so the stub cannot drift
 * between them. Use it as
 * `vi.mock('…/shared/browser', async () => ({ browser: (await import('…/testing/browser-stub')).browserStub.browser }))`
 * and call `browserStub.reset()` before each test.
 */
type Listener = (...args: never[]) => void;
export type WorkerReply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

function stubEvent() {
  const listeners = new Set<Listener>();
  return {
    listeners,
    addListener: (listener: Listener) => listeners.add(listener),
    removeListener: (listener: Listener) => listeners.delete(listener),
    fire: (...args: unknown[]) => listeners.forEach((listener) => (listener as (...a: unknown[]) => void)(...args)),
  };
}

const onChanged = stubEvent();

function stubArea(name: 'session' | 'local') {
  const data = new Map<string, unknown>();
  const pick = (keys: string | string[] | null) => (keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys);
  return {
    data,
    async get(keys: string | string[] | null) {
      return Object.fromEntries(pick(keys).flatMap((key) => (data.has(key) ? [[key, structuredClone(data.get(key))]] : [])));
    },
    async set(items: Record<string, unknown>) {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
      onChanged.fire(Object.fromEntries(Object.entries(items).map(([key, value]) => [key, { newValue: value }])), name);
    },
    async remove(keys: string | string[]) {
      const gone = pick(keys).filter((key) => data.delete(key));
      if (gone.length) onChanged.fire(Object.fromEntries(gone.map((key) => [key, { newValue: undefined }])), name);
    },
  };
}

const state = {
  /** The worker's answer to the next message of each type (a function: worked out when asked); none answers `undefined`, as a worker without a handler. */
  replies: new Map<string, WorkerReply | (() => WorkerReply)>(),
  sent: [] as { type: string; data: unknown }[],
  activeTab: { id: 11, windowId: 1 } as { id: number; windowId: number } | undefined,
  openOptionsPage: vi.fn(async () => {}),
};

const browser = {
  storage: { session: stubArea('session'), local: stubArea('local'), managed: { get: async () => ({}) }, onChanged },
  tabs: { query: async () => (state.activeTab ? [state.activeTab] : []), onActivated: stubEvent(), onUpdated: stubEvent() },
  runtime: {
    async sendMessage(message: { type: string; data: unknown }) {
      state.sent.push(message);
      const reply = state.replies.get(message.type);
      return typeof reply === 'function' ? reply() : reply;
    },
    getURL: (path: string) => `chrome-extension://stub/${path}`,
    openOptionsPage: () => state.openOptionsPage(),
  },
  identity: { getRedirectURL: () => 'https://stub.chromiumapp.org/' },
};

export const browserStub = {
  browser,
  state,
  reset() {
    browser.storage.session.data.clear();
    browser.storage.local.data.clear();
    state.replies.clear();
    state.sent = [];
    state.activeTab = { id: 11, windowId: 1 };
    state.openOptionsPage = vi.fn(async () => {});
  },
};
