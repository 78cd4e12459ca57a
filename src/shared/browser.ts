/**
 * The one seam to the WebExtension APIs. Everything that talks to the browser imports `browser`
 * from here, so the Firefox build (and unit-test fakes) change one module, not every caller.
 * Chrome-only APIs (side panel) live behind their own small modules in the context that uses them.
 *
 * No polyfill: Firefox has `browser`, and Chrome (116+, manifest_version 3) answers a promise from
 * every `chrome.*` call this extension makes, so webextension-polyfill's 2.7 KB gzipped only
 * re-wrapped what both browsers already do (docs/performance.md P8). The one thing it did that
 * Chrome does not is let a `runtime.onMessage` listener answer by returning a promise: the worker's
 * listener answers through `sendResponse` instead (src/background/index.ts), which both browsers take.
 * Its types stay: they describe the promise-based API both browsers give.
 */
import type { Browser } from 'webextension-polyfill';

const scope = globalThis as unknown as { browser?: Browser; chrome?: Browser };
const browser = (scope.browser ?? scope.chrome) as Browser;

export { browser };
export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
