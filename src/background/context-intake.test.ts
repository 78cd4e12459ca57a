import { describe, expect, it } from 'vitest';
import { decideIntake } from './context-intake';
import type { StoredContext } from './tab-state';

function stored(frameId: number, conversationId: string | null, texts: string[] = []): StoredContext {
  return {
    tabId: 1,
    frameId,
    receivedAt: 0,
    context: { conversationId, channel: conversationId ? 'chat' : null, transcript: texts.map((text) => ({ role: 'customer', text })), profileId: 'simulator' },
  };
}

describe('decideIntake', () => {
  it('stores the first report of a tab as a change', () => {
    expect(decideIntake(null, stored(0, 'a'))).toMatchObject({ kind: 'store', changed: true });
  });

  it('stores an identical report without calling it a change', () => {
    expect(decideIntake(stored(0, 'a', ['hi']), stored(0, 'a', ['hi']))).toMatchObject({ kind: 'store', changed: false });
  });

  it('sees a new message as a change', () => {
    expect(decideIntake(stored(0, 'a', ['hi']), stored(0, 'a', ['hi', 'more']))).toMatchObject({ kind: 'store', changed: true });
  });

  it('does not let an empty frame blank out the frame that shows a conversation', () => {
    expect(decideIntake(stored(4, 'a', ['hi']), stored(0, null))).toEqual({ kind: 'ignore' });
  });

  it('lets the same frame say its conversation closed', () => {
    expect(decideIntake(stored(4, 'a', ['hi']), stored(4, null))).toMatchObject({ kind: 'store', changed: true });
  });
});
