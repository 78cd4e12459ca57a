import type { Page, Worker } from '@playwright/test';

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

/** Recommendation ids the drain below reports; tests leave them out of what they compare. */
export const DRAIN_PREFIX = 'drain-';
let drains = 0;

/**
 * Returns once every impression the panel has reported so far has been through the worker's
 * dedupe. Shown by later events, not by waiting: two animation frames let the panel's
 * IntersectionObserver deliver what the last render put on screen; the panel's messages reach the
 * worker in order; and the worker takes impressions one at a time, so the answer to one more
 * impression from the same panel comes after all of them. That impression is for an id no card
 * has (`drain-…`), so it never hides a repeat.
 */
export async function drainImpressions(panel: Page, conversationId: string): Promise<void> {
  await panel.bringToFront();
  await panel.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const input = { conversationId, recommendationId: `${DRAIN_PREFIX}${++drains}`, sourceId: 'drain', action: 'impression' };
  const reply: { ok: boolean } = await panel.evaluate((data) => chrome.runtime.sendMessage({ type: 'page/record-event', data }), input);
  if (!reply.ok) throw new Error(`the drain impression was refused: ${JSON.stringify(reply)}`);
}
