/**
 * Content script entry: runs in every frame of the agent desktop (the messaging gadget lives in
 * an iframe), picks the desktop profile for this frame, and reports the conversation on screen.
 * It never sees a token and never calls an API: everything goes through the worker.
 */
import { resolveDesktopProfile } from '../shared/desktop-profile';
import { sendToWorker, WorkerRequestError } from '../shared/send-to-worker';
import { loadSettings, watchSettings } from '../shared/settings-store';
import type { Settings } from '../shared/settings';
import { watchDesktop } from './context-watcher';
import { createDesktopReader } from './read-desktop';

let current: AbortController | null = null;

function start(settings: Settings): void {
  current?.abort();
  current = null;
  const profile = resolveDesktopProfile(location.href, settings.desktopProfile);
  if (!profile) return;
  const controller = new AbortController();
  current = controller;
  watchDesktop({
    reader: createDesktopReader(profile, document, () => location.href),
    root: document.documentElement,
    win: window,
    signal: controller.signal,
    report: async (context) => {
      try {
        await sendToWorker('desktop/context-changed', context);
      } catch (error) {
        // After an update or uninstall this script is orphaned: stop watching the page.
        if (error instanceof WorkerRequestError && error.code === 'no-reply' && !chrome.runtime?.id) controller.abort();
        throw error;
      }
    },
  });
}

void loadSettings().then(({ settings }) => {
  start(settings);
  watchSettings(({ settings: next }) => start(next));
});
