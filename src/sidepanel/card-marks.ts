import * as z from 'zod/mini';
import type { CardMark, CardMarks } from './connector';

/**
 * Ratings and dismissals per conversation and card (storage.session `panel:card-marks`, written
 * by the panel only). The events themselves go to the worker; this is just what the panel shows,
 * so reopening it does not bring dismissed cards back. Only the newest conversations are kept.
 */
export const CARD_MARKS_KEY = 'panel:card-marks';
export const MAX_CONVERSATIONS = 50;

const Mark = z.object({ rating: z.optional(z.enum(['helpful', 'not_helpful'])), dismissed: z.optional(z.boolean()) });
const Marks = z.record(z.string(), z.record(z.string(), Mark));

export function parseCardMarks(raw: unknown): CardMarks {
  const parsed = Marks.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** `marks` with one card's mark changed; the conversation moves to the newest place. */
export function markCard(marks: CardMarks, conversationId: string, recommendationId: string, change: CardMark): CardMarks {
  const { [conversationId]: conversation = {}, ...others } = marks;
  const next = { ...others, [conversationId]: { ...conversation, [recommendationId]: { ...conversation[recommendationId], ...change } } };
  const ids = Object.keys(next);
  return ids.length <= MAX_CONVERSATIONS ? next : Object.fromEntries(ids.slice(-MAX_CONVERSATIONS).map((id) => [id, next[id]!]));
}

/** Forgets the dismissals of one conversation (the "Show dismissed" button), keeping ratings. */
export function restoreDismissed(marks: CardMarks, conversationId: string): CardMarks {
  const conversation = marks[conversationId];
  if (!conversation) return marks;
  const kept = Object.fromEntries(Object.entries(conversation).map(([id, mark]) => [id, { ...mark, dismissed: false }]));
  return { ...marks, [conversationId]: kept };
}
