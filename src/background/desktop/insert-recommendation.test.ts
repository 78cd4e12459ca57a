import { describe, expect, it, vi } from 'vitest';
import type { RecommendationEventInput } from '../../shared/recommendation-event';
import { emptyViewState, type ViewState } from '../../shared/view-state';
import type { StoredContext } from '../tab-state';
// The channel to the tab is faked below; `browser` exists only in an extension.
vi.mock('../../shared/browser', () => ({ browser: {} }));

import { ContentUnavailableError } from './content-channel';
import { insertRecommendation, type InsertDeps } from './insert-recommendation';

const item = (id: string) => ({ id, title: id, content: `<p>${id} text</p>`, relevanceScore: 0.9, publishedDate: null, sourceId: `kb-${id}` });
const view: ViewState = { ...emptyViewState(4, 'ready'), conversationId: 'c-1', recommendations: [item('a'), item('b')] };
const stored: StoredContext = { tabId: 4, frameId: 2, receivedAt: 1, context: { conversationId: 'c-1', channel: 'chat', transcript: [], profileId: 'p' } };

function deps(overrides: Partial<InsertDeps> = {}) {
  const tellContent = vi.fn(async () => ({ outcome: 'inserted' as const }));
  const recordEvent = vi.fn(async (input: RecommendationEventInput) => ({ ...input, eventId: 'e-1', agentId: 'agent', timestamp: 't' }));
  return { readView: async () => view, readContext: async () => stored, tellContent, recordEvent, ...overrides } as InsertDeps & {
    tellContent: typeof tellContent;
    recordEvent: typeof recordEvent;
  };
}

describe('insertRecommendation', () => {
  it("sends the recommendation's content to the reporting frame, then records the insert", async () => {
    const d = deps();
    expect(await insertRecommendation(d, 4, 'b')).toEqual({ outcome: 'inserted', eventId: 'e-1' });
    expect(d.tellContent).toHaveBeenCalledWith(4, 2, 'worker/insert-text', { conversationId: 'c-1', content: '<p>b text</p>' });
    expect(d.recordEvent).toHaveBeenCalledWith({ conversationId: 'c-1', recommendationId: 'b', sourceId: 'kb-b', action: 'insert' });
  });

  it('takes the best one for the command', async () => {
    const d = deps();
    await insertRecommendation(d, 4, { top: true });
    expect(d.tellContent).toHaveBeenCalledWith(4, 2, 'worker/insert-text', { conversationId: 'c-1', content: '<p>a text</p>' });
  });

  it('refuses what the tab does not show now', async () => {
    const d = deps();
    expect(await insertRecommendation(d, 4, 'zzz')).toEqual({ outcome: 'not-found', eventId: null });
    expect(await insertRecommendation(deps({ readView: async () => null }), 4, 'a')).toEqual({ outcome: 'not-found', eventId: null });
    expect(await insertRecommendation(deps({ readView: async () => ({ ...view, recommendations: [] }) }), 4, { top: true })).toEqual({ outcome: 'not-found', eventId: null });
    expect(d.tellContent).not.toHaveBeenCalled();
  });

  it('refuses when the desktop moved on to another conversation, or never reported', async () => {
    const moved = deps({ readContext: async () => ({ ...stored, context: { ...stored.context, conversationId: 'c-2' } }) });
    expect(await insertRecommendation(moved, 4, 'a')).toEqual({ outcome: 'conversation-changed', eventId: null });
    expect(await insertRecommendation(deps({ readContext: async () => null }), 4, 'a')).toEqual({ outcome: 'no-desktop', eventId: null });
  });

  it('records nothing when the content script could not insert or did not answer', async () => {
    const noComposer = deps();
    noComposer.tellContent.mockResolvedValueOnce({ outcome: 'no-composer' } as never);
    expect(await insertRecommendation(noComposer, 4, 'a')).toEqual({ outcome: 'no-composer', eventId: null });
    const gone = deps();
    gone.tellContent.mockRejectedValueOnce(new ContentUnavailableError('Could not establish connection'));
    expect(await insertRecommendation(gone, 4, 'a')).toEqual({ outcome: 'no-desktop', eventId: null });
    expect(noComposer.recordEvent).not.toHaveBeenCalled();
    expect(gone.recordEvent).not.toHaveBeenCalled();
  });
});
