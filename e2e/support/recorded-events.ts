import type { Worker } from '@playwright/test';

/** A recommendation event as the worker recorded it (src/shared/recommendation-event.ts). */
export interface RecordedEvent {
  eventId: string;
  conversationId: string;
  recommendationId: string;
  sourceId: string;
  agentId: string;
  action: string;
  reason?: string;
  timestamp: string;
}

/**
 * What the agent's clicks produced, as the worker recorded them (simulator builds keep the last
 * ones in storage.session, src/background/recent-events.ts). The worker may have been restarted
 * since: storage.session outlives it.
 */
export async function recordedEvents(worker: Worker, action?: string): Promise<RecordedEvent[]> {
  const stored = await worker.evaluate(() => chrome.storage.session.get('diagnostics:recommendation-events'));
  const list = (stored['diagnostics:recommendation-events'] ?? []) as RecordedEvent[];
  return action ? list.filter((event) => event.action === action) : list;
}

/** Forgets the signed-in agent's profile (not the token): the worker then refuses to record actions. */
export async function forgetAgentProfile(worker: Worker): Promise<void> {
  await worker.evaluate(() => chrome.storage.session.remove('auth:agent'));
}
