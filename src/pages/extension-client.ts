export { attempt, failureOf, type ActionFailure, type ActionResult } from './action-result';
export { errorText } from './error-text';

/**
 * The one client every extension page binds through (docs/pages.md): typed worker requests, reads,
 * writes and subscriptions of extension storage, action results and error text. Each page's
 * `extension-connector.ts` is a thin port from its connector interface to these calls, so how a
 * page talks to the extension is written, and tested, once.
 */
export { readStorage, watchStorage, writeStorage, type StorageArea } from './extension-storage';

/** A worker request checked both ways against its schema in src/shared/messages.ts; rejects with a WorkerRequestError. */
export { sendToWorker as request } from '../shared/send-to-worker';
