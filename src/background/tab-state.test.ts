import { beforeEach, describe, expect, it } from 'vitest';
import { emptyViewState } from '../shared/view-state';
import { memoryStorageArea } from '../shared/testing/memory-storage-area';
import { createTabState, MAX_COLLAPSED_CONVERSATIONS, type StoredContext } from './tab-state';

const session = new Map<string, unknown>();
const area = memoryStorageArea(session);
const { forgetTab, listDesktopTabs, readCollapsedConversations, readContext, readFrames, readView, setOverlayCollapsed, writeContext, writeFrames, writeView } = createTabState(area);

const context: StoredContext = {
  tabId: 7,
  frameId: 0,
  receivedAt: 1000,
  context: { conversationId: 'conv-1', channel: 'chat', transcript: [{ role: 'customer', text: 'hi' }], profileId: 'simulator' },
};

beforeEach(() => session.clear());

describe('tab state', () => {
  it('reads back a written context and view', async () => {
    await writeContext(context);
    expect(await readContext(7)).toEqual(context);
    const view = { ...emptyViewState(7, 'ready'), conversationId: 'conv-1', updatedAt: 5 };
    await writeView(view);
    expect(await readView(7)).toEqual(view);
    expect(await readContext(8)).toBeNull();
    expect(await readView(8)).toBeNull();
  });

  it('writes the frames of a tab and its context in one storage call, both under that tab', async () => {
    const frame = { frameId: 0, url: 'http://127.0.0.1:4010/', receivedAt: 1000, report: { ...context.context } };
    const sets: string[][] = [];
    const set = area.set.bind(area);
    area.set = async (items) => {
      sets.push(Object.keys(items).sort());
      await set(items);
    };
    try {
      const { tabId: _tabId, ...rest } = context;
      await writeFrames(9, [frame], rest);
      await writeFrames(9, [frame]);
    } finally {
      area.set = set;
    }
    expect(sets).toEqual([['context:9', 'frames:9'], ['frames:9']]);
    expect(await readFrames(9)).toEqual([frame]);
    expect(await readContext(9)).toEqual({ ...context, tabId: 9 });
  });

  it('reads an invalid stored value as nothing', async () => {
    session.set('context:7', { ...context, context: { ...context.context, channel: 'fax' } });
    session.set('view:7', { tabId: 7, status: 'bogus' });
    expect(await readContext(7)).toBeNull();
    expect(await readView(7)).toBeNull();
  });

  it('lists the tabs that reported a context, and forgets a tab entirely', async () => {
    await writeContext(context);
    await writeContext({ ...context, tabId: 12 });
    await writeView(emptyViewState(7, 'loading'));
    session.set('auth:token', 'x');
    expect((await listDesktopTabs()).sort((a, b) => a - b)).toEqual([7, 12]);
    await forgetTab(7);
    expect(await readContext(7)).toBeNull();
    expect(await readView(7)).toBeNull();
    expect(await listDesktopTabs()).toEqual([12]);
    expect(session.get('auth:token')).toBe('x');
  });
});

describe('overlay collapsed state', () => {
  beforeEach(() => session.clear());

  it('remembers collapsed conversations per tab, newest last, and forgets them with the tab', async () => {
    await setOverlayCollapsed(7, 'c-1', true);
    await setOverlayCollapsed(7, 'c-2', true);
    await setOverlayCollapsed(8, 'c-1', true);
    await setOverlayCollapsed(7, 'c-1', false);
    expect(await readCollapsedConversations(7)).toEqual(['c-2']);
    expect(await readCollapsedConversations(8)).toEqual(['c-1']);
    for (let index = 0; index < MAX_COLLAPSED_CONVERSATIONS + 2; index++) await setOverlayCollapsed(7, `x-${index}`, true);
    expect(await readCollapsedConversations(7)).toHaveLength(MAX_COLLAPSED_CONVERSATIONS);
    await forgetTab(7);
    expect(await readCollapsedConversations(7)).toEqual([]);
    session.set('overlay-collapsed:9', 'garbage');
    expect(await readCollapsedConversations(9)).toEqual([]);
  });
});
