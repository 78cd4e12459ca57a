import type { Settings } from '../../shared/settings';
import type { TabDesktopDiagnostics } from '../../shared/desktop-diagnostics';
import type { DesktopFrameReport, OverlayState, TranscriptAppend } from '../../shared/messages';
import { conversationFrameOf } from '../context-intake';
import type { FrameSender } from '../desktop-intake';
import type { Handlers } from '../messaging/router';
import type { StoredContext } from '../tab-state';

/** What the desktop's content scripts ask, and the options page's view of what they saw. */
export interface DesktopHandlerDeps {
  intake(sender: FrameSender, report: DesktopFrameReport, revision?: number): Promise<{ accepted: boolean }>;
  append(sender: FrameSender, change: TranscriptAppend): Promise<{ applied: boolean }>;
  settings(): Promise<Settings>;
  readContext(tabId: number): Promise<StoredContext | null>;
  overlayState(tabId: number): Promise<OverlayState | null>;
  setOverlayCollapsed(tabId: number, conversationId: string, collapsed: boolean): Promise<void>;
  takePanelOpening(tabId: number): Promise<boolean>;
  listDiagnostics(): Promise<TabDesktopDiagnostics[]>;
}

type DesktopMessages =
  | 'desktop/context-changed'
  | 'desktop/transcript-appended'
  | 'desktop/get-profile-overrides'
  | 'desktop/open-panel'
  | 'desktop/get-overlay-state'
  | 'desktop/set-overlay-collapsed'
  | 'page/get-desktop-diagnostics';

export function desktopHandlers(deps: DesktopHandlerDeps): Pick<Handlers, DesktopMessages> {
  return {
    async 'desktop/context-changed'({ revision, ...report }, sender) {
      return deps.intake(sender, report, revision);
    },
    async 'desktop/transcript-appended'(change, sender) {
      return deps.append(sender, change);
    },
    async 'desktop/get-profile-overrides'() {
      return { overrides: (await deps.settings()).desktopProfile ?? null };
    },
    async 'desktop/open-panel'(_request, sender) {
      return { opened: await deps.takePanelOpening(sender.tabId) };
    },
    async 'desktop/get-overlay-state'(_request, sender) {
      const stored = await deps.readContext(sender.tabId);
      // Only the frame that holds the conversation (its transcript, or the whole of it) shows the overlay.
      if (!stored || conversationFrameOf(stored) !== sender.frameId) return { state: null };
      return { state: await deps.overlayState(sender.tabId) };
    },
    async 'desktop/set-overlay-collapsed'({ conversationId, collapsed }, sender) {
      await deps.setOverlayCollapsed(sender.tabId, conversationId, collapsed);
      return { conversationId, collapsed };
    },
    async 'page/get-desktop-diagnostics'() {
      return { tabs: await deps.listDiagnostics() };
    },
  };
}
