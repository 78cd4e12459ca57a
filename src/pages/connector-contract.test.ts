import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditBody, AuditEntry } from '../shared/audit/audit-entry';
import { AUDIT_DB_NAME, commitEntries, ENTRIES_STORE, openAuditDb } from '../shared/audit/audit-store';
import { sealEntries } from '../shared/audit/hash-chain';
import { EMPTY_FILTER } from '../supervisor/audit-filter';
import type { AuditHealth } from '../shared/audit/audit-health';
import type { SupervisorAccess } from '../shared/audit/supervisor-access';
import type { OutboxStatus } from '../shared/outbox-status';
import { DEFAULT_SETTINGS, panelSettingsOf } from '../shared/settings';
import type { Recommendation } from '../shared/recommendation';
import type { ViewState } from '../shared/view-state';
import { browserStub, type WorkerReply as Reply } from '../shared/testing/browser-stub';
import type { PanelConnector } from '../sidepanel/connector';
import type { OptionsConnector } from '../options/connector';
import type { SupervisorConnector } from '../supervisor/connector';

/**
 * One contract per page connector, and every implementation of it passes: the fake the component
 * tests render with, and the real extension connector over the shared stub of `browser`
 * (src/shared/testing/browser-stub.ts: storage that fires onChanged, a worker whose replies each case decides). A fake that
 * drifts from what the extension really does would let component tests pass for a page that fails.
 */
vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/testing/browser-stub')).browserStub.browser }));
const stub = browserStub;


const { createExtensionConnector: createPanelConnector } = await import('../sidepanel/extension-connector');
const { FakePanelConnector } = await import('../sidepanel/fake-connector');
const { recommendationFixture, viewFixture } = await import('../sidepanel/fixtures');
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
  stub.reset();
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
  /** How the worker's sign-in ends: signed in, the login window closed (nobody signed in), or refused. */
  signIn(outcome: Outcome<'signed-in' | 'closed'>): void;
  search(outcome: Outcome<Recommendation[]>): void;
  knowledge(outcome: Outcome<boolean>): void;
  insert(outcome: Outcome<'inserted'>): void;
}

const panelImplementations: [string, () => PanelHarness][] = [
  [
    'FakePanelConnector',
    () => {
      const fake = new FakePanelConnector({ tabId: TAB, view: viewFixture('loading', { tabId: TAB }), user: null, settings: panelSettingsOf(DEFAULT_SETTINGS) });
      return {
        connector: fake,
        publishView: async (view) => fake.update({ view }),
        refresh: (outcome) => (fake.results.refresh = 'accept' in outcome ? { ok: true } : { ok: false, code: 'failed', message: outcome.refuse }),
        recordEvent: (outcome) => (fake.eventResult = () => ('accept' in outcome ? { ok: true, eventId: outcome.accept } : { ok: false, code: 'failed', message: outcome.refuse })),
        signIn: (outcome) =>
          (fake.results['sign-in'] =
            'refuse' in outcome ? { ok: false, code: 'failed', message: outcome.refuse } : outcome.accept === 'closed' ? { ok: false, code: 'not-signed-in', message: 'sign-in did not complete' } : { ok: true }),
        search: (outcome) => (fake.searchResult = 'accept' in outcome ? { ok: true, results: outcome.accept } : { ok: false, code: 'failed', message: outcome.refuse }),
        // The contract: "false when unsure", so a refusal reads as no search box.
        knowledge: (outcome) => (fake.knowledge = 'accept' in outcome && outcome.accept),
        insert: (outcome) => (fake.insertResult = 'accept' in outcome ? { ok: true, outcome: outcome.accept } : { ok: false, code: 'failed', message: outcome.refuse }),
      };
    },
  ],
  [
    'extension connector',
    () => {
      stub.browser.storage.session.data.set(`view:${TAB}`, viewFixture('loading', { tabId: TAB }));
      // The worker answers the panel's settings read, as the fake's snapshot has them.
      stub.state.replies.set('page/get-panel-settings', reply({ accept: panelSettingsOf(DEFAULT_SETTINGS) }));
      return {
        connector: createPanelConnector(`?tabId=${TAB}`),
        publishView: (view) => stub.browser.storage.session.set({ [`view:${TAB}`]: view }),
        refresh: (outcome) => stub.state.replies.set('page/refresh', reply('accept' in outcome ? { accept: { queued: true } } : outcome)),
        recordEvent: (outcome) => stub.state.replies.set('page/record-event', reply('accept' in outcome ? { accept: { eventId: outcome.accept } } : outcome)),
        signIn: (outcome) =>
          stub.state.replies.set(
            'page/sign-in',
            reply('accept' in outcome ? { accept: outcome.accept === 'signed-in' ? { signedIn: true, user: { id: 'u1', name: 'Ada' } } : { signedIn: false, user: null } } : outcome),
          ),
        search: (outcome) => stub.state.replies.set('page/knowledge-search', reply('accept' in outcome ? { accept: { results: outcome.accept, invalidCount: 0, searchedKnowledgeBases: 1 } } : outcome)),
        knowledge: (outcome) => stub.state.replies.set('page/knowledge-available', reply('accept' in outcome ? { accept: { available: outcome.accept } } : outcome)),
        insert: (outcome) => stub.state.replies.set('page/insert-into-reply', reply('accept' in outcome ? { accept: { outcome: outcome.accept, eventId: 'e-9' } } : outcome)),
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

  it('signs in, or says why not: the worker refused, or the login window closed with nobody signed in', async () => {
    const harness = make();
    harness.signIn({ accept: 'signed-in' });
    await expect(harness.connector.signIn()).resolves.toEqual({ ok: true });
    harness.signIn({ accept: 'closed' });
    await expect(harness.connector.signIn()).resolves.toMatchObject({ ok: false, code: 'not-signed-in' });
    harness.signIn({ refuse: 'access_denied' });
    await expect(harness.connector.signIn()).resolves.toMatchObject({ ok: false, message: 'access_denied' });
  });

  it('answers a knowledge search with its results or the worker’s reason, and offers search only when the worker says so', async () => {
    const harness = make();
    const found = [recommendationFixture()];
    harness.search({ accept: found });
    await expect(harness.connector.searchKnowledge(TAB, 'refund')).resolves.toEqual({ ok: true, results: found });
    harness.search({ refuse: 'Knowledge is not reachable' });
    await expect(harness.connector.searchKnowledge(TAB, 'refund')).resolves.toMatchObject({ ok: false, message: 'Knowledge is not reachable' });

    harness.knowledge({ accept: true });
    await expect(harness.connector.knowledgeAvailable()).resolves.toBe(true);
    harness.knowledge({ refuse: 'No token' });
    await expect(harness.connector.knowledgeAvailable()).resolves.toBe(false);
  });

  it('answers an insert with what happened in the reply box, or the worker’s reason', async () => {
    const harness = make();
    harness.insert({ accept: 'inserted' });
    await expect(harness.connector.insertIntoReply(TAB, 'rec-1')).resolves.toEqual({ ok: true, outcome: 'inserted' });
    harness.insert({ refuse: 'The reply box is gone' });
    await expect(harness.connector.insertIntoReply(TAB, 'rec-1')).resolves.toMatchObject({ ok: false, message: 'The reply box is gone' });
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
  /** The worker commits these entries to the audit log. */
  commit(entries: AuditEntry[]): Promise<void>;
  /** Someone edits a stored entry behind the worker's back. */
  tamper(seq: number, edit: (entry: AuditEntry) => AuditEntry): Promise<void>;
}

const T0 = Date.UTC(2026, 2, 3, 10);
const AUDIT_BODIES: AuditBody[] = [
  { kind: 'sign-in', time: T0, agentId: 'agent-1', conversationId: null, provider: null, data: { userName: 'Alex Agent' } },
  { kind: 'click', time: T0 + 1_000, agentId: 'agent-1', conversationId: 'conv-1', provider: 'recommendations-query', data: { action: 'copy', recommendationId: 'rec-1', sourceId: 'kb-1', eventId: 'e-1' } },
  { kind: 'sign-out', time: T0 + 2_000, agentId: 'agent-1', conversationId: null, provider: null, data: { userName: 'Alex Agent' } },
];

/** Runs one IndexedDB request to its end, for the tampering below. */
const settled = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

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
        commit: async (entries) => {
          fake.entriesStored.push(...entries);
        },
        tamper: async (seq, edit) => {
          fake.entriesStored = fake.entriesStored.map((entry) => (entry.seq === seq ? edit(entry) : entry));
        },
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
      async commit(entries) {
        const db = await openAuditDb();
        await commitEntries(db, entries, null);
        db.close();
      },
      async tamper(seq, edit) {
        const db = await openAuditDb();
        const store = db.transaction(ENTRIES_STORE, 'readwrite').objectStore(ENTRIES_STORE);
        await settled(store.put(edit((await settled(store.get(seq))) as AuditEntry)));
        db.close();
      },
    }),
  ],
];

describe.each(supervisorImplementations)('the supervisor connector contract: %s', (_name, make) => {
  beforeEach(async () => {
    // Each case starts from an empty log; a connection left open by a connector closes on versionchange.
    await settled(indexedDB.deleteDatabase(AUDIT_DB_NAME));
  });

  it('finds committed entries by filter and by seq, exports them, and verifies the chain until an entry is edited', async () => {
    const harness = make();
    await harness.commit(await sealEntries(null, AUDIT_BODIES));

    const all = await harness.connector.query(EMPTY_FILTER, {});
    expect(all.seqs).toEqual([1, 2, 3]);
    const actions = await harness.connector.query({ ...EMPTY_FILTER, kind: 'click' }, {});
    expect(actions.seqs).toEqual([2]);
    expect((await harness.connector.entries([2])).map((entry) => entry.kind)).toEqual(['click']);

    const exported = await harness.connector.exportEntries('ndjson', EMPTY_FILTER, {});
    expect(exported.written).toBe(3);
    expect((await exported.blob.text()).trim().split('\n')).toHaveLength(3);
    const fromFile = await harness.connector.verifyFile(exported.blob, {});
    expect(fromFile).toMatchObject({ ok: true, lines: 3 });

    await expect(harness.connector.verifyStored({})).resolves.toMatchObject({ ok: true, checked: 3, head: { seq: 3 } });
    await harness.tamper(2, (entry) => ({ ...entry, time: entry.time + 1 }));
    await expect(harness.connector.verifyStored({})).resolves.toMatchObject({ ok: false, firstBreak: { seq: 2, reason: 'hash-mismatch' } });
  });

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
