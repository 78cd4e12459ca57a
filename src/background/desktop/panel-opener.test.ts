import { describe, expect, it, vi } from 'vitest';
import type { SenderPolicy } from '../messaging/sender';
import { beginOpenPanel, takePanelOpening } from './panel-opener';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const policy: SenderPolicy = { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/`, isDesktopUrl: (url) => url.startsWith('https://apps.mypurecloud.com/') };
const desktop = { id: ID, url: 'https://apps.mypurecloud.com/directory/', tab: { id: 5 }, frameId: 0 };
const message = { type: 'desktop/open-panel', data: {} };

describe('beginOpenPanel', () => {
  it('opens the panel at once (inside the gesture) for a desktop content script, and hands over the outcome', async () => {
    const open = vi.fn(async () => undefined);
    beginOpenPanel(message, desktop, policy, open);
    expect(open).toHaveBeenCalledWith(5); // synchronously, before any await
    expect(await takePanelOpening(5)).toBe(true);
    expect(await takePanelOpening(5)).toBe(false); // taken once
  });

  it('reports a refusal (no gesture) as not opened', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    beginOpenPanel(message, desktop, policy, async () => {
      throw new Error('`sidePanel.open()` may only be called in response to a user gesture.');
    });
    expect(await takePanelOpening(5)).toBe(false);
    beginOpenPanel(message, desktop, policy, () => {
      throw new Error('sync failure');
    });
    expect(await takePanelOpening(5)).toBe(false);
  });

  it('ignores other messages and senders that are not desktop content scripts', () => {
    const open = vi.fn(async () => undefined);
    beginOpenPanel({ type: 'desktop/context-changed', data: {} }, desktop, policy, open);
    beginOpenPanel('desktop/open-panel', desktop, policy, open);
    beginOpenPanel(message, { ...desktop, id: 'other' }, policy, open);
    beginOpenPanel(message, { ...desktop, url: 'https://evil.example/' }, policy, open);
    beginOpenPanel(message, { id: ID, url: `chrome-extension://${ID}/src/sidepanel/index.html` }, policy, open);
    expect(open).not.toHaveBeenCalled();
  });
});
