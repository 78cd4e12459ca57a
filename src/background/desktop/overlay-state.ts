import type { OverlayState } from '../../shared/messages';
import type { ViewState } from '../../shared/view-state';

/**
 * What the inline overlay shows for a published view: the count and the best recommendation, or
 * nothing (null) when there is nothing to suggest (signed out, not configured, no conversation,
 * no accepted results). An error keeps the previous results, as the side panel does.
 */
export function overlayStateFor(view: ViewState | null, collapsedConversations: readonly string[]): OverlayState | null {
  if (!view?.conversationId) return null;
  if (view.status !== 'ready' && view.status !== 'error' && view.status !== 'loading') return null;
  const [top] = view.recommendations;
  if (!top) return null;
  return {
    conversationId: view.conversationId,
    count: view.recommendations.length,
    top: { id: top.id, title: top.title, sourceId: top.sourceId, content: top.content },
    collapsed: collapsedConversations.includes(view.conversationId),
  };
}
