import type { CardMark, CardMarks } from './connector';
import { bool, NO, object, oneOf, optional } from './shape-check';

/**
 * Ratings and dismissals per conversation and card (storage.session `panel:card-marks`, written
 * by the panel only). The events themselves go to the worker; this is just what the panel shows,
 * so reopening it does not bring dismissed cards back. Only the newest conversations are kept.
 */
export const CARD_MARKS_KEY = 'panel:card-marks';
export const MAX_CONVERSATIONS = 50;

const checkMark = object({ rating: optional(oneOf(['helpful', 'not_helpful'] as const)), dismissed: optional(bool) });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The stored marks, or none when they are not that shape. Checked by hand (the panel loads no zod
 * at start, docs/performance.md P8); src/sidepanel/card-marks.test.ts holds it to a zod record.
 */
export function parseCardMarks(raw: unknown): CardMarks {
  if (!isPlainObject(raw)) return {};
  const marks: CardMarks = {};
  for (const [conversationId, cards] of Object.entries(raw)) {
    if (!isPlainObject(cards)) return {};
    const conversation: Record<string, CardMark> = {};
    for (const [cardId, mark] of Object.entries(cards)) {
      const checked = checkMark(mark);
      if (checked === NO) return {};
      conversation[cardId] = checked;
    }
    marks[conversationId] = conversation;
  }
  return marks;
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
