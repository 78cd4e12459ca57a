import type { CopilotRecord, NotificationsRecord, SimSuggestionRecord } from '../simulator/control-api';
import { simControl } from './simulator-control';

/**
 * The simulator's Copilot and notifications control API (e2e/simulator/copilot-control.ts), for
 * tests.
 */
export type { CopilotRecord, NotificationsRecord, SimSuggestionRecord } from '../simulator/control-api';

export const copilotRecord = (origin: string) => simControl<CopilotRecord>(origin, 'copilot');
export const notificationsRecord = (origin: string) => simControl<NotificationsRecord>(origin, 'notifications');
export const setCopilotConfig = (origin: string, config: Record<string, number>) => simControl<unknown>(origin, 'copilot/config', config);
export const dropSockets = (origin: string) => simControl<{ dropped: number }>(origin, 'notifications/drop', {});
export const announceSocketClosing = (origin: string, closeAfterMs: number) => simControl<{ announced: number }>(origin, 'notifications/socket-closing', { closeAfterMs });

/** The suggestions Copilot made for a conversation so far. */
export async function simSuggestions(origin: string, conversationId: string): Promise<SimSuggestionRecord[]> {
  return (await copilotRecord(origin)).conversations[conversationId]?.suggestions ?? [];
}

/** A line the platform learns of without the desktop showing it (so only live events or a backfill can bring its suggestions). */
export async function sayBehindThePage(origin: string, conversationId: string, text: string): Promise<void> {
  const response = await fetch(new URL(`/desktop/api/conversations/${conversationId}/messages`, origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ author: 'customer', text }),
  });
  if (!response.ok) throw new Error(`say: ${response.status}`);
}
