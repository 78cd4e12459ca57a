import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelSnapshot } from './connector';
import { browserStub } from '../shared/testing/browser-stub';
import { recommendationFixture, viewFixture } from './fixtures';
import { panelSettingsOf, parseSettings } from '../shared/settings';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/testing/browser-stub')).browserStub.browser }));

const { browser, state } = browserStub;
const session = browser.storage.session;
const local = browser.storage.local;
const { createExtensionConnector } = await import('./extension-connector');

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  browserStub.reset();
  // The worker answers with the stored settings, parsed (it puts the policy on top; none here).
  state.replies.set('page/get-panel-settings', () => ({ ok: true, data: panelSettingsOf(parseSettings(local.data.get('settings')).settings) }));
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

describe('binding', () => {
  it('binds to ?tabId=N and reads its view, the user and the settings', async () => {
    const view = viewFixture('ready', { tabId: 5, recommendations: [recommendationFixture()] });
    session.data.set('view:5', view);
    session.data.set('view:11', viewFixture('loading', { tabId: 11 }));
    session.data.set('auth:user', { id: 'u1', name: 'Ada' });
    local.data.set('settings', { minRelevanceScore: 0.5 });
    const { latest, snapshots } = subscribe('?tabId=5');
    const snapshot = await latest();
    expect(snapshots).toHaveLength(1); // never a half-loaded state
    expect(snapshot.tabId).toBe(5);
    expect(snapshot.view).toEqual(view);
    expect(snapshot.user).toEqual({ id: 'u1', name: 'Ada' });
    expect(snapshot.settings.minRelevanceScore).toBe(0.5);
    expect(browser.tabs.onActivated.listeners.size).toBe(0);
  });

  it('asks the worker for the settings again when it could not answer, before showing anything', async () => {
    local.data.set('settings', { minRelevanceScore: 0.5 });
    let asked = 0;
    state.replies.set('page/get-panel-settings', () =>
      ++asked === 1 ? { ok: false, error: { code: 'failed', message: 'starting' } } : { ok: true, data: panelSettingsOf(parseSettings(local.data.get('settings')).settings) },
    );
    const { latest, snapshots } = subscribe('?tabId=5');
    await vi.waitFor(() => expect(snapshots.length).toBeGreaterThan(0), { timeout: 3000 });
    // Never set-up shown as not done for a worker that answers on the next try.
    expect(snapshots.map((snapshot) => snapshot.settings.minRelevanceScore)).toEqual([0.5]);
    expect((await latest()).settings.minRelevanceScore).toBe(0.5);
    expect(asked).toBe(2);
  });

  it('shows what it has once the worker failed three times, and still takes the settings when it answers', async () => {
    vi.useFakeTimers();
    try {
      local.data.set('settings', { minRelevanceScore: 0.5 });
      let asked = 0;
      state.replies.set('page/get-panel-settings', () =>
        ++asked <= 3 ? { ok: false, error: { code: 'failed', message: 'broken' } } : { ok: true, data: panelSettingsOf(parseSettings(local.data.get('settings')).settings) },
      );
      const { snapshots } = subscribe('?tabId=5');
      await vi.advanceTimersByTimeAsync(1499);
      expect(snapshots).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(snapshots.at(-1)?.settings.configured).toBe(false);
      // The third retry, 2 s after the third failure.
      await vi.advanceTimersByTimeAsync(2000);
      expect(snapshots.at(-1)?.settings.minRelevanceScore).toBe(0.5);
      expect(asked).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('treats invalid stored values as absent', async () => {
    session.data.set('view:5', { tabId: 5, status: 'exploded' });
    session.data.set('auth:user', { id: 42 });
    const snapshot = await subscribe('?tabId=5').latest();
    expect(snapshot.view).toBeNull();
    expect(snapshot.user).toBeNull();
  });

  it('follows the active tab of its window', async () => {
    session.data.set('view:11', viewFixture('loading', { tabId: 11 }));
    session.data.set('view:12', viewFixture('ready', { tabId: 12 }));
    const { latest, snapshots } = subscribe();
    expect((await latest()).tabId).toBe(11);
    expect((await latest()).view?.status).toBe('loading');

    browser.tabs.onActivated.fire({ tabId: 99, windowId: 2 }); // another window: ignored
    browser.tabs.onActivated.fire({ tabId: 12, windowId: 1 });
    await vi.waitFor(async () => expect((await latest()).view?.status).toBe('ready'));
    expect((await latest()).tabId).toBe(12);
    // The other window's tab was handled first; had it been followed, a snapshot would show it.
    expect(snapshots.map((snapshot) => snapshot.tabId)).not.toContain(99);

    browser.tabs.onActivated.fire({ tabId: 13, windowId: 1 }); // not a desktop tab
    await vi.waitFor(async () => expect((await latest()).tabId).toBe(13));
    expect((await latest()).view).toBeNull();
  });
});

describe('changes', () => {
  it('re-renders on changes to its own tab only, and parses them', async () => {
    const { latest } = subscribe('?tabId=5');
    expect((await latest()).view).toBeNull();
    await session.set({ 'view:6': viewFixture('ready', { tabId: 6 }) });
    expect((await latest()).view).toBeNull();
    await session.set({ 'view:5': viewFixture('error', { tabId: 5, error: { kind: 'timeout', message: 't' } }) });
    expect((await latest()).view?.error?.kind).toBe('timeout');
    await session.set({ 'view:5': 'garbage' });
    expect((await latest()).view).toBeNull();
    await session.set({ 'auth:user': { id: 'u2', name: 'Grace' } });
    expect((await latest()).user?.name).toBe('Grace');
    await local.set({ settings: { maxContentAgeDays: 30 } });
    // The worker is asked again for the settings with the managed policy on top.
    await vi.waitFor(async () => expect((await latest()).settings.maxContentAgeDays).toBe(30));
  });

  it('stops listening when aborted', async () => {
    const { latest, snapshots } = subscribe();
    await latest();
    controller.abort();
    expect(browser.storage.onChanged.listeners.size).toBe(0);
    expect(browser.tabs.onActivated.listeners.size).toBe(0);
    expect(browser.tabs.onUpdated.listeners.size).toBe(0);
    const count = snapshots.length;
    await session.set({ 'view:11': viewFixture('ready', { tabId: 11 }) });
    expect(snapshots).toHaveLength(count);
  });
});

describe('actions', () => {
  it('sends page/refresh for the tab', async () => {
    state.replies.set('page/refresh', { ok: true, data: { queued: true } });
    await expect(createExtensionConnector('').refresh(5)).resolves.toEqual({ ok: true });
    expect(state.sent).toEqual([{ type: 'page/refresh', data: { tabId: 5 } }]);
  });

  it('reports the worker error code and message', async () => {
    state.replies.set('page/sign-in', { ok: false, error: { code: 'failed', message: 'access_denied' } });
    await expect(createExtensionConnector('').signIn()).resolves.toEqual({ ok: false, code: 'failed', message: 'access_denied' });
  });

  it('reports a sign-in that ended signed out', async () => {
    state.replies.set('page/sign-in', { ok: true, data: { signedIn: false, user: null } });
    await expect(createExtensionConnector('').signIn()).resolves.toMatchObject({ ok: false, code: 'not-signed-in' });
  });

  it('signs out and opens the options page', async () => {
    state.replies.set('page/sign-out', { ok: true, data: { signedIn: false, user: null } });
    const connector = createExtensionConnector('');
    await expect(connector.signOut()).resolves.toEqual({ ok: true });
    expect(state.sent).toEqual([{ type: 'page/sign-out', data: {} }]);
    await expect(connector.openSettings()).resolves.toEqual({ ok: true });
    expect(state.openOptionsPage).toHaveBeenCalledOnce();
  });
});
