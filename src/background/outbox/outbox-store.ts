import { chooseEvictions, evictionCandidate, OutboxRecord, DestinationState, type Delivery } from './outbox-policy';

/**
 * The one owner of the outbox database (IndexedDB `agent-assist-outbox`): events in recording
 * order (auto-increment key), each destination's state, and the count of events ever dropped.
 * Raw IndexedDB rather than idb-keyval: the ordered auto-increment key and the count-evict-add
 * of one enqueue need a single transaction over two stores.
 */
export const OUTBOX_DB = 'agent-assist-outbox';
const VERSION = 1;
const EVENTS = 'events';
const DESTINATIONS = 'destinations';
const META = 'meta';
const DROPPED_KEY = 'dropped';

export type NewRecord = Omit<OutboxRecord, 'seq'>;

export interface OutboxStore {
  /** Adds an event durably, dropping by policy first when full. Resolves with the number dropped. */
  add(record: NewRecord, capacity: number): Promise<{ seq: number; dropped: number }>;
  /** Every readable record, oldest first; unreadable ones are reported and removed. */
  all(): Promise<OutboxRecord[]>;
  count(): Promise<number>;
  /** Changes one destination's delivery of one event; `null` means delivered (forgotten). */
  updateDelivery(seq: number, destinationId: string, change: (delivery: Delivery) => Delivery | null): Promise<void>;
  destinationStates(): Promise<Record<string, DestinationState>>;
  setDestinationState(destinationId: string, state: DestinationState): Promise<void>;
  dropped(): Promise<number>;
}

/** A request's result as a promise (also the fleet store's). */
export function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when the transaction commits. Safe to await late: a failure before then is not "unhandled". */
export function finished(transaction: IDBTransaction): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
  done.catch(() => undefined);
  return done;
}

function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  const request = factory.open(name, VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains(EVENTS)) db.createObjectStore(EVENTS, { keyPath: 'seq', autoIncrement: true });
    if (!db.objectStoreNames.contains(DESTINATIONS)) db.createObjectStore(DESTINATIONS);
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
  };
  return settle(request);
}

export function createOutboxStore(name: string = OUTBOX_DB, factory: IDBFactory = indexedDB): OutboxStore {
  let database: Promise<IDBDatabase> | null = null;
  const db = () => {
    database ??= open(factory, name).then((opened) => {
      // Another version opening (an extension update) must not be blocked by this worker.
      opened.onversionchange = () => {
        opened.close();
        database = null;
      };
      return opened;
    });
    return database.catch((error: unknown) => {
      database = null;
      throw error;
    });
  };

  function readRecords(raw: unknown[]): { records: OutboxRecord[]; broken: IDBValidKey[] } {
    const records: OutboxRecord[] = [];
    const broken: IDBValidKey[] = [];
    for (const value of raw) {
      const parsed = OutboxRecord.safeParse(value);
      if (parsed.success) records.push(parsed.data);
      else if (typeof value === 'object' && value !== null && 'seq' in value && typeof value.seq === 'number') broken.push(value.seq);
    }
    return { records, broken };
  }

  return {
    async add(record, capacity) {
      // Strict durability: the agent's acknowledgement says the event is safe, even from a power cut.
      const transaction = (await db()).transaction([EVENTS, META], 'readwrite', { durability: 'strict' });
      const events = transaction.objectStore(EVENTS);
      const meta = transaction.objectStore(META);
      const done = finished(transaction);
      let dropped = 0;
      if ((await settle(events.count())) >= capacity) {
        const { records } = readRecords(await settle(events.getAll()));
        const doomed = chooseEvictions(records.map(evictionCandidate), capacity);
        for (const seq of doomed) events.delete(seq);
        dropped = doomed.length;
        const before: unknown = await settle(meta.get(DROPPED_KEY));
        meta.put((typeof before === 'number' ? before : 0) + dropped, DROPPED_KEY);
      }
      const seq = await settle(events.add(record));
      await done;
      return { seq: Number(seq), dropped };
    },
    async all() {
      const transaction = (await db()).transaction(EVENTS, 'readonly');
      const { records, broken } = readRecords(await settle(transaction.objectStore(EVENTS).getAll()));
      if (broken.length > 0) {
        console.error(`[agent-assist] ${broken.length} unreadable outbox record(s) removed`, broken);
        const cleanup = (await db()).transaction(EVENTS, 'readwrite');
        for (const key of broken) cleanup.objectStore(EVENTS).delete(key);
        await finished(cleanup);
      }
      return records;
    },
    async count() {
      return settle((await db()).transaction(EVENTS, 'readonly').objectStore(EVENTS).count());
    },
    async updateDelivery(seq, destinationId, change) {
      const transaction = (await db()).transaction(EVENTS, 'readwrite');
      const events = transaction.objectStore(EVENTS);
      const done = finished(transaction);
      const parsed = OutboxRecord.safeParse(await settle(events.get(seq)));
      const current = parsed.success ? parsed.data.deliveries[destinationId] : undefined;
      if (parsed.success && current) {
        const deliveries = { ...parsed.data.deliveries };
        const next = change(current);
        if (next) deliveries[destinationId] = next;
        else delete deliveries[destinationId];
        if (Object.keys(deliveries).length === 0) events.delete(seq);
        else events.put({ ...parsed.data, deliveries });
      }
      await done;
    },
    async destinationStates() {
      const transaction = (await db()).transaction(DESTINATIONS, 'readonly');
      const store = transaction.objectStore(DESTINATIONS);
      const [keys, values] = await Promise.all([settle(store.getAllKeys()), settle(store.getAll())]);
      const states: Record<string, DestinationState> = {};
      keys.forEach((key, index) => {
        const parsed = DestinationState.safeParse(values[index]);
        if (typeof key === 'string' && parsed.success) states[key] = parsed.data;
      });
      return states;
    },
    async setDestinationState(destinationId, state) {
      const transaction = (await db()).transaction(DESTINATIONS, 'readwrite');
      transaction.objectStore(DESTINATIONS).put(state, destinationId);
      await finished(transaction);
    },
    async dropped() {
      const value: unknown = await settle((await db()).transaction(META, 'readonly').objectStore(META).get(DROPPED_KEY));
      return typeof value === 'number' ? value : 0;
    },
  };
}
