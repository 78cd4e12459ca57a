import { describe, expect, it } from 'vitest';
import { emptyViewState, type ViewState } from '../../shared/view-state';
import { overlayStateFor } from './overlay-state';

const item = (id: string) => ({ id, title: `${id} title`, content: 'text', relevanceScore: 0.9, publishedDate: null, sourceId: 'kb', url: 'https://x' });
const ready: ViewState = { ...emptyViewState(1, 'ready'), conversationId: 'c-1', recommendations: [item('a'), item('b')] };

describe('overlayStateFor', () => {
  it('gives the count and the best recommendation, and whether the agent collapsed it', () => {
    expect(overlayStateFor(ready, [])).toEqual({ conversationId: 'c-1', count: 2, top: { id: 'a', title: 'a title', sourceId: 'kb', content: 'text' }, collapsed: false });
    expect(overlayStateFor(ready, ['c-0', 'c-1'])?.collapsed).toBe(true);
  });

  it('keeps the last results while loading or after an error', () => {
    expect(overlayStateFor({ ...ready, status: 'error' }, [])?.count).toBe(2);
    expect(overlayStateFor({ ...ready, status: 'loading' }, [])?.count).toBe(2);
  });

  it('shows nothing without results or outside a conversation', () => {
    expect(overlayStateFor(null, [])).toBeNull();
    expect(overlayStateFor({ ...ready, recommendations: [] }, [])).toBeNull();
    expect(overlayStateFor({ ...ready, conversationId: null }, [])).toBeNull();
    for (const status of ['signed-out', 'not-configured', 'no-conversation'] as const) expect(overlayStateFor({ ...ready, status }, [])).toBeNull();
  });
});
