/**
 * Content script entry: runs in every frame of the agent desktop (the messaging gadget lives in
 * an iframe), picks the desktop profile for this frame, reports the conversation on screen, shows
 * the inline overlay and inserts into the reply box when asked. It never sees a token and never
 * calls an API: everything goes through the worker.
 */
import { resolveDesktopProfile, type DesktopProfile, type DesktopProfileOverrides } from '../shared/desktop-profile';
import { articleText } from '../shared/dom/article-text';
import { t } from '../shared/i18n';
import type { OverlayState } from '../shared/messages';
import { watchDesktop } from './context-watcher';
import { createInlineOverlay, type InlineOverlay, type OverlayActions } from './inline-overlay';
import { insertIntoComposer } from './insert-into-composer';
import { createDesktopReader, type DesktopReader } from './read-desktop';
import { askWorker, WorkerUnavailableError } from './worker-channel';
import { listenToWorker } from './worker-messages';

interface Session {
  controller: AbortController;
  profile: DesktopProfile;
  reader: DesktopReader;
  overlay: InlineOverlay;
}

let current: Session | null = null;

/** Shows the worker's overlay state if it is about the conversation this frame shows. */
function showOverlay(session: Session, state: OverlayState | null): boolean {
  const onScreen = state !== null && state.conversationId === session.reader.conversationId();
  session.overlay.render(onScreen ? state : null, onScreen ? session.reader.transcriptContainer() : null);
  return onScreen;
}

function insertText(session: Session, conversationId: string, content: string): 'inserted' | 'no-composer' | 'conversation-changed' {
  if (session.reader.conversationId() !== conversationId) return 'conversation-changed';
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

function start(overrides: DesktopProfileOverrides | null): void {
  current?.controller.abort();
  current = null;
  const profile = resolveDesktopProfile(location.href, overrides ?? undefined);
  if (!profile) return;
  const controller = new AbortController();
  const reader = createDesktopReader(profile, document, () => location.href);
  const session: Session = { controller, profile, reader, overlay: createInlineOverlay(document, overlayActions(() => session)) };
  current = session;
  controller.signal.addEventListener('abort', () => session.overlay.destroy());
  let overlayAsked = false;
  watchDesktop({
    reader,
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
      // After a reload the view may already exist: ask once; later changes are pushed.
      if (!overlayAsked) {
        overlayAsked = true;
        askWorker('desktop/get-overlay-state', {}).then(({ state }) => !controller.signal.aborted && showOverlay(session, state), () => undefined);
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
  listenToWorker(async (message) => {
    const session = current;
    switch (message.type) {
      case 'worker/insert-text':
        return { outcome: session ? insertText(session, message.data.conversationId, message.data.content) : 'conversation-changed' };
      case 'worker/overlay-state':
        return { shown: session ? showOverlay(session, message.data.state) : false };
    }
  });
}
