import type { AuditEntry, ChainHead } from './audit-entry';

/**
 * The one owner of the audit log's IndexedDB database (docs/contributing.md). Extension pages share
 * the extension origin's IndexedDB with the worker, so the supervisor page reads it directly
 * (fast, no 100,000 messages) while **only the worker writes** (`commitEntries`, `commitRetention`).
 *
 * Schema v1: `entries` (keyPath `seq`, index `time`) and `meta` (`head`: the last entry written,
 * in the same transaction as the entries, so a cut tail shows; `audited-views`: which published
 * view of each tab already has its delivery entry, for recovery after the worker died).
 */
export const AUDIT_DB_NAME = 'agent-assist-audit';
export const AUDIT_DB_VERSION = 1;
export const ENTRIES_STORE = 'entries';
export const META_STORE = 'meta';
const HEAD_KEY = 'head';
const AUDITED_VIEWS_KEY = 'audited-views';

/** tabId → `updatedAt` of the last view audited for it. */
export type AuditedViews = Record<string, number>;

/** The head moved under us (another writer, or the log was edited): reload it and seal again. */
export class HeadMovedError extends Error {
  constructor() {
    super('The audit log head changed during the write');
    this.name = 'HeadMovedError';
  }
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    // A quota failure arrives here as a QuotaExceededError on the transaction.
    transaction.onabort = () => reject(transaction.error ?? new DOMException('The audit write was aborted', 'AbortError'));
    transaction.onerror = () => undefined; // reported by onabort
  });
}

export function openAuditDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(AUDIT_DB_NAME, AUDIT_DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(ENTRIES_STORE)) {
        const entries = db.createObjectStore(ENTRIES_STORE, { keyPath: 'seq' });
        entries.createIndex('time', 'time');
      }
      if (!db.objectStoreNames.contains(META_STORE)) db.createObjectStore(META_STORE);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Never block a newer version (a later release) from upgrading.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('Could not open the audit log'));
    request.onblocked = () => reject(new Error('The audit log is open in an older version of the extension'));
  });
}

function isHead(value: unknown): value is ChainHead {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as ChainHead).seq) && typeof (value as ChainHead).hash === 'string';
}

export async function readHead(db: IDBDatabase): Promise<ChainHead | null> {
  const value: unknown = await requestResult(db.transaction(META_STORE).objectStore(META_STORE).get(HEAD_KEY));
  return isHead(value) ? value : null;
}

export async function readAuditedViews(db: IDBDatabase): Promise<AuditedViews> {
  const value: unknown = await requestResult(db.transaction(META_STORE).objectStore(META_STORE).get(AUDITED_VIEWS_KEY));
  return typeof value === 'object' && value !== null ? (value as AuditedViews) : {};
}

function sameHead(a: ChainHead | null, b: ChainHead | null): boolean {
  return a === b || (a !== null && b !== null && a.seq === b.seq && a.hash === b.hash);
}

/**
 * Writes sealed entries and moves the head, atomically, if the head is still `expected`.
 * `views`: tab → view `updatedAt` to mark audited (null removes the mark), in the same transaction.
 */
export function commitEntries(db: IDBDatabase, entries: readonly AuditEntry[], expected: ChainHead | null, views: Record<string, number | null> = {}): Promise<void> {
  return commit(db, expected, entries, views, null);
}

/** Removes entries `fromSeq..throughSeq` and appends the retention entry that anchors the rest, atomically. */
export function commitRetention(db: IDBDatabase, fromSeq: number, throughSeq: number, retentionEntry: AuditEntry, expected: ChainHead): Promise<void> {
  return commit(db, expected, [retentionEntry], {}, IDBKeyRange.bound(fromSeq, throughSeq));
}

function commit(db: IDBDatabase, expected: ChainHead | null, entries: readonly AuditEntry[], views: Record<string, number | null>, remove: IDBKeyRange | null): Promise<void> {
  const transaction = db.transaction([ENTRIES_STORE, META_STORE], 'readwrite');
  const done = transactionDone(transaction);
  const meta = transaction.objectStore(META_STORE);
  const store = transaction.objectStore(ENTRIES_STORE);
  let moved = false;
  const headRequest = meta.get(HEAD_KEY);
  headRequest.onsuccess = () => {
    const current = isHead(headRequest.result) ? headRequest.result : null;
    if (!sameHead(current, expected)) {
      moved = true;
      transaction.abort();
      return;
    }
    if (remove) store.delete(remove);
    for (const entry of entries) store.add(entry);
    const last = entries.at(-1);
    if (last) meta.put({ seq: last.seq, hash: last.hash } satisfies ChainHead, HEAD_KEY);
    if (Object.keys(views).length > 0) {
      const viewsRequest = meta.get(AUDITED_VIEWS_KEY);
      viewsRequest.onsuccess = () => {
        const marks: AuditedViews = typeof viewsRequest.result === 'object' && viewsRequest.result !== null ? { ...(viewsRequest.result as AuditedViews) } : {};
        for (const [tab, updatedAt] of Object.entries(views)) {
          if (updatedAt === null) delete marks[tab];
          else marks[tab] = updatedAt;
        }
        meta.put(marks, AUDITED_VIEWS_KEY);
      };
    }
  };
  return done.catch((error: unknown) => {
    throw moved ? new HeadMovedError() : error;
  });
}

function readChunk(db: IDBDatabase, lower: IDBKeyRange, chunkSize: number): Promise<AuditEntry[]> {
  return requestResult(db.transaction(ENTRIES_STORE).objectStore(ENTRIES_STORE).getAll(lower, chunkSize)) as Promise<AuditEntry[]>;
}

/**
 * Entries in seq order, `chunkSize` at a time (getAll is far faster than a cursor per entry).
 * The next chunk is requested before this one is handed over, so the database reads it while the
 * caller works on this one.
 */
export async function* readEntryChunks(db: IDBDatabase, chunkSize = 1000, fromSeq = 1): AsyncGenerator<AuditEntry[]> {
  let pending = readChunk(db, IDBKeyRange.lowerBound(fromSeq), chunkSize);
  for (;;) {
    const chunk = await pending;
    if (chunk.length === 0) return;
    const full = chunk.length === chunkSize;
    if (full) pending = readChunk(db, IDBKeyRange.lowerBound(chunk.at(-1)!.seq, true), chunkSize);
    yield chunk;
    if (!full) return;
  }
}

/** Up to `limit` entries after sequence number `seq`, in order (the fleet sender's next batch). */
export function readEntriesAfter(db: IDBDatabase, seq: number, limit: number): Promise<AuditEntry[]> {
  return readChunk(db, IDBKeyRange.lowerBound(seq, true), limit);
}

export async function readEntries(db: IDBDatabase, seqs: readonly number[]): Promise<AuditEntry[]> {
  const store = db.transaction(ENTRIES_STORE).objectStore(ENTRIES_STORE);
  const found = await Promise.all(seqs.map((seq) => requestResult(store.get(seq) as IDBRequest<AuditEntry | undefined>)));
  return found.filter((entry): entry is AuditEntry => entry !== undefined);
}

export async function countEntries(db: IDBDatabase): Promise<number> {
  return requestResult(db.transaction(ENTRIES_STORE).objectStore(ENTRIES_STORE).count());
}

/** How many entries are older than `time` (cheap, through the time index). */
export async function countOlderThan(db: IDBDatabase, time: number): Promise<number> {
  return requestResult(db.transaction(ENTRIES_STORE).objectStore(ENTRIES_STORE).index('time').count(IDBKeyRange.upperBound(time, true)));
}

/**
 * The run of entries at the start of the chain that are all older than `time`: what retention
 * may remove (whole entries, from the start only, so the rest still links up).
 */
export async function oldPrefix(db: IDBDatabase, time: number): Promise<{ fromSeq: number; last: AuditEntry; count: number } | null> {
  let fromSeq: number | null = null;
  let last: AuditEntry | null = null;
  let count = 0;
  for await (const chunk of readEntryChunks(db, 500)) {
    for (const entry of chunk) {
      if (entry.time >= time) return last && fromSeq !== null ? { fromSeq, last, count } : null;
      fromSeq ??= entry.seq;
      last = entry;
      count += 1;
    }
  }
  return last && fromSeq !== null ? { fromSeq, last, count } : null;
}
