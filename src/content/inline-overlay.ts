import type { OverlayState } from '../shared/messages';
import { t } from '../shared/i18n';
import { OVERLAY_CSS } from './overlay-styles';

/**
 * The inline overlay on the desktop: the count and the best recommendation, with Insert and Open
 * panel, in a shadow root on a host element placed just before the conversation's transcript, so
 * it takes its own line above the messages and never covers the reply box. Plain DOM (no Preact in
 * the content script, docs/performance.md P8); every string from a recommendation goes in as textContent.
 */
export interface OverlayActions {
  insert(top: NonNullable<OverlayState['top']>, conversationId: string): void;
  openPanel(): void;
  setCollapsed(conversationId: string, collapsed: boolean): void;
  /** The top recommendation is at least half visible (an impression). */
  seen(top: NonNullable<OverlayState['top']>, conversationId: string): void;
}

export interface InlineOverlay {
  /** Shows `state` before `anchor` (the transcript), or hides the overlay when either is null. */
  render(state: OverlayState | null, anchor: Element | null): void;
  /** A short, polite line under the buttons ("Inserted", "No reply box found on this page"). */
  announce(message: string): void;
  destroy(): void;
}

export const OVERLAY_HOST_TAG = 'agent-assist-overlay';

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function sameShown(a: OverlayState, b: OverlayState): boolean {
  return (
    a.conversationId === b.conversationId &&
    a.count === b.count &&
    a.collapsed === b.collapsed &&
    a.top?.id === b.top?.id &&
    a.top?.title === b.top?.title &&
    a.top?.content === b.top?.content &&
    a.top?.sourceId === b.top?.sourceId
  );
}

export function createInlineOverlay(doc: Document, actions: OverlayActions): InlineOverlay {
  const host = doc.createElement(OVERLAY_HOST_TAG);
  host.hidden = true;
  // Open, so assistive technology and accessibility checkers see it; it holds nothing secret.
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;

  const region = element(doc, 'section', 'overlay');
  region.setAttribute('aria-label', t('overlayRegionLabel'));
  const bar = element(doc, 'div', 'bar');
  const count = element(doc, 'span', 'count');
  const toggle = element(doc, 'button', 'toggle');
  toggle.type = 'button';
  bar.append(count, toggle);

  const body = element(doc, 'div', 'top');
  body.id = 'agent-assist-overlay-top';
  toggle.setAttribute('aria-controls', body.id);
  const title = element(doc, 'span', 'title');
  const buttons = element(doc, 'div', 'actions');
  const insert = element(doc, 'button', 'primary', t('insertIntoReply'));
  insert.type = 'button';
  const open = element(doc, 'button', '', t('overlayOpenPanel'));
  open.type = 'button';
  buttons.append(insert, open);
  body.append(title, buttons);

  const status = element(doc, 'p', 'status');
  status.setAttribute('role', 'status');
  region.append(bar, body, status);
  root.append(style, region);

  let state: OverlayState | null = null;
  let collapsed = false;
  let seenKey: string | null = null;

  const visibility =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            const visible = entries.some((entry) => entry.isIntersecting && entry.intersectionRatio >= 0.5);
            if (!visible || !state?.top || collapsed) return;
            const key = `${state.conversationId}\n${state.top.id}`;
            if (key === seenKey) return;
            seenKey = key;
            actions.seen(state.top, state.conversationId);
          },
          { threshold: [0.5] },
        )
      : null;

  function paint(): void {
    if (!state) return;
    count.textContent = state.count === 1 ? t('overlayCountOne') : t('overlayCount', [state.count]);
    title.textContent = state.top?.title ?? '';
    title.title = state.top?.title ?? '';
    insert.setAttribute('aria-label', t('insertNamed', [state.top?.title ?? '']));
    toggle.textContent = collapsed ? t('overlayExpand') : t('overlayCollapse');
    toggle.setAttribute('aria-expanded', String(!collapsed));
    body.hidden = collapsed || !state.top;
  }

  toggle.addEventListener('click', () => {
    if (!state) return;
    collapsed = !collapsed;
    state = { ...state, collapsed };
    paint();
    actions.setCollapsed(state.conversationId, collapsed);
  });
  insert.addEventListener('click', () => {
    if (state?.top) actions.insert(state.top, state.conversationId);
  });
  open.addEventListener('click', () => actions.openPanel());

  return {
    render(next, anchor) {
      if (!next || !anchor?.parentNode) {
        state = null;
        host.hidden = true;
        return;
      }
      // The worker pushes on every publish; most change nothing the overlay shows.
      if (state && host.nextElementSibling === anchor && !host.hidden && sameShown(state, next)) return;
      if (next.conversationId !== state?.conversationId) status.textContent = '';
      const newTop = next.top?.id !== state?.top?.id || next.conversationId !== state?.conversationId;
      state = next;
      collapsed = next.collapsed;
      if (host.nextElementSibling !== anchor) anchor.before(host);
      host.hidden = false;
      paint();
      if (newTop && visibility) {
        // A fresh observation reports the new top's visibility even if the element never moved.
        visibility.unobserve(title);
        visibility.observe(title);
      }
    },
    announce(message) {
      status.textContent = message;
    },
    destroy() {
      visibility?.disconnect();
      host.remove();
    },
  };
}
