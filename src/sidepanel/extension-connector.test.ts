import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelSnapshot } from './connector';
import { recommendationFixture, viewFixture } from './fixtures';

type Listener = (...args: never[]) => void;

/** Just enough of the WebExtension API for the connector, in memory. */
const fake = vi.hoisted(() => {
  const event = () => {
    const listeners = new Set<Listener>();
    return {
      listeners,
      addListener: (listener: Listener) => listeners.add(listener),
      removeListener: (listener: Listener) => listeners.delete(listener),
      fire: (...args: unknown[]) => listeners.forEach((listener) => (listener as (...a: unknown[]) => void)(...args)),
    };
  };
  const area = (name: 'session' | 'local') => {
    const data = new Map<string, unknown>();
    return {
      data,
      get: async (key: string) => (data.has(key) ? { [key]: data.get(key) } : {}),
      /** Writes and fires storage.onChanged, as the browser does. */
      put(key: string, value: unknown) {
        data.set(key, value);
        state.onChanged.fire({ [key]: { newValue: value } }, name);
      },
    };
  };
  const state = {
    onChanged: event(),
    onActivated: event(),
    onUpdated: event(),
    session: undefined as unknown as ReturnType<typeof area>,
    local: undefined as unknown as ReturnType<typeof area>,
    activeTab: { id: 11, windowId: 1 } as { id: number; windowId: number } | undefined,
    replies: [] as unknown[],
    sent: [] as unknown[],
    openOptionsPage: vi.fn(async () => {}),
  };
  state.session = area('session');
  state.local = area('local');
  const browser = {
    storage: { session: state.session, local: state.local, onChanged: state.onChanged },
    tabs: {
      query: async () => (state.activeTab ? [state.activeTab] : []),
      onActivated: state.onActivated,
      onUpdated: state.onUpdated,
    },
    runtime: {
      sendMessage: async (message: unknown) => {
        state.sent.push(message);
        return state.replies.shift();
      },
      openOptionsPage: state.openOptionsPage,
    },
  };
  return { state, browser };
});

vi.mock('../shared/browser', () => ({ browser: fake.browser }));

const { createExtensionConnector } = await import('./extension-connector');

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  fake.state.session.data.clear();
  fake.state.local.data.clear();
  fake.state.activeTab = { id: 11, windowId: 1 };
  fake.state.replies = [];
  fake.state.sent = [];
});
afterEach(() => controller.abort());

function subscribe(search = '') {
  const snapshots: PanelSnapshot[] = [];
  createExtensionConnector(search).subscribe((snapshot) => snapshots.push(snapshot), controller.signal);
  return {
    snapshots,
    latest: async () => {
      await vi.waitFor(() => expect(snapshots.length).toBeGreaterThan(0));
      return snapshots.at(-1)!;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('binding', () => {
  it('binds to ?tabId=N and reads its view, the user and the settings', async () => {
    const view = viewFixture('ready', { tabId: 5, recommendations: [recommendationFixture()] });
    fake.state.session.data.set('view:5', view);
    fake.state.session.data.set('view:11', viewFixture('loading', { tabId: 11 }));
    fake.state.session.data.set('auth:user', { id: 'u1', name: 'Ada' });
    fake.state.local.data.set('settings', { minRelevanceScore: 0.5 });
    const { latest, snapshots } = subscribe('?tabId=5');
    const snapshot = await latest();
    expect(snapshots).toHaveLength(1); // never a half-loaded state
    expect(snapshot.tabId).toBe(5);
    expect(snapshot.view).toEqual(view);
    expect(snapshot.user).toEqual({ id: 'u1', name: 'Ada' });
    expect(snapshot.settings.minRelevanceScore).toBe(0.5);
    expect(fake.state.onActivated.listeners.size).toBe(0);
  });

  it('treats invalid stored values as absent', async () => {
    fake.state.session.data.set('view:5', { tabId: 5, status: 'exploded' });
    fake.state.session.data.set('auth:user', { id: 42 });
    const snapshot = await subscribe('?tabId=5').latest();
    expect(snapshot.view).toBeNull();
    expect(snapshot.user).toBeNull();
  });

  it('follows the active tab of its window', async () => {
    fake.state.session.data.set('view:11', viewFixture('loading', { tabId: 11 }));
    fake.state.session.data.set('view:12', viewFixture('ready', { tabId: 12 }));
    const { latest } = subscribe();
    expect((await latest()).tabId).toBe(11);
    expect((await latest()).view?.status).toBe('loading');

    fake.state.onActivated.fire({ tabId: 99, windowId: 2 }); // another window: ignored
    await settle();
    expect((await latest()).tabId).toBe(11);

    fake.state.onActivated.fire({ tabId: 12, windowId: 1 });
    await vi.waitFor(async () => expect((await latest()).view?.status).toBe('ready'));
    expect((await latest()).tabId).toBe(12);

    fake.state.onActivated.fire({ tabId: 13, windowId: 1 }); // not a desktop tab
    await vi.waitFor(async () => expect((await latest()).tabId).toBe(13));
    expect((await latest()).view).toBeNull();
  });
});

describe('changes', () => {
  it('re-renders on changes to its own tab only, and parses them', async () => {
    const { latest } = subscribe('?tabId=5');
    expect((await latest()).view).toBeNull();
    fake.state.session.put('view:6', viewFixture('ready', { tabId: 6 }));
    expect((await latest()).view).toBeNull();
    fake.state.session.put('view:5', viewFixture('error', { tabId: 5, error: { kind: 'timeout', message: 't' } }));
    expect((await latest()).view?.error?.kind).toBe('timeout');
    fake.state.session.put('view:5', 'garbage');
    expect((await latest()).view).toBeNull();
    fake.state.session.put('auth:user', { id: 'u2', name: 'Grace' });
    expect((await latest()).user?.name).toBe('Grace');
    fake.state.local.put('settings', { maxContentAgeDays: 30 });
    // Settings are re-read with the managed policy on top, which takes a few turns of the loop.
    await vi.waitFor(async () => expect((await latest()).settings.maxContentAgeDays).toBe(30));
  });

  it('stops listening when aborted', async () => {
    const { latest, snapshots } = subscribe();
    await latest();
    controller.abort();
    expect(fake.state.onChanged.listeners.size).toBe(0);
    expect(fake.state.onActivated.listeners.size).toBe(0);
    expect(fake.state.onUpdated.listeners.size).toBe(0);
    const count = snapshots.length;
    fake.state.session.put('view:11', viewFixture('ready', { tabId: 11 }));
    expect(snapshots).toHaveLength(count);
  });
});

describe('actions', () => {
  it('sends page/refresh for the tab', async () => {
    fake.state.replies.push({ ok: true, data: { queued: true } });
    await expect(createExtensionConnector('').refresh(5)).resolves.toEqual({ ok: true });
    expect(fake.state.sent).toEqual([{ type: 'page/refresh', data: { tabId: 5 } }]);
  });

  it('reports the worker error code and message', async () => {
    fake.state.replies.push({ ok: false, error: { code: 'failed', message: 'access_denied' } });
    await expect(createExtensionConnector('').signIn()).resolves.toEqual({ ok: false, code: 'failed', message: 'access_denied' });
  });

  it('reports a sign-in that ended signed out', async () => {
    fake.state.replies.push({ ok: true, data: { signedIn: false, user: null } });
    await expect(createExtensionConnector('').signIn()).resolves.toMatchObject({ ok: false, code: 'not-signed-in' });
  });

  it('signs out and opens the options page', async () => {
    fake.state.replies.push({ ok: true, data: { signedIn: false, user: null } });
    const connector = createExtensionConnector('');
    await expect(connector.signOut()).resolves.toEqual({ ok: true });
    expect(fake.state.sent).toEqual([{ type: 'page/sign-out', data: {} }]);
    await expect(connector.openSettings()).resolves.toEqual({ ok: true });
    expect(fake.state.openOptionsPage).toHaveBeenCalledOnce();
  });
});
