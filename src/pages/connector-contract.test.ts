import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditHealth } from '../shared/audit/audit-health';
import type { SupervisorAccess } from '../shared/audit/supervisor-access';
import type { OutboxStatus } from '../shared/outbox-status';
import { DEFAULT_SETTINGS } from '../shared/settings';
import type { ViewState } from '../shared/view-state';
import type { PanelConnector } from '../sidepanel/connector';
import type { OptionsConnector } from '../options/connector';
import type { SupervisorConnector } from '../supervisor/connector';

/**
 * One contract per page connector, and every implementation of it passes: the fake the component
 * tests render with, and the real extension connector over a stubbed `browser` (storage areas that
 * fire onChanged as the browser does, and a worker whose replies each case decides). A fake that
 * drifts from what the extension really does would let component tests pass for a page that fails.
 */
type Listener = (...args: never[]) => void;
type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

const stub = vi.hoisted(() => {
  const event = () => {
    const listeners = new Set<Listener>();
    return {
      listeners,
      addListener: (listener: Listener) => listeners.add(listener),
      removeListener: (listener: Listener) => listeners.delete(listener),
      fire: (...args: unknown[]) => listeners.forEach((listener) => (listener as (...a: unknown[]) => void)(...args)),
    };
  };
  const onChanged = event();
  const area = (name: 'session' | 'local') => {
    const data = new Map<string, unknown>();
    return {
      data,
      get: async (key: string | null) => (key === null ? Object.fromEntries(data) : data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
      async set(items: Record<string, unknown>) {
        for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
        onChanged.fire(Object.fromEntries(Object.entries(items).map(([key, value]) => [key, { newValue: value }])), name);
      },
    };
  };
  const state = { replies: new Map<string, Reply>(), sent: [] as { type: string; data: unknown }[] };
  const browser = {
    storage: { session: area('session'), local: area('local'), managed: { get: async () => ({}) }, onChanged },
    tabs: { query: async () => [{ id: 11, windowId: 1 }], onActivated: event(), onUpdated: event() },
    runtime: {
      async sendMessage(message: { type: string; data: unknown }) {
        state.sent.push(message);
        return state.replies.get(message.type);
      },
      getURL: (path: string) => `chrome-extension://stub/${path}`,
    },
    identity: { getRedirectURL: () => 'https://stub.chromiumapp.org/' },
  };
  return { state, browser };
});

vi.mock('../shared/browser', () => ({ browser: stub.browser }));

const { createExtensionConnector: createPanelConnector } = await import('../sidepanel/extension-connector');
const { FakePanelConnector } = await import('../sidepanel/fake-connector');
const { viewFixture } = await import('../sidepanel/fixtures');
const { createExtensionConnector: createOptionsConnector } = await import('../options/extension-connector');
const { FakeOptionsConnector } = await import('../options/fake-connector');
const { createExtensionConnector: createSupervisorConnector } = await import('../supervisor/extension-connector');
const { FakeSupervisorConnector } = await import('../supervisor/fake-connector');
const { errorText } = await import('./error-text');

/** What the worker does with the next request of a kind: answers, or refuses with this message. */
type Outcome<T> = { accept: T } | { refuse: string };
const reply = <T>(outcome: Outcome<T>): Reply => ('accept' in outcome ? { ok: true, data: outcome.accept } : { ok: false, error: { code: 'failed', message: outcome.refuse } });

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  stub.browser.storage.session.data.clear();
  stub.browser.storage.local.data.clear();
  stub.state.replies.clear();
  stub.state.sent = [];
});
afterEach(() => controller.abort());

const TAB = 11;
const EVENT = { conversationId: 'conv-1', recommendationId: 'rec-1', sourceId: 'kb-1', action: 'copy' } as const;

// ---------------------------------------------------------------------------------------------
// Side panel

interface PanelHarness {
  connector: PanelConnector;
  /** The worker publishes a view for the followed tab. */
  publishView(view: ViewState): Promise<void>;
  refresh(outcome: Outcome<null>): void;
  recordEvent(outcome: Outcome<string>): void;
}

const panelImplementations: [string, () => PanelHarness][] = [
  [
    'FakePanelConnector',
    () => {
      const fake = new FakePanelConnector({ tabId: TAB, view: viewFixture('loading', { tabId: TAB }), user: null, settings: DEFAULT_SETTINGS });
      return {
        connector: fake,
        publishView: async (view) => fake.update({ view }),
        refresh: (outcome) => (fake.results.refresh = 'accept' in outcome ? { ok: true } : { ok: false, code: 'failed', message: outcome.refuse }),
        recordEvent: (outcome) => (fake.eventResult = () => ('accept' in outcome ? { ok: true, eventId: outcome.accept } : { ok: false, code: 'failed', message: outcome.refuse })),
      };
    },
  ],
  [
    'extension connector',
    () => {
      stub.browser.storage.session.data.set(`view:${TAB}`, viewFixture('loading', { tabId: TAB }));
      return {
        connector: createPanelConnector(`?tabId=${TAB}`),
        publishView: (view) => stub.browser.storage.session.set({ [`view:${TAB}`]: view }),
        refresh: (outcome) => stub.state.replies.set('page/refresh', reply('accept' in outcome ? { accept: { queued: true } } : outcome)),
        recordEvent: (outcome) => stub.state.replies.set('page/record-event', reply('accept' in outcome ? { accept: { eventId: outcome.accept } } : outcome)),
      };
    },
  ],
];

describe.each(panelImplementations)('the panel connector contract: %s', (_name, make) => {
  it('delivers the followed tab’s view, then each newer one, and nothing once aborted', async () => {
    const harness = make();
    const seen: (ViewState | null)[] = [];
    harness.connector.subscribe((snapshot) => {
      expect(snapshot.tabId).toBe(TAB);
      seen.push(snapshot.view);
    }, controller.signal);
    await vi.waitFor(() => expect(seen.at(-1)?.status).toBe('loading'));
    await harness.publishView(viewFixture('ready', { tabId: TAB }));
    await vi.waitFor(() => expect(seen.at(-1)?.status).toBe('ready'));

    controller.abort();
    const count = seen.length;
    await harness.publishView(viewFixture('error', { tabId: TAB, error: { kind: 'timeout', message: 't' } }));
    // A later subscriber sees the error view: the change was published, and the first one missed it.
    const later: (ViewState | null)[] = [];
    const second = new AbortController();
    harness.connector.subscribe((snapshot) => later.push(snapshot.view), second.signal);
    await vi.waitFor(() => expect(later.at(-1)?.status).toBe('error'));
    second.abort();
    expect(seen).toHaveLength(count);
  });

  it('answers an action with ok, or with the worker’s reason, never a throw', async () => {
    const harness = make();
    harness.refresh({ accept: null });
    await expect(harness.connector.refresh(TAB)).resolves.toEqual({ ok: true });
    harness.refresh({ refuse: 'The pipeline is busy' });
    await expect(harness.connector.refresh(TAB)).resolves.toMatchObject({ ok: false, message: 'The pipeline is busy' });
  });

  it('answers a recorded event with its id, or with the worker’s reason', async () => {
    const harness = make();
    harness.recordEvent({ accept: 'event-42' });
    await expect(harness.connector.recordEvent(EVENT)).resolves.toEqual({ ok: true, eventId: 'event-42' });
    harness.recordEvent({ refuse: 'Signed out' });
    await expect(harness.connector.recordEvent(EVENT)).resolves.toMatchObject({ ok: false, message: 'Signed out' });
  });

  it('keeps card marks as written, and hands out copies', async () => {
    const { connector } = make();
    await connector.writeCardMarks({ 'conv-1': { 'rec-1': { rating: 'helpful' } } });
    const read = await connector.readCardMarks();
    expect(read).toEqual({ 'conv-1': { 'rec-1': { rating: 'helpful' } } });
    read['conv-1']!['rec-1']!.dismissed = true;
    await expect(connector.readCardMarks()).resolves.toEqual({ 'conv-1': { 'rec-1': { rating: 'helpful' } } });
  });
});

// ---------------------------------------------------------------------------------------------
// Options page

interface OptionsHarness {
  connector: OptionsConnector;
  /** Another tab (or the policy) writes the stored settings. */
  storeElsewhere(settings: Record<string, unknown>): Promise<void>;
  outbox(outcome: Outcome<OutboxStatus>): void;
}

const OUTBOX: OutboxStatus = { events: 3, capacity: 10_000, warning: null, dropped: 0, destinations: [], parked: [] };

const optionsImplementations: [string, () => OptionsHarness][] = [
  [
    'FakeOptionsConnector',
    () => {
      const fake = new FakeOptionsConnector();
      return {
        connector: fake,
        storeElsewhere: async (settings) => fake.changeElsewhere(settings),
        outbox(outcome) {
          if ('accept' in outcome) fake.outbox = outcome.accept;
          fake.workerError = 'refuse' in outcome ? new Error(outcome.refuse) : null;
        },
      };
    },
  ],
  [
    'extension connector',
    () => ({
      connector: createOptionsConnector(),
      storeElsewhere: (settings) => stub.browser.storage.local.set({ settings }),
      outbox: (outcome) => stub.state.replies.set('page/get-outbox-status', reply(outcome)),
    }),
  ],
];

describe.each(optionsImplementations)('the options connector contract: %s', (_name, make) => {
  it('loads what it saved', async () => {
    const { connector } = make();
    const parsed = await connector.load();
    await connector.save({ ...parsed.settings, minRelevanceScore: 0.42 });
    expect((await connector.load()).settings.minRelevanceScore).toBe(0.42);
  });

  it('reports settings changed elsewhere, parsed, until aborted', async () => {
    const harness = make();
    const seen: number[] = [];
    harness.connector.watch((parsed) => seen.push(parsed.settings.minRelevanceScore), controller.signal);
    await harness.storeElsewhere({ minRelevanceScore: 0.3 });
    await vi.waitFor(() => expect(seen).toEqual([0.3]));

    controller.abort();
    const later: number[] = [];
    const second = new AbortController();
    harness.connector.watch((parsed) => later.push(parsed.settings.minRelevanceScore), second.signal);
    await harness.storeElsewhere({ minRelevanceScore: 0.6 });
    await vi.waitFor(() => expect(later).toEqual([0.6]));
    second.abort();
    expect(seen).toEqual([0.3]);
  });

  it('answers with the worker’s outbox status, or rejects with its reason as the error text', async () => {
    const harness = make();
    harness.outbox({ accept: OUTBOX });
    await expect(harness.connector.outboxStatus()).resolves.toEqual(OUTBOX);
    harness.outbox({ refuse: 'The outbox could not be read' });
    const error = await harness.connector.outboxStatus().then(() => null, (caught: unknown) => caught);
    expect(errorText(error)).toBe('The outbox could not be read');
  });
});

// ---------------------------------------------------------------------------------------------
// Supervisor page

interface SupervisorHarness {
  connector: SupervisorConnector;
  access(access: SupervisorAccess): void;
  health(health: AuditHealth): Promise<void>;
  fleetRows(rows: Record<string, unknown>[]): void;
}

const SUPERVISOR: SupervisorAccess = { signedIn: true, user: { id: 's1', name: 'Sam Supervisor' }, supervisor: true, permission: 'analytics:conversationDetail:view', reason: 'supervisor' };
const HEALTH: AuditHealth = { ok: false, failedEntries: 4, lastError: 'QuotaExceededError', since: 1_000, at: 2_000 };

const supervisorImplementations: [string, () => SupervisorHarness][] = [
  [
    'FakeSupervisorConnector',
    () => {
      const fake = new FakeSupervisorConnector();
      return {
        connector: fake,
        access: (access) => (fake.accessValue = access),
        health: async (health) => {
          fake.healthValue = health;
        },
        fleetRows: (rows) => (fake.fleetRows = { ctr_by_source: rows }),
      };
    },
  ],
  [
    'extension connector',
    () => ({
      connector: createSupervisorConnector(),
      access: (access) => stub.state.replies.set('page/supervisor-access', reply({ accept: access })),
      health: (health) => stub.browser.storage.session.set({ 'audit:health': health }),
      fleetRows: (rows) => stub.state.replies.set('page/fleet-query', reply({ accept: { rows, elapsedMs: 5 } })),
    }),
  ],
];

describe.each(supervisorImplementations)('the supervisor connector contract: %s', (_name, make) => {
  it('says who has access as the worker decided', async () => {
    const harness = make();
    harness.access(SUPERVISOR);
    await expect(harness.connector.access()).resolves.toEqual(SUPERVISOR);
  });

  it('reads the audit health: none until the worker reports, then its report', async () => {
    const harness = make();
    await expect(harness.connector.health()).resolves.toBeNull();
    await harness.health(HEALTH);
    await expect(harness.connector.health()).resolves.toEqual(HEALTH);
  });

  it('answers a fleet query with the rows the worker returned', async () => {
    const harness = make();
    const rows = [{ source_id: 'kb-1', impressions: 10, clicked: 2 }];
    harness.fleetRows(rows);
    const answer = await harness.connector.fleetQuery({ query: 'ctr_by_source', from: 0, to: 86_400, bucket: 3_600 });
    expect(answer.rows).toEqual(rows);
  });
});
