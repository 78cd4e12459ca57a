import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { memoryStorageArea } from '../shared/testing/memory-storage-area';

// Settings come from extension storage; an empty one gives the defaults. Nothing else of the
// browser is touched while the services are built and their stores are used.
vi.mock('../shared/browser', () => {
  const empty = { get: async () => ({}), set: async () => undefined, remove: async () => undefined };
  return { browser: { storage: { local: empty, managed: empty, session: empty, onChanged: { addListener() {}, removeListener() {} } } } };
});

const { createServices } = await import('./services');

function storage() {
  const session = new Map<string, unknown>();
  return { session, factory: new IDBFactory(), area: memoryStorageArea(session) };
}

async function databaseNames(factory: IDBFactory): Promise<string[]> {
  return (await factory.databases()).map((database) => database.name ?? '').sort();
}

describe('createServices (the composition root)', () => {
  it('builds every store on the storage it is given, and two builds share nothing', async () => {
    const a = storage();
    const b = storage();
    const first = createServices({ session: a.area, indexedDB: a.factory });
    const second = createServices({ session: b.area, indexedDB: b.factory });

    await first.tabs.writeContext({ tabId: 7, frameId: 0, receivedAt: 1, context: { conversationId: 'c-1', channel: 'chat', transcript: [], profileId: 'simple' } });
    await first.cache.store('k', { storedAt: 1_000, items: [], invalidCount: 0 });
    await first.metrics.record({
      type: 'recommendation-event',
      event: { eventId: 'e-1', conversationId: 'c-1', recommendationId: 'r', sourceId: 'kb', agentId: 'u-1', action: 'impression', timestamp: new Date().toISOString() },
    });
    await first.outbox.status();
    await first.auditDb();

    expect(await databaseNames(a.factory)).toEqual(['agent-assist-audit', 'agent-assist-cache', 'agent-assist-metrics', 'agent-assist-outbox']);
    expect([...a.session.keys()]).toContain('context:7');
    // Nothing leaked to the other build or to the global factory a store might default to.
    expect(await databaseNames(b.factory)).toEqual([]);
    expect(b.session.size).toBe(0);
    expect(await databaseNames(indexedDB)).toEqual([]);
    expect(await second.tabs.readContext(7)).toBeNull();
    expect(await second.cache.lookup('k', 60_000, 1_000)).toBeNull();
    expect(await first.cache.lookup('k', 60_000, 1_000)).not.toBeNull();
  });

  it('opens the audit database once and shares the connection', async () => {
    const a = storage();
    const services = createServices({ session: a.area, indexedDB: a.factory });
    expect(await services.auditDb()).toBe(await services.auditDb());
  });
});
