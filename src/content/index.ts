/**
 * Content script entry: runs in every frame of the agent desktop (the messaging gadget lives in
 * an iframe inside a shadow root), picks the desktop profile for this frame, reports what this
 * frame shows (the worker joins the frames of a tab), shows the inline overlay and inserts into
 * the reply box when asked. It never sees a token and never calls an API: everything goes through
 * the worker. `all_frames` is enough: the gadget iframe has a real same-origin URL, so neither
 * `match_about_blank` nor `match_origin_as_fallback` is needed.
 */
import { SIMULATOR_BUILD } from '../shared/build-flags';
import { resolveDesktopProfile, type DesktopProfile, type DesktopProfileOverrides } from '../shared/desktop-profile';
import { articleText } from '../shared/dom/article-text';
import { t } from '../shared/i18n';
import { isSettingsChange } from '../shared/settings-keys';
import type { OverlayState } from '../shared/messages';
import { watchDesktop } from './context-watcher';
import { createFrameToken, stampFrameToken } from './frame-token';
import { createInlineOverlay, type InlineOverlay, type OverlayActions } from './inline-overlay';
import { insertIntoComposer } from './insert-into-composer';
import { mainThreadUse } from './main-thread-meter';
import { liveObservers } from './observers';
import { createFrameReporter } from './frame-reporter';
import { createDesktopReader, type DesktopReader } from './read-desktop';
import { createReportChannel } from './report-channel';
import { askWorker, WorkerUnavailableError } from './worker-channel';
import { listenToWorker } from './worker-messages';

interface Session {
  controller: AbortController;
  profile: DesktopProfile;
  reader: DesktopReader;
  overlay: InlineOverlay;
}

let current: Session | null = null;
const frameToken = createFrameToken();
// One port per frame, kept across restarts of the watcher (a new profile starts a new one).
const reports = createReportChannel();

/**
 * Whether this frame holds the conversation the worker names: it shows that conversation itself,
 * or it is a messaging gadget, which shows a transcript but not which conversation it is — the
 * worker only addresses a gadget's frame when the top frame named it as the one on screen.
 */
function holds(session: Session, conversationId: string): boolean {
  const shown = session.reader.conversationId();
  return shown === null ? session.reader.transcriptContainer() !== null : shown === conversationId;
}

/** Shows the worker's overlay state if it is about the conversation this frame holds. */
function showOverlay(session: Session, state: OverlayState | null): boolean {
  const onScreen = state !== null && holds(session, state.conversationId);
  session.overlay.render(onScreen ? state : null, onScreen ? session.reader.transcriptContainer() : null);
  return onScreen;
}

function insertText(session: Session, conversationId: string, content: string): 'inserted' | 'no-composer' | 'conversation-changed' {
  if (!holds(session, conversationId)) return 'conversation-changed';
  const outcome = insertIntoComposer(document, session.profile.composerSelector, articleText(content));
  session.overlay.announce(outcome === 'inserted' ? t('insertDone') : t('insertNoComposer'));
  return outcome;
}

function overlayActions(session: () => Session): OverlayActions {
  const announce = (message: string) => session().overlay.announce(message);
  return {
    insert(top, conversationId) {
      const outcome = insertText(session(), conversationId, top.content);
      if (outcome === 'conversation-changed') announce(t('insertConversationChanged'));
      if (outcome !== 'inserted') return;
      askWorker('desktop/record-event', { conversationId, recommendationId: top.id, sourceId: top.sourceId, action: 'insert' }).catch(() =>
        announce(t('overlayNotRecorded')),
      );
    },
    openPanel() {
      // Sent straight from the click, so the worker still sees the user gesture it needs.
      askWorker('desktop/open-panel', {}).then(
        ({ opened }) => announce(opened ? '' : t('overlayOpenPanelHint')),
        () => announce(t('overlayOpenPanelHint')),
      );
    },
    setCollapsed(conversationId, collapsed) {
      askWorker('desktop/set-overlay-collapsed', { conversationId, collapsed }).catch(() => undefined);
    },
    seen(top, conversationId) {
      askWorker('desktop/record-event', { conversationId, recommendationId: top.id, sourceId: top.sourceId, action: 'impression' }).catch(() => undefined);
    },
  };
}

/** Attribute changes that can change what the profile reads (selection, visibility, ids). */
function watchedAttributes(profile: DesktopProfile): string[] {
  const names = ['class', 'aria-hidden', 'hidden', profile.conversationIdAttribute, profile.channelAttribute, profile.startTimeAttribute];
  return [...new Set(names.filter((name): name is string => typeof name === 'string' && name !== ''))];
}

/** Set by a benchmark that sends every context itself (simulator builds only): no watcher starts again. */
let silenced = false;

function start(overrides: DesktopProfileOverrides | null): void {
  current?.controller.abort();
  current = null;
  if (SIMULATOR_BUILD && silenced) return;
  const profile = resolveDesktopProfile(location.href, overrides ?? undefined);
  if (!profile) return;
  const controller = new AbortController();
  const reader = createDesktopReader(profile, document, () => location.href, { frameToken });
  const session: Session = { controller, profile, reader, overlay: createInlineOverlay(document, overlayActions(() => session)) };
  current = session;
  controller.signal.addEventListener('abort', () => session.overlay.destroy());
  let overlayAsked = false;
  // A new reader may read other turns: its first report goes whole.
  const reporter = createFrameReporter({
    whole: (report) => askWorker('desktop/context-changed', report),
    append: (change) => reports.send('desktop/transcript-appended', change),
  });
  watchDesktop({
    reader,
    root: document.documentElement,
    win: window,
    signal: controller.signal,
    attributeFilter: watchedAttributes(profile),
    report: async (report) => {
      try {
        await reporter.report(report);
      } catch (error) {
        if (error instanceof WorkerUnavailableError && error.orphaned) controller.abort();
        throw error;
      }
      // After a reload the view may already exist: ask once; later changes are pushed.
      if (!overlayAsked) {
        overlayAsked = true;
        askWorker('desktop/get-overlay-state', {}).then(({ state }) => !controller.signal.aborted && showOverlay(session, state), () => undefined);
      }
    },
  });
}

/**
 * Most settings (thresholds, theme, provider) are the worker's business: the content script starts
 * again only when the desktop profile it reads with changes, so other changes leave the observers,
 * the overlay and the last report alone.
 */
let startedWith: string | undefined;
function restartIfChanged(overrides: DesktopProfileOverrides | null): void {
  const key = JSON.stringify(overrides);
  if (key === startedWith) return;
  startedWith = key;
  start(overrides);
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
  void loadOverrides().then(restartIfChanged);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (isSettingsChange(changes, area)) void loadOverrides().then(restartIfChanged);
  });
  listenToWorker(async (message) => {
    const session = current;
    switch (message.type) {
      case 'worker/insert-text':
        return { outcome: session ? insertText(session, message.data.conversationId, message.data.content) : 'conversation-changed' };
      case 'worker/overlay-state':
        return { shown: session ? showOverlay(session, message.data.state) : false };
    }
  });
  // Tests count live observers, and benchmarks read our main-thread time and stop this frame's
  // watcher when they send the worker contexts of their own from here (simulator builds only).
  if (SIMULATOR_BUILD)
    Object.assign(globalThis, {
      __agentAssistDebug: {
        observers: liveObservers,
        mainThread: mainThreadUse,
        frameToken: () => frameToken,
        stopWatching: () => {
          silenced = true;
          current?.controller.abort();
        },
      },
    });
}
