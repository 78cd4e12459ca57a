/**
 * The simulator's Copilot and notifications control API (e2e/simulator/copilot-control.ts), typed
 * for tests.
 */
export interface SimSuggestionRecord {
  id: string;
  type: string;
  state: string;
  knowledgeSearch?: { confidence: number; title: string };
}

export interface CopilotRecord {
  conversations: Record<string, { messages: { id: string; author: string; text: string }[]; suggestions: SimSuggestionRecord[] }>;
  engagements: { conversationId: string; suggestionId: string; body: { engagementType: string; feedback?: { rating: string } } }[];
  searches: { knowledgeBaseId: string; body: { query: string; queryType?: string; conversationContext?: { conversationId: string } } }[];
}

export interface NotificationsRecord {
  channels: { id: string; subscriptions: string[]; connected: boolean; expired: boolean }[];
  connections: number;
  delivered: { topicName: string; suggestionId?: string }[];
}

async function control<T>(origin: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(`/__sim/${path}`, origin), body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const copilotRecord = (origin: string) => control<CopilotRecord>(origin, 'copilot');
export const notificationsRecord = (origin: string) => control<NotificationsRecord>(origin, 'notifications');
export const setCopilotConfig = (origin: string, config: Record<string, number>) => control<unknown>(origin, 'copilot/config', config);
export const dropSockets = (origin: string) => control<{ dropped: number }>(origin, 'notifications/drop', {});
export const announceSocketClosing = (origin: string, closeAfterMs: number) => control<{ announced: number }>(origin, 'notifications/socket-closing', { closeAfterMs });

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
