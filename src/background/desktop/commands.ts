import { INSERT_TOP_COMMAND } from '../../shared/commands';
import type { InsertIntoReplyResult } from '../../shared/messages';

/**
 * Keyboard commands (manifest `commands`). `_execute_action` opens the side panel by itself
 * (openPanelOnActionClick); `insert-top-suggestion` puts the best recommendation into the reply
 * of the tab the agent is on, and the inline overlay says how that went.
 */
export interface CommandDeps {
  activeTabId(): Promise<number | null>;
  insertTop(tabId: number): Promise<InsertIntoReplyResult>;
}

export async function runCommand(deps: CommandDeps, command: string, tabId: number | undefined): Promise<InsertIntoReplyResult | null> {
  if (command !== INSERT_TOP_COMMAND) return null;
  const target = tabId ?? (await deps.activeTabId());
  if (target === null || target < 0) return null;
  return deps.insertTop(target);
}
