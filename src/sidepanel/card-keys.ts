/**
 * Keyboard shortcuts on a focused card (listed for agents in KeyboardHelp.tsx). Single letters
 * only when no modifier is held, so the browser's and the desktop's own shortcuts keep working.
 */
export type CardCommand =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'toggle'
  | 'open-link'
  | 'copy'
  | 'insert'
  | 'helpful'
  | 'not-helpful'
  | 'dismiss';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

const KEYS: Readonly<Record<string, CardCommand>> = {
  ArrowDown: 'next',
  j: 'next',
  ArrowUp: 'previous',
  k: 'previous',
  Home: 'first',
  End: 'last',
  Enter: 'toggle',
  ' ': 'toggle',
  o: 'open-link',
  c: 'copy',
  i: 'insert',
  h: 'helpful',
  n: 'not-helpful',
  d: 'dismiss',
  Delete: 'dismiss',
};

export function cardCommandFor(event: KeyLike): CardCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return Object.prototype.hasOwnProperty.call(KEYS, key) ? KEYS[key]! : null;
}

/** The card index a movement command leads to, staying within the list. */
export function movedIndex(command: CardCommand, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (command) {
    case 'next':
      return Math.min(index + 1, count - 1);
    case 'previous':
      return Math.max(index - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    default:
      return null;
  }
}
