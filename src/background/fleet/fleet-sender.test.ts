import { describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../shared/audit/audit-entry';
import type { FleetParkedRow } from '../../shared/fleet/fleet-status';
import { ClickHouseError, classifyFailure } from './clickhouse-http';
import type { FleetRow } from './fleet-rows';
import { createFleetSender } from './fleet-sender';
import { INITIAL_STATE, type FleetCursor, type FleetState, type FleetStore } from './fleet-store';

function memoryStore(): FleetStore & { parkedRows: FleetParkedRow[] } {
  let installId = 'install-1';
  let cursor: FleetCursor | null = null;
  let state: FleetState = INITIAL_STATE;
  const parkedRows: FleetParkedRow[] = [];
  return {
    parkedRows,
    installId: async () => installId,
    async renewInstallId() {
      installId = `${installId}+`;
      cursor = null;
      return installId;
    },
    cursor: async () => cursor,
    setCursor: async (next) => void (cursor = next),
    state: async () => state,
    setState: async (next) => void (state = next),
    park: async (row) => void parkedRows.push(row),
    parked: async () => ({ rows: [...parkedRows], count: parkedRows.length }),
    secret: async () => null,
    setSecret: async () => undefined,
  };
}

function entry(seq: number, time: number, action = 'open'): AuditEntry {
  return {
    seq,
    kind: 'click',
    time,
    agentId: 'agent-1',
    conversationId: 'c-1',
    provider: 'recommendations-query',
    data: { eventId: `e${seq}`, action, recommendationId: `r${seq}`, sourceId: 's' },
    prevHash: `h${seq - 1}`,
    hash: `h${seq}`,
  };
}

function setup(entries: AuditEntry[], insert: (rows: readonly FleetRow[]) => Promise<void>, clock = { now: 10_000 }) {
  const store = memoryStore();
  const wakes: (number | null)[] = [];
  const sender = createFleetSender({
    store,
    readAfter: async (seq, limit) => entries.filter((item) => item.seq > seq).slice(0, limit),
    head: async () => (entries.length ? { seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash } : null),
    config: async () => ({ endpoint: { url: 'http://127.0.0.1:1', user: 'u', password: 'p' }, table: 'agent_assist.events', orgId: 'org' }),
    insert: async (_endpoint, _table, rows) => insert(rows),
    wakeAt: async (when) => void wakes.push(when),
    now: () => clock.now,
    random: () => 0.5,
    maxBatch: 4,
    maxAgeMs: 2000,
  });
  return { sender, store, wakes, clock };
}

const refused = (message: string) => new ClickHouseError(classifyFailure(500, `Code: 49, e.displayText() = DB::Exception: ${message}, e.what() = DB::Exception`));

describe('fleet sender', () => {
  it('waits for a batch to fill or age, then sends full batches in order with stable event ids', async () => {
    const sent: number[][] = [];
    const entries = [entry(1, 9_000), entry(2, 9_500)];
    const { sender, store, wakes, clock } = setup(entries, async (rows) => void sent.push(rows.map((row) => row.seq)));
    await sender.drain();
    expect(sent).toEqual([]);
    expect(wakes.at(-1)).toBe(11_000);
    clock.now = 11_000;
    await sender.drain();
    expect(sent).toEqual([[1, 2]]);
    entries.push(entry(3, 11_000), entry(4, 11_000), entry(5, 11_000), entry(6, 11_000), entry(7, 11_000));
    await sender.drain();
    expect(sent).toEqual([[1, 2], [3, 4, 5, 6]]);
    expect(wakes.at(-1)).toBe(13_000);
    expect((await store.cursor())?.seq).toBe(6);
  });

  it('halves a refused batch until the bad row is alone, parks it with the message, and sends the rest', async () => {
    const sent: number[][] = [];
    const entries = [1, 2, 3, 4].map((seq) => entry(seq, 0));
    const { sender, store } = setup(entries, async (rows) => {
      if (rows.some((row) => row.seq === 3)) throw refused("Unknown element 'x' for type Enum8");
      sent.push(rows.map((row) => row.seq));
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await sender.drain();
    expect(sent).toEqual([[1, 2], [4]]);
    expect(warn).toHaveBeenCalledExactlyOnceWith('[agent-assist] ClickHouse refused audit entry 3; parked', expect.stringContaining("Unknown element 'x'"));
    expect(store.parkedRows).toEqual([expect.objectContaining({ eventId: 'install-1:3', seq: 3, kind: 'click', error: expect.objectContaining({ message: expect.stringContaining("Unknown element 'x'") }) })]);
    expect((await store.cursor())?.seq).toBe(4);
    expect((await store.state()).delivered).toBe(3);
  });

  it('keeps the cursor where it was when the server is down or the password is wrong, and backs off', async () => {
    let mode: 'down' | 'auth' | 'up' = 'down';
    const sent: number[][] = [];
    const { sender, store, wakes, clock } = setup([entry(1, 0), entry(2, 0)], async (rows) => {
      if (mode === 'down') throw new ClickHouseError({ kind: 'retry', status: null, code: null, message: 'Could not reach the server' });
      if (mode === 'auth') throw new ClickHouseError(classifyFailure(401, 'Code: 193, e.displayText() = DB::Exception: Wrong password for user u'));
      sent.push(rows.map((row) => row.seq));
    });
    await sender.drain();
    expect(await store.cursor()).toBeNull();
    const paused = await store.state();
    expect(paused).toMatchObject({ failures: 1, lastError: { kind: 'network' } });
    expect(wakes.at(-1)).toBe(paused.retryAt);
    clock.now = paused.retryAt;
    mode = 'auth';
    await sender.drain();
    expect(await store.state()).toMatchObject({ failures: 2, lastError: { kind: 'auth', status: 401, message: expect.stringContaining('Wrong password') } });
    expect(store.parkedRows).toEqual([]);
    clock.now = (await store.state()).retryAt;
    mode = 'up';
    await sender.drain();
    expect(sent).toEqual([[1, 2]]);
    expect(await store.state()).toMatchObject({ failures: 0, lastError: null, delivered: 2 });
  });

  it('starts a new install id when the audit log started over below the cursor', async () => {
    const entries = [entry(1, 0), entry(2, 0)];
    const ids: string[] = [];
    const { sender, store } = setup(entries, async (rows) => void ids.push(...rows.map((row) => row.event_id)));
    await sender.drain();
    entries.splice(0, 2, entry(1, 0));
    await sender.drain();
    expect(ids).toEqual(['install-1:1', 'install-1:2', 'install-1+:1']);
    expect((await store.cursor())?.seq).toBe(1);
  });
});

describe('classifyFailure', () => {
  it('tells refused data from setup problems and outages', () => {
    expect(classifyFailure(500, 'Code: 27, e.displayText() = DB::Exception: Cannot parse input').kind).toBe('rejected');
    expect(classifyFailure(400, 'Code: 6. DB::Exception: Cannot parse string').kind).toBe('rejected');
    expect(classifyFailure(500, 'Code: 193, e.displayText() = DB::Exception: Wrong password for user u').kind).toBe('config');
    expect(classifyFailure(516, 'Code: 516. DB::Exception: u: Authentication failed').kind).toBe('config');
    expect(classifyFailure(500, 'Code: 60, e.displayText() = DB::Exception: Table agent_assist.x doesn\'t exist.').kind).toBe('config');
    expect(classifyFailure(500, 'Code: 252, e.displayText() = DB::Exception: Too many parts').kind).toBe('retry');
    expect(classifyFailure(503, '').kind).toBe('retry');
    expect(classifyFailure(500, 'x', '27').code).toBe(27);
  });
});
