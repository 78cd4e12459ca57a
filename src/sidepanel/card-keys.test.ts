import { describe, expect, it } from 'vitest';
import { cardCommandFor, movedIndex } from './card-keys';

const key = (value: string, modifiers: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key: value,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...modifiers,
});

describe('cardCommandFor', () => {
  it.each([
    ['ArrowDown', 'next'],
    ['j', 'next'],
    ['ArrowUp', 'previous'],
    ['K', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    ['Enter', 'toggle'],
    [' ', 'toggle'],
    ['o', 'open-link'],
    ['c', 'copy'],
    ['C', 'copy'],
    ['i', 'insert'],
    ['h', 'helpful'],
    ['n', 'not-helpful'],
    ['d', 'dismiss'],
    ['Delete', 'dismiss'],
  ])('%j → %s', (value, command) => {
    expect(cardCommandFor(key(value))).toBe(command);
  });

  it('leaves modified keys to the browser and the desktop (Ctrl+C copies a selection)', () => {
    expect(cardCommandFor(key('c', { ctrlKey: true }))).toBeNull();
    expect(cardCommandFor(key('i', { altKey: true }))).toBeNull();
    expect(cardCommandFor(key('d', { metaKey: true }))).toBeNull();
  });

  it('ignores other keys, including inherited property names', () => {
    for (const value of ['x', 'Tab', 'Escape', 'constructor', 'toString', '__proto__', 'F5']) expect(cardCommandFor(key(value))).toBeNull();
  });
});

describe('movedIndex', () => {
  it('moves within the list and stops at its ends', () => {
    expect(movedIndex('next', 0, 3)).toBe(1);
    expect(movedIndex('next', 2, 3)).toBe(2);
    expect(movedIndex('previous', 0, 3)).toBe(0);
    expect(movedIndex('first', 2, 3)).toBe(0);
    expect(movedIndex('last', 0, 3)).toBe(2);
    expect(movedIndex('copy', 1, 3)).toBeNull();
    expect(movedIndex('next', 0, 0)).toBeNull();
  });
});
