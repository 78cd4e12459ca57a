import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from './router';
import type { SenderPolicy, SenderRecord } from './sender';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const policy: SenderPolicy = {
  extensionId: EXTENSION_ID,
  extensionOrigin: `chrome-extension://${EXTENSION_ID}/`,
  isDesktopUrl: (url) => url.startsWith('https://apps.mypurecloud.com/'),
};

const desktopFrame: SenderRecord = { id: EXTENSION_ID, url: 'https://apps.mypurecloud.com/directory/#/activity', tab: { id: 7 }, frameId: 3 };
const panelPage: SenderRecord = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/src/sidepanel/index.html`, tab: { id: 9 } };
const context = { conversationId: 'c0ffee00-1111-4222-8333-444455556666', channel: 'chat', transcript: [{ role: 'customer', text: 'hi' }], profileId: 'genesys-cloud' };

function handlers(): Handlers {
  return {
    'desktop/context-changed': vi.fn(async () => ({ accepted: true })),
    'desktop/transcript-appended': vi.fn(async () => ({ applied: true })),
    'desktop/get-profile-overrides': vi.fn(async () => ({ overrides: null })),
    'page/record-event': vi.fn(async () => ({ eventId: 'e1' })),
    'desktop/record-event': vi.fn(async () => ({ eventId: 'e2' })),
    'page/sign-in': vi.fn(async () => ({ signedIn: true, user: { id: 'u', name: 'Alex' } })),
    'page/sign-out': vi.fn(async () => ({ signedIn: false, user: null })),
    'page/get-panel-settings': vi.fn(async () => ({ configured: true, provider: 'recommendations-query' as const, minRelevanceScore: 0.8, maxContentAgeDays: 7 })),
    'page/refresh': vi.fn(async () => ({ queued: true })),
    'page/get-metrics': vi.fn(async () => ({ days: [], summary: { engagement: [], bySource: {}, byAgent: {}, latency: {}, rejected: {}, providerErrors: {} } })),
    'page/get-outbox-status': vi.fn(async () => ({ events: 0, capacity: 10_000, warning: null, dropped: 0, destinations: [], parked: [] })),
    'page/knowledge-search': vi.fn(async () => ({ results: [], invalidCount: 0, searchedKnowledgeBases: 0 })),
    'page/knowledge-available': vi.fn(async () => ({ available: true })),
    'page/supervisor-access': vi.fn(async () => ({ signedIn: false, user: null, supervisor: false, permission: 'p', reason: 'signed-out' as const })),
    'page/supervisor-sign-in': vi.fn(async () => ({ signedIn: false, user: null, supervisor: false, permission: 'p', reason: 'signed-out' as const })),
    'page/supervisor-sign-out': vi.fn(async () => ({ signedIn: false, user: null, supervisor: false, permission: 'p', reason: 'signed-out' as const })),
    'page/insert-into-reply': vi.fn(async () => ({ outcome: 'inserted' as const, eventId: 'e3' })),
    'desktop/open-panel': vi.fn(async () => ({ opened: true })),
    'desktop/get-overlay-state': vi.fn(async () => ({ state: null })),
    'desktop/set-overlay-collapsed': vi.fn(async () => ({ conversationId: 'c', collapsed: true })),
    'page/get-desktop-diagnostics': vi.fn(async () => ({ tabs: [] })),
    'page/get-fleet-status': vi.fn(async () => {
      throw new Error('not used here');
    }),
    'page/set-fleet-secrets': vi.fn(async () => {
      throw new Error('not used here');
    }),
    'page/fleet-query': vi.fn(async () => ({ rows: [], elapsedMs: 0 })),
  };
}

describe('router', () => {
  it('passes a valid content-script message with the tab and frame from the sender record', async () => {
    const h = handlers();
    const reply = await createRouter(h, policy)({ type: 'desktop/context-changed', data: context }, desktopFrame);
    expect(reply).toEqual({ ok: true, data: { accepted: true } });
    expect(h['desktop/context-changed']).toHaveBeenCalledWith(context, { kind: 'content-script', tabId: 7, frameId: 3, url: desktopFrame.url });
  });

  it('refuses a message from another extension', async () => {
    const reply = await createRouter(handlers(), policy)({ type: 'page/sign-out', data: {} }, { ...panelPage, id: 'someone-else' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
  });

  it('refuses a content script on a page that is not an agent desktop', async () => {
    const h = handlers();
    const reply = await createRouter(h, policy)({ type: 'desktop/context-changed', data: context }, { ...desktopFrame, url: 'https://evil.example/' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    expect(h['desktop/context-changed']).not.toHaveBeenCalled();
  });

  it('takes a frame Chromium names about:blank for its tab page when it has the tab origin, and only then', async () => {
    const h = handlers();
    const route = createRouter(h, policy);
    const gadget = { ...desktopFrame, url: 'about:blank', origin: 'https://apps.mypurecloud.com', tab: { id: 7, url: 'https://apps.mypurecloud.com/directory/#/activity' } };
    expect(await route({ type: 'desktop/context-changed', data: context }, gadget)).toEqual({ ok: true, data: { accepted: true } });
    expect(await route({ type: 'desktop/context-changed', data: context }, { ...gadget, origin: 'https://evil.example' })).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    expect(await route({ type: 'desktop/context-changed', data: context }, { ...gadget, origin: 'null' })).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    expect(await route({ type: 'desktop/context-changed', data: context }, { ...gadget, tab: { id: 7 } })).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    expect(h['desktop/context-changed']).toHaveBeenCalledTimes(1);
  });

  it('refuses page-only messages from a content script, and content messages from a page', async () => {
    const route = createRouter(handlers(), policy);
    expect(await route({ type: 'page/sign-out', data: {} }, desktopFrame)).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    expect(await route({ type: 'desktop/context-changed', data: context }, panelPage)).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
  });

  it('treats an extension page opened in a tab as a page, not a content script', async () => {
    const reply = await createRouter(handlers(), policy)({ type: 'page/refresh', data: { tabId: 7 } }, panelPage);
    expect(reply).toEqual({ ok: true, data: { queued: true } });
  });

  it('rejects unknown types, prototype keys and malformed envelopes without calling handlers', async () => {
    const h = handlers();
    const route = createRouter(h, policy);
    expect(await route({ type: 'toString', data: {} }, panelPage)).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    expect(await route({ type: '__proto__', data: {} }, panelPage)).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    expect(await route('page/sign-out', panelPage)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await route({ type: 'page/sign-out', data: {}, extra: 1 }, panelPage)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(Object.values(h).every((fn) => vi.mocked(fn).mock.calls.length === 0)).toBe(true);
  });

  it('rejects a request that fails its schema, naming where', async () => {
    const reply = await createRouter(handlers(), policy)(
      { type: 'desktop/context-changed', data: { ...context, transcript: [{ role: 'system', text: 'x' }] } },
      desktopFrame,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('transcript.0.role') } });
  });

  it('turns a handler failure into an error reply', async () => {
    const h = handlers();
    vi.mocked(h['page/sign-in']).mockRejectedValueOnce(new Error('The user did not approve access.'));
    const reply = await createRouter(h, policy)({ type: 'page/sign-in', data: {} }, panelPage);
    expect(reply).toEqual({ ok: false, error: { code: 'failed', message: 'The user did not approve access.' } });
  });

  it('reports every refusal', async () => {
    const onRefused = vi.fn();
    await createRouter(handlers(), policy, { onRefused })({ type: 'nope', data: {} }, panelPage);
    expect(onRefused).toHaveBeenCalledWith('unknown-type', expect.any(String), panelPage);
  });
});
