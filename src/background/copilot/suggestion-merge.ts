/**
 * Pure rules for one conversation's suggestions as the worker knows them: live events add or
 * update one suggestion; a REST backfill is the truth for what it lists, but a suggestion that
 * arrived live while the backfill was in flight is kept (the listing may predate it).
 */
export interface StoredSuggestion {
  id: string;
  /** When we learnt of this version of it (epoch ms). */
  receivedAt: number;
  /** As the API or the event sent it (REST-shaped); validated when mapped. */
  suggestion: unknown;
}

/** Per conversation: a long Copilot session makes dozens, not hundreds. */
export const MAX_SUGGESTIONS_PER_CONVERSATION = 200;

function idOf(raw: unknown, fallback: string): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : fallback;
}

function bounded(entries: StoredSuggestion[]): StoredSuggestion[] {
  return entries.length > MAX_SUGGESTIONS_PER_CONVERSATION ? entries.slice(-MAX_SUGGESTIONS_PER_CONVERSATION) : entries;
}

export function upsertSuggestion(entries: readonly StoredSuggestion[], suggestion: unknown, receivedAt: number): StoredSuggestion[] {
  const id = idOf(suggestion, `#unnamed-${receivedAt}`);
  const next = entries.filter((entry) => entry.id !== id);
  next.push({ id, receivedAt, suggestion });
  return bounded(next);
}

export function replaceWithListing(entries: readonly StoredSuggestion[], listed: readonly unknown[], startedAt: number): StoredSuggestion[] {
  const fresh = listed.map((suggestion, index) => ({ id: idOf(suggestion, `#invalid-${index}`), receivedAt: startedAt, suggestion }));
  const listedIds = new Set(fresh.map((entry) => entry.id));
  const arrivedMeanwhile = entries.filter((entry) => entry.receivedAt > startedAt && !listedIds.has(entry.id));
  return bounded([...fresh, ...arrivedMeanwhile]);
}
