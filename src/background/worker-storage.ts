import { promisifyRequest, type UseStore } from 'idb-keyval';
import { browser } from '../shared/browser';
import type { StorageAreaLike } from './tab-state';

/**
 * Where the worker keeps what must outlive it: one storage area for per-tab and session state and
 * one IndexedDB factory for the stores (cache, metrics, outbox, audit log). The composition root
 * (services.ts) builds every store on what it is given here, so a test can run the whole worker's
 * stores on memory and fake-indexeddb, and two builds never share a database by accident.
 */
export interface WorkerStorage {
  session: StorageAreaLike;
  indexedDB: IDBFactory;
}

export function browserStorage(): WorkerStorage {
  return { session: browser.storage.session, indexedDB: globalThis.indexedDB };
}

/**
 * An idb-keyval store on a given factory: idb-keyval's own `createStore` always opens on the
 * global `indexedDB`, which is the one thing a composition root must not assume.
 */
export function keyValueStore(factory: IDBFactory, dbName: string, storeName: string): UseStore {
  const db = reopening(() => {
    const request = factory.open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    return promisifyRequest(request);
  });
  return (mode, callback) => db().then((opened) => callback(opened.transaction(storeName, mode).objectStore(storeName)));
}

/**
 * One shared connection, opened on first use and opened again after a failure (full disk,
 * blocked) or after a newer release asked to upgrade (this worker closes it rather than block).
 */
export function reopening(open: () => Promise<IDBDatabase>): () => Promise<IDBDatabase> {
  let database: Promise<IDBDatabase> | null = null;
  return () => {
    database ??= open().then(
      (opened) => {
        opened.onversionchange = () => {
          opened.close();
          database = null;
        };
        return opened;
      },
      (error: unknown) => {
        database = null;
        throw error;
      },
    );
    return database;
  };
}
