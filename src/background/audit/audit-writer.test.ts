import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { AuditBody, AuditEntry } from '../../shared/audit/audit-entry';
import { commitEntries, openAuditDb, readAuditedViews, readEntryChunks, readHead } from '../../shared/audit/audit-store';
import { createChainVerifier, sealEntries } from '../../shared/audit/hash-chain';
import { createAuditWriter } from './audit-writer';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 31);

function body(time: number, name = 'Alex'): AuditBody {
  return { kind: 'sign-in', time, agentId: 'agent-1', conversationId: null, provider: null, data: { userName: name } };
}

async function all(db: IDBDatabase): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for await (const chunk of readEntryChunks(db, 3)) out.push(...chunk);
  return out;
}

async function verifyStored(db: IDBDatabase) {
  const verifier = createChainVerifier({ gapsAreBreaks: true });
  for (const entry of await all(db)) await verifier.push(entry);
  return verifier.finish(await readHead(db));
}

function setup() {
  const db = openAuditDb(new IDBFactory());
  const onHealth = vi.fn();
  const writer = createAuditWriter({ db: () => db, onHealth, now: () => NOW });
  return { db, writer, onHealth };
}

describe('audit writer', () => {
  it('appends a verifiable chain and moves the head with it', async () => {
    const { db, writer } = setup();
    expect(await writer.append({ bodies: [body(NOW - 2), body(NOW - 1)] })).toBe(true);
    expect(await writer.append({ bodies: [body(NOW)] })).toBe(true);
    const entries = await all(await db);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(await readHead(await db)).toEqual({ seq: 3, hash: entries[2]!.hash });
    expect(await verifyStored(await db)).toMatchObject({ ok: true, checked: 3 });
  });

  it('group-commits appends that arrive while a write is in flight, each resolving once durable', async () => {
    const { db, writer } = setup();
    const writes = Array.from({ length: 20 }, (_, i) => writer.append({ bodies: [body(NOW + i, `n${i}`)] }));
    expect(await Promise.all(writes)).toEqual(Array(20).fill(true));
    const entries = await all(await db);
    expect(entries.map((entry) => (entry.data as { userName: string }).userName)).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`));
    expect(await verifyStored(await db)).toMatchObject({ ok: true, checked: 20 });
  });

  it('marks audited views in the same transaction and forgets closed tabs', async () => {
    const { db, writer } = setup();
    await writer.append({ bodies: [body(NOW)], views: { '7': 123, '8': 456 } });
    await writer.append({ bodies: [], views: { '8': null } });
    expect(await readAuditedViews(await db)).toEqual({ '7': 123 });
  });

  it('picks up after a head written by someone else (a previous worker) instead of forking the chain', async () => {
    const { db, writer } = setup();
    await writer.append({ bodies: [body(NOW)] });
    const open = await db;
    const head = (await readHead(open))!;
    await commitEntries(open, await sealEntries(head, [body(NOW + 1, 'other')]), head);
    await writer.append({ bodies: [body(NOW + 2)] });
    expect((await all(open)).map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(await verifyStored(open)).toMatchObject({ ok: true });
  });

  it('reports a quota failure, resolves false, and recovers', async () => {
    const { db, writer, onHealth } = setup();
    const open = await db;
    const realTransaction = open.transaction.bind(open);
    const spy = vi.spyOn(open, 'transaction').mockImplementation((stores, mode) => {
      const transaction = realTransaction(stores, mode);
      if (mode === 'readwrite') queueMicrotask(() => transaction.abort());
      return transaction;
    });
    // fake-indexeddb has no quota: an aborted write stands in for QuotaExceededError.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await writer.append({ bodies: [body(NOW)] })).toBe(false);
    expect(onHealth).toHaveBeenLastCalledWith(expect.objectContaining({ ok: false, failedEntries: 1, lastError: expect.stringContaining('Abort') }));
    spy.mockRestore();
    expect(await writer.append({ bodies: [body(NOW + 1)] })).toBe(true);
    expect(onHealth).toHaveBeenLastCalledWith(expect.objectContaining({ ok: true, failedEntries: 0 }));
    expect(await verifyStored(open)).toMatchObject({ ok: true, checked: 1 });
  });
});

describe('retention', () => {
  it('removes whole old entries from the start, records an anchor, and the rest still verifies', async () => {
    const { db, writer } = setup();
    await writer.append({ bodies: [body(NOW - 40 * DAY), body(NOW - 35 * DAY), body(NOW - 31 * DAY), body(NOW - 2 * DAY), body(NOW - DAY)] });
    const before = await all(await db);
    const outcome = await writer.applyRetention(30);
    expect(outcome.removed).toBe(3);
    expect(outcome.entry).toMatchObject({
      seq: 6,
      kind: 'retention',
      data: { retentionDays: 30, removedFromSeq: 1, removedThroughSeq: 3, removedCount: 3, anchorHash: before[2]!.hash, cutoff: new Date(NOW - 30 * DAY).toISOString() },
    });
    const after = await all(await db);
    expect(after.map((entry) => entry.seq)).toEqual([4, 5, 6]);
    expect(await verifyStored(await db)).toMatchObject({ ok: true, anchoredStart: true, firstSeq: 4, lastSeq: 6 });
  });

  it('does nothing when nothing is old, and can run again after more entries age', async () => {
    const { db, writer } = setup();
    await writer.append({ bodies: [body(NOW - DAY)] });
    expect(await writer.applyRetention(30)).toEqual({ removed: 0, entry: null });
    await writer.append({ bodies: [body(NOW)] });
    expect((await writer.applyRetention(0.5)).removed).toBe(1);
    await writer.append({ bodies: [body(NOW + 1)] });
    expect(await verifyStored(await db)).toMatchObject({ ok: true, firstSeq: 2, lastSeq: 4 });
  });

  it('a second retention run anchors the new start even when it removes the first retention entry', async () => {
    const { db, writer } = setup();
    await writer.append({ bodies: [body(NOW - 40 * DAY), body(NOW - 10 * DAY)] });
    await writer.applyRetention(30); // removes seq 1, appends seq 3 (time NOW)
    expect((await writer.applyRetention(1)).removed).toBe(1); // removes seq 2 only: seq 3 is new
    expect(await verifyStored(await db)).toMatchObject({ ok: true, firstSeq: 3, lastSeq: 4 });
  });

  it('removes everything when everything is old; the retention entry alone still verifies', async () => {
    const { db, writer } = setup();
    await writer.append({ bodies: [body(NOW - 40 * DAY), body(NOW - 39 * DAY)] });
    expect((await writer.applyRetention(30)).removed).toBe(2);
    expect(await verifyStored(await db)).toMatchObject({ ok: true, checked: 1, firstSeq: 3, anchoredStart: true });
  });
});
