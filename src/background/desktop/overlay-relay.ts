import type { OverlayState } from '../../shared/messages';
import type { ViewState } from '../../shared/view-state';
import type { WorkerEvent } from '../worker-events';
import { conversationFrameOf } from '../context-intake';
import type { TabState } from '../tab-state';
import { tellContent } from './content-channel';
import { overlayStateFor } from './overlay-state';

/**
 * Keeps each desktop tab's inline overlay in step with its published view. The content script may
 * not read storage.session (restricted to the extension's own pages), so the worker pushes it the
 * little it shows, to the frame that holds the conversation (tab-state.ts `conversationFrameOf`).
 */
export function createOverlayRelay(tabs: Pick<TabState, 'readView' | 'readContext' | 'readCollapsedConversations'>) {
  async function currentOverlayState(tabId: number, published?: ViewState): Promise<OverlayState | null> {
    const [view, collapsed] = await Promise.all([published ?? tabs.readView(tabId), tabs.readCollapsedConversations(tabId)]);
    return overlayStateFor(view, collapsed);
  }

  async function pushOverlayState(tabId: number, published?: ViewState): Promise<void> {
    const stored = await tabs.readContext(tabId);
    if (!stored) return;
    const state = await currentOverlayState(tabId, published);
    await tellContent(tabId, conversationFrameOf(stored), 'worker/overlay-state', { state });
  }

  return {
    currentOverlayState,
    /** A worker-event listener. It does not wait for the tab: publishing must not wait on a page. */
    relayOverlayState(event: WorkerEvent): void {
      if (event.type !== 'view-published') return;
      pushOverlayState(event.view.tabId, event.view).catch(() => {
        // The tab closed or navigated: its content script asks for the state when it starts again.
      });
    },
  };
}
