import { describe, expect, it, vi } from 'vitest';
import { runCommand } from './commands';

describe('runCommand', () => {
  const inserted = { outcome: 'inserted' as const, eventId: 'e' };

  it('inserts the top suggestion into the tab the command came from, else the active tab', async () => {
    const insertTop = vi.fn(async () => inserted);
    const activeTabId = vi.fn(async () => 9);
    expect(await runCommand({ insertTop, activeTabId }, 'insert-top-suggestion', 3)).toBe(inserted);
    expect(insertTop).toHaveBeenLastCalledWith(3);
    expect(activeTabId).not.toHaveBeenCalled();
    await runCommand({ insertTop, activeTabId }, 'insert-top-suggestion', undefined);
    expect(insertTop).toHaveBeenLastCalledWith(9);
  });

  it('does nothing for other commands or without a tab', async () => {
    const insertTop = vi.fn(async () => inserted);
    expect(await runCommand({ insertTop, activeTabId: async () => 1 }, '_execute_action', 1)).toBeNull();
    expect(await runCommand({ insertTop, activeTabId: async () => null }, 'insert-top-suggestion', undefined)).toBeNull();
    expect(await runCommand({ insertTop, activeTabId: async () => 1 }, 'insert-top-suggestion', -1)).toBeNull();
    expect(insertTop).not.toHaveBeenCalled();
  });
});
