/**
 * Content script entry: runs in every frame of the agent desktop (the messaging gadget lives in
 * an iframe), picks the desktop profile for this frame, and reports the conversation on screen.
 * It never sees a token and never calls an API: everything goes through the worker.
 */
import { resolveDesktopProfile, type DesktopProfileOverrides } from '../shared/desktop-profile';
import { watchDesktop } from './context-watcher';
import { createDesktopReader } from './read-desktop';
import { askWorker, WorkerUnavailableError } from './worker-channel';

let current: AbortController | null = null;

function start(overrides: DesktopProfileOverrides | null): void {
  current?.abort();
  current = null;
  const profile = resolveDesktopProfile(location.href, overrides ?? undefined);
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
        await askWorker('desktop/context-changed', context);
      } catch (error) {
        if (error instanceof WorkerUnavailableError && error.orphaned) controller.abort();
        throw error;
      }
    },
  });
}

async function loadOverrides(): Promise<DesktopProfileOverrides | null> {
  try {
    return (await askWorker('desktop/get-profile-overrides', {})).overrides;
  } catch {
    return null; // the built-in profile still works; the worker says why elsewhere
  }
}

// Only frames a built-in profile knows are worth a word with the worker.
if (resolveDesktopProfile(location.href, undefined)) {
  void loadOverrides().then(start);
  chrome.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' && 'settings' in changes) || area === 'managed') void loadOverrides().then(start);
  });
}
