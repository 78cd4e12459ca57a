import * as z from 'zod/mini';
import { DeliveryError } from '../../shared/outbox-status';
import { FleetParkedRow } from '../../shared/fleet/fleet-status';
import { finished, settle } from '../outbox/outbox-store';

/**
 * The fleet sender's own IndexedDB database (`agent-assist-fleet`, extension origin: content
 * scripts run in the page's origin and cannot open it). It holds no events: those stay in the
 * audit log until they are sent. Here: this install's id, how far the log has been delivered
 * (the cursor), the destination's backoff state, rows the server refused (parked, with its
 * message), and the ClickHouse passwords typed on the options page.
 */
export const FLEET_DB = 'agent-assist-fleet';
const VERSION = 1;
const META = 'meta';
const PARKED = 'parked';
const SECRETS = 'secrets';

export const FleetCursor = z.object({
  /** Every entry up to this sequence number is in ClickHouse (or parked). */
  seq: z.number(),
  hash: z.string(),
});
export type FleetCursor = z.infer<typeof FleetCursor>;

export const FleetState = z.object({
  failures: z.number(),
  retryAt: z.number(),
  lastError: z.nullable(DeliveryError),
  lastDeliveredAt: z.nullable(z.number()),
  delivered: z.number(),
});
export type FleetState = z.infer<typeof FleetState>;

export const INITIAL_STATE: FleetState = { failures: 0, retryAt: 0, lastError: null, lastDeliveredAt: null, delivered: 0 };

export const SECRET_NAMES = ['insertPassword', 'readPassword'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface FleetStore {
  installId(): Promise<string>;
  /** Starts a new install id (the audit log started over): rows of the old chain keep the old id. */
  renewInstallId(): Promise<string>;
  cursor(): Promise<FleetCursor | null>;
  setCursor(cursor: FleetCursor | null): Promise<void>;
  state(): Promise<FleetState>;
  setState(state: FleetState): Promise<void>;
  park(row: FleetParkedRow): Promise<void>;
  parked(limit: number): Promise<{ rows: FleetParkedRow[]; count: number }>;
  secret(name: SecretName): Promise<string | null>;
  setSecret(name: SecretName, value: string | null): Promise<void>;
}

function open(name: string): Promise<IDBDatabase> {
  const request = indexedDB.open(name, VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    if (!db.objectStoreNames.contains(PARKED)) db.createObjectStore(PARKED, { keyPath: 'eventId' });
    if (!db.objectStoreNames.contains(SECRETS)) db.createObjectStore(SECRETS);
  };
  return settle(request);
}

function randomId(): string {
  return crypto.randomUUID();
}

export function createFleetStore(name: string = FLEET_DB): FleetStore {
  let database: Promise<IDBDatabase> | null = null;
  const db = () => {
    database ??= open(name).then((opened) => {
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

  async function get(store: string, key: string): Promise<unknown> {
    return settle((await db()).transaction(store, 'readonly').objectStore(store).get(key));
  }

  async function put(store: string, key: string, value: unknown): Promise<void> {
    const transaction = (await db()).transaction(store, 'readwrite', { durability: 'strict' });
    if (value === null) transaction.objectStore(store).delete(key);
    else transaction.objectStore(store).put(value, key);
    await finished(transaction);
  }

  async function renew(): Promise<string> {
    const id = randomId();
    const transaction = (await db()).transaction(META, 'readwrite', { durability: 'strict' });
    transaction.objectStore(META).put(id, 'installId');
    transaction.objectStore(META).delete('cursor');
    await finished(transaction);
    return id;
  }

  return {
    async installId() {
      const stored = await get(META, 'installId');
      return typeof stored === 'string' ? stored : renew();
    },
    renewInstallId: renew,
    async cursor() {
      const parsed = FleetCursor.safeParse(await get(META, 'cursor'));
      return parsed.success ? parsed.data : null;
    },
    setCursor: (cursor) => put(META, 'cursor', cursor),
    async state() {
      const parsed = FleetState.safeParse(await get(META, 'state'));
      return parsed.success ? parsed.data : INITIAL_STATE;
    },
    setState: (state) => put(META, 'state', state),
    async park(row) {
      const transaction = (await db()).transaction(PARKED, 'readwrite', { durability: 'strict' });
      transaction.objectStore(PARKED).put(row);
      await finished(transaction);
    },
    async parked(limit) {
      const store = (await db()).transaction(PARKED, 'readonly').objectStore(PARKED);
      const [all, count] = await Promise.all([settle(store.getAll()), settle(store.count())]);
      const rows = all.flatMap((value) => {
        const parsed = FleetParkedRow.safeParse(value);
        return parsed.success ? [parsed.data] : [];
      });
      return { rows: rows.sort((a, b) => b.parkedAt - a.parkedAt).slice(0, limit), count };
    },
    async secret(secretName) {
      const value = await get(SECRETS, secretName);
      return typeof value === 'string' && value !== '' ? value : null;
    },
    setSecret: (secretName, value) => put(SECRETS, secretName, value === '' ? null : value),
  };
}
