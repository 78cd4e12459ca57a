/**
 * Content script entry: runs in every frame of the agent desktop (the messaging gadget lives in
 * an iframe inside a shadow root), picks the desktop profile for this frame, and reports what this
 * frame shows; the worker joins the frames of a tab. It never sees a token and never calls an API:
 * everything goes through the worker. `all_frames` is enough: the gadget iframe has a real
 * same-origin URL, so neither `match_about_blank` nor `match_origin_as_fallback` is needed.
 */
import { SIMULATOR_BUILD } from '../shared/build-flags';
import { resolveDesktopProfile, type DesktopProfile, type DesktopProfileOverrides } from '../shared/desktop-profile';
import { watchDesktop } from './context-watcher';
import { createFrameToken, stampFrameToken } from './frame-token';
import { mainThreadUse } from './main-thread-meter';
import { liveObservers } from './observers';
import { createDesktopReader } from './read-desktop';
import { askWorker, WorkerUnavailableError } from './worker-channel';

let current: AbortController | null = null;
const frameToken = createFrameToken();

/** Attribute changes that can change what the profile reads (selection, visibility, ids). */
function watchedAttributes(profile: DesktopProfile): string[] {
  const names = ['class', 'aria-hidden', 'hidden', profile.conversationIdAttribute, profile.channelAttribute, profile.startTimeAttribute];
  return [...new Set(names.filter((name): name is string => typeof name === 'string' && name !== ''))];
}

function start(overrides: DesktopProfileOverrides | null): void {
  current?.abort();
  current = null;
  const profile = resolveDesktopProfile(location.href, overrides ?? undefined);
  if (!profile) return;
  const controller = new AbortController();
  current = controller;
  watchDesktop({
    reader: createDesktopReader(profile, document, () => location.href, { frameToken }),
    root: document.documentElement,
    win: window,
    signal: controller.signal,
    attributeFilter: watchedAttributes(profile),
    report: async (report) => {
      try {
        await askWorker('desktop/context-changed', report);
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
  // First, so the parent frame can name this frame to the worker as soon as it looks.
  stampFrameToken(document, frameToken);
  void loadOverrides().then(start);
  chrome.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' && 'settings' in changes) || area === 'managed') void loadOverrides().then(start);
  });
  // Tests count live observers, and benchmarks read our main-thread time, in this frame's
  // isolated world (simulator builds only).
  if (SIMULATOR_BUILD) Object.assign(globalThis, { __agentAssistDebug: { observers: liveObservers, mainThread: mainThreadUse, frameToken: () => frameToken } });
}
