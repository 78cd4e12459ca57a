// @vitest-environment happy-dom
// Scripts would run in this DOM, so "nothing executes" below means something:
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true}}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverlayState } from '../shared/messages';
import { createInlineOverlay, OVERLAY_HOST_TAG, type OverlayActions } from './inline-overlay';

const ID = 'c-1';
const state = (overrides: Partial<OverlayState> = {}): OverlayState => ({
  conversationId: ID,
  count: 3,
  top: { id: 'r-1', title: 'Refund a double charge', sourceId: 'kb-billing', content: '<p>Refund it.</p>' },
  collapsed: false,
  ...overrides,
});

function actions() {
  return {
    insert: vi.fn<OverlayActions['insert']>(),
    openPanel: vi.fn<OverlayActions['openPanel']>(),
    setCollapsed: vi.fn<OverlayActions['setCollapsed']>(),
    seen: vi.fn<OverlayActions['seen']>(),
  };
}

let anchor: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<section class="conversation"><header>Jordan</header><div class="transcript"></div><textarea class="reply-box"></textarea></section>';
  anchor = document.querySelector('.transcript')!;
});
afterEach(() => {
  document.body.innerHTML = '';
});

function parts() {
  const host = document.querySelector(OVERLAY_HOST_TAG) as HTMLElement;
  const root = host.shadowRoot!;
  const buttons = [...root.querySelectorAll('button')];
  return {
    host,
    root,
    count: root.querySelector('.count')!.textContent,
    title: root.querySelector('.title')!,
    button: (name: string) => buttons.find((button) => button.textContent === name || button.getAttribute('aria-label')?.startsWith(name))!,
    status: root.querySelector('.status')!.textContent,
  };
}

describe('createInlineOverlay', () => {
  it('shows the count and the top title just before the transcript, in a shadow root', () => {
    const overlay = createInlineOverlay(document, actions());
    overlay.render(state(), anchor);
    const { host, count, title, button } = parts();
    expect(host.nextElementSibling).toBe(anchor);
    expect(host.hidden).toBe(false);
    expect(count).toBe('Agent Assist: 3 suggestions');
    expect(title.textContent).toBe('Refund a double charge');
    expect(button('Insert into reply:').getAttribute('aria-label')).toBe('Insert into reply: Refund a double charge');
    expect(button('Open panel')).toBeDefined();
    expect(host.shadowRoot!.querySelector('section')!.getAttribute('aria-label')).toBe('Agent Assist suggestions');
    overlay.render(state({ count: 1 }), anchor);
    expect(parts().count).toBe('Agent Assist: 1 suggestion');
  });

  it('puts a hostile title in as text: no element is created, nothing runs', async () => {
    const overlay = createInlineOverlay(document, actions());
    const title = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    overlay.render(state({ top: { id: 'h', title, sourceId: 'kb', content: '<script>window.pwned=3</script>' } }), anchor);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const { root, title: shown } = parts();
    expect(shown.textContent).toBe(title);
    expect(root.querySelector('img, script')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('hides for no state or no anchor, and follows the transcript when it moves', () => {
    const overlay = createInlineOverlay(document, actions());
    overlay.render(state(), anchor);
    overlay.render(null, anchor);
    expect(parts().host.hidden).toBe(true);
    overlay.render(state(), null);
    expect(parts().host.hidden).toBe(true);
    const other = document.createElement('div');
    document.body.append(other);
    overlay.render(state({ conversationId: 'c-2' }), other);
    expect(parts().host.nextElementSibling).toBe(other);
    expect(document.querySelectorAll(OVERLAY_HOST_TAG)).toHaveLength(1);
  });

  it('collapses and expands for the conversation, and says so', () => {
    const calls = actions();
    const overlay = createInlineOverlay(document, calls);
    overlay.render(state(), anchor);
    const hide = parts().button('Hide');
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    hide.click();
    expect(calls.setCollapsed).toHaveBeenCalledWith(ID, true);
    expect(parts().button('Show').getAttribute('aria-expanded')).toBe('false');
    expect((parts().title.parentElement as HTMLElement).hidden).toBe(true);
    // A pushed state remembers it too.
    overlay.render(state({ collapsed: false }), anchor);
    expect(parts().button('Hide')).toBeDefined();
    overlay.render(state({ collapsed: true }), anchor);
    expect(parts().button('Show')).toBeDefined();
  });

  it('hands Insert and Open panel to its actions, and announces outcomes politely', () => {
    const calls = actions();
    const overlay = createInlineOverlay(document, calls);
    overlay.render(state(), anchor);
    parts().button('Insert into reply:').click();
    expect(calls.insert).toHaveBeenCalledWith(state().top, ID);
    parts().button('Open panel').click();
    expect(calls.openPanel).toHaveBeenCalledOnce();
    overlay.announce('No reply box found on this page');
    expect(parts().status).toBe('No reply box found on this page');
    expect(parts().root.querySelector('.status')!.getAttribute('role')).toBe('status');
    // A new conversation clears it.
    overlay.render(state({ conversationId: 'c-2' }), anchor);
    expect(parts().status).toBe('');
  });

  it('leaves nothing behind when destroyed', () => {
    const overlay = createInlineOverlay(document, actions());
    overlay.render(state(), anchor);
    overlay.destroy();
    expect(document.querySelector(OVERLAY_HOST_TAG)).toBeNull();
  });
});
