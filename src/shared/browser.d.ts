/**
 * The one seam to the WebExtension APIs. Everything that talks to the browser imports `browser`
 * from here, so the Firefox build (and unit-test fakes) change one module, not every caller.
 * Chrome-only APIs (side panel) live behind their own small modules in the context that uses them.
 */
import browser from 'webextension-polyfill';
export { browser };
export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
