import type { OverlayState } from '../shared/messages';
import { t } from '../shared/i18n';
import { OVERLAY_CSS } from './overlay-styles';
import { pageTheme } from './page-theme';

/**
 * The inline overlay on the desktop: the count and the best recommendation, with Insert and Open
 * panel, in a shadow root on a host element placed in the page's flow just before the transcript's
 * scrolling box, so it takes its own line above the messages: it never floats over a line, the
 * first one or a scrolled one, nor over the reply box. Where the transcript has little height left it
 * shows only its bar (count and Show) until the agent asks for more. Its colours follow the page's
 * own theme (page-theme.ts). Plain DOM (no Preact in the content script, docs/performance.md P8);
 * every string from a recommendation goes in as textContent.
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

/**
 * Below this many px shared by the overlay and the transcript's box, the overlay shows only its bar
 * unless the agent opens it. Measured on both together, as that does not change when the overlay
 * grows or shrinks (the transcript gives or takes the difference), so the choice cannot flip-flop.
 */
export const COMPACT_BELOW_PX = 260;

/** How far up from the transcript to look for the box that scrolls it. */
const SCROLLER_DEPTH = 4;

/**
 * The element the overlay goes before: the transcript's scrolling box (the transcript itself or a
 * near ancestor), so the overlay is outside what scrolls and sits beside it in the page's flow.
 */
export function overlayAnchor(transcript: Element, style: (element: Element) => CSSStyleDeclaration): Element {
  let node: Element | null = transcript;
  for (let depth = 0; node && depth <= SCROLLER_DEPTH; depth++, node = node.parentElement) {
    const overflow = style(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node.parentElement ? node : transcript;
    if (node.tagName === 'BODY') break;
  }
  return transcript;
}

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
  // Shown as the bar only because the transcript is short, not because the agent chose it.
  let compact = false;
  let openedByAgent = false;
  let anchorShown: Element | null = null;
  let transcriptShown: Element | null = null;
  const view = doc.defaultView;
  const computed = (node: Element) => (view ?? window).getComputedStyle(node);

  function applyTheme(): void {
    const theme = pageTheme(transcriptShown, computed);
    if (theme) host.setAttribute('data-theme', theme);
    else host.removeAttribute('data-theme');
  }

  function fit(): void {
    if (!state || !anchorShown) return;
    const room = anchorShown.getBoundingClientRect().height + host.getBoundingClientRect().height;
    const next = !openedByAgent && room > 0 && room < COMPACT_BELOW_PX;
    if (next === compact) return;
    compact = next;
    paint();
  }

  const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(() => fit()) : null;
  // The desktop switches theme by a class or attribute on its root or body, or by a stylesheet.
  const themeWatch = typeof MutationObserver === 'function' ? new MutationObserver(() => applyTheme()) : null;
  const watchTheme = () => {
    themeWatch?.disconnect();
    for (const node of [doc.documentElement, doc.body]) {
      if (node) themeWatch?.observe(node, { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'theme'] });
    }
  };

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
    const closed = collapsed || compact;
    toggle.textContent = closed ? t('overlayExpand') : t('overlayCollapse');
    toggle.setAttribute('aria-expanded', String(!closed));
    body.hidden = closed || !state.top;
  }

  toggle.addEventListener('click', () => {
    if (!state) return;
    if (compact) {
      // The agent wants the suggestion although the transcript is short: it stays in the flow.
      compact = false;
      openedByAgent = true;
      collapsed = false;
    } else {
      collapsed = !collapsed;
      if (collapsed) openedByAgent = false;
    }
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
        resizes?.disconnect();
        themeWatch?.disconnect();
        anchorShown = transcriptShown = null;
        return;
      }
      const before = overlayAnchor(anchor, computed);
      // The worker pushes on every publish; most change nothing the overlay shows.
      if (state && host.nextElementSibling === before && transcriptShown === anchor && !host.hidden && sameShown(state, next)) return;
      if (next.conversationId !== state?.conversationId) {
        status.textContent = '';
        openedByAgent = false;
      }
      const newTop = next.top?.id !== state?.top?.id || next.conversationId !== state?.conversationId;
      state = next;
      collapsed = next.collapsed;
      if (host.nextElementSibling !== before) before.before(host);
      if (anchorShown !== before) {
        resizes?.disconnect();
        resizes?.observe(before);
        resizes?.observe(host);
        watchTheme();
      }
      anchorShown = before;
      transcriptShown = anchor;
      host.hidden = false;
      applyTheme();
      paint();
      fit();
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
      resizes?.disconnect();
      themeWatch?.disconnect();
      host.remove();
    },
  };
}
