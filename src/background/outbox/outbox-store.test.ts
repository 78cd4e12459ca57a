import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { RecommendationEvent } from '../../shared/recommendation-event';
import { createOutboxStore, type NewRecord } from './outbox-store';

let databases = 0;
const freshStore = () => createOutboxStore(`outbox-store-test-${++databases}`);

function newRecord(index: number, action: RecommendationEvent['action'] = 'open'): NewRecord {
  return {
    event: { eventId: `e${index}`, conversationId: 'c', recommendationId: `r${index}`, sourceId: 'kb', agentId: 'a', action, timestamp: '2026-11-25T12:00:00.000Z' },
    enqueuedAt: index,
    deliveries: { webhook: { state: 'pending', attempts: 0 }, engagement: { state: 'pending', attempts: 0 } },
  };
}

describe('outbox store', () => {
  it('numbers records in the order they were added and lists them in that order', async () => {
    const store = freshStore();
    const seqs = [];
    for (let i = 0; i < 5; i++) seqs.push((await store.add(newRecord(i), 100)).seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect((await store.all()).map((record) => record.event.eventId)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(await store.count()).toBe(5);
  });

  it('forgets a destination once delivered, and the record once every destination is done', async () => {
    const store = freshStore();
    const { seq } = await store.add(newRecord(1), 100);
    await store.updateDelivery(seq, 'webhook', () => null);
    expect((await store.all())[0]?.deliveries).toEqual({ engagement: { state: 'pending', attempts: 0 } });
    await store.updateDelivery(seq, 'engagement', (delivery) => ({ ...delivery, attempts: 3 }));
    expect((await store.all())[0]?.deliveries.engagement).toEqual({ state: 'pending', attempts: 3 });
    await store.updateDelivery(seq, 'engagement', () => null);
    expect(await store.all()).toEqual([]);
  });

  it('ignores an update for a record or destination that is gone', async () => {
    const store = freshStore();
    await store.updateDelivery(42, 'webhook', () => null);
    const { seq } = await store.add(newRecord(1), 100);
    await store.updateDelivery(seq, 'nowhere', () => ({ state: 'pending', attempts: 9 }));
    expect((await store.all())[0]?.deliveries).not.toHaveProperty('nowhere');
  });

  it('when full, drops by policy in the same transaction and counts what it dropped', async () => {
    const store = freshStore();
    await store.add(newRecord(1), 3);
    await store.add(newRecord(2, 'impression'), 3);
    await store.add(newRecord(3), 3);
    expect(await store.add(newRecord(4), 3)).toMatchObject({ dropped: 1 });
    expect((await store.all()).map((record) => record.event.eventId)).toEqual(['e1', 'e3', 'e4']);
    await store.add(newRecord(5), 3);
    expect((await store.all()).map((record) => record.event.eventId)).toEqual(['e3', 'e4', 'e5']);
    expect(await store.dropped()).toBe(2);
  });

  it('removes and reports a record it cannot read instead of failing every drain', async () => {
    const name = `outbox-store-test-${++databases}`;
    const store = createOutboxStore(name);
    await store.add(newRecord(1), 100);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    await new Promise<void>((resolve) => {
      const transaction = db.transaction('events', 'readwrite');
      transaction.objectStore('events').put({ seq: 99, event: 'garbage' });
      transaction.oncomplete = () => resolve();
    });
    db.close();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await store.all()).map((record) => record.seq)).not.toContain(99);
    expect(error).toHaveBeenCalledWith('[agent-assist] 1 unreadable outbox record(s) removed', [99]);
    expect(await store.count()).toBe(1);
  });

  it('keeps destination states', async () => {
    const store = freshStore();
    expect(await store.destinationStates()).toEqual({});
    await store.setDestinationState('webhook', { failures: 2, retryAt: 5_000, lastError: { kind: 'network', message: 'down' } });
    expect(await store.destinationStates()).toEqual({ webhook: { failures: 2, retryAt: 5_000, lastError: { kind: 'network', message: 'down' } } });
  });
});
