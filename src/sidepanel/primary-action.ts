import type { Channel } from '../shared/conversation';

/** Which of Copy and Insert a card leads with, and whether Insert is offered at all. */
export interface CardActionSet {
  primary: 'insert' | 'copy';
  canInsert: boolean;
}

/**
 * Messaging and chat answer in the reply box, so Insert leads. A call has no reply box, and an
 * email reply is composed at length, so Copy leads there; email still offers Insert beside it.
 * An unknown channel offers both and leads with the action that cannot write into the wrong place.
 */
export function cardActionsFor(channel: Channel | null): CardActionSet {
  const canInsert = channel !== 'voice' && channel !== 'callback';
  const primary = channel === 'message' || channel === 'chat' ? 'insert' : 'copy';
  return { primary, canInsert };
}
