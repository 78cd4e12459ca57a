import * as z from 'zod/mini';
import { browser } from '../../shared/browser';
import { createSerialQueue } from '../serial-queue';
import { replaceWithListing, upsertSuggestion, type StoredSuggestion } from './suggestion-merge';

/**
 * The one owner of each conversation's known Copilot suggestions (storage.session
 * `copilot:suggestions:<conversationId>`), fed by live events and REST backfills. It outlives the
 * worker; `syncedAt` says when a backfill last started, so the provider knows whether live
 * events since then cover everything.
 */
const PREFIX = 'copilot:suggestions:';

const StoredConversation = z.object({
  syncedAt: z.nullable(z.number()),
  entries: z.array(z.object({ id: z.string(), receivedAt: z.number(), suggestion: z.unknown() })),
});
export type StoredConversation = z.infer<typeof StoredConversation>;

export interface SuggestionStore {
  read(conversationId: string): Promise<StoredConversation | null>;
  upsert(conversationId: string, suggestion: unknown, receivedAt: number): Promise<StoredConversation>;
  replace(conversationId: string, listed: readonly unknown[], startedAt: number): Promise<StoredConversation>;
}

export function createSuggestionStore(): SuggestionStore {
  // Live events and backfills both read-modify-write a conversation's entry: one at a time per
  // conversation, so neither loses the other's.
  const conversations = createSerialQueue();

  async function read(conversationId: string): Promise<StoredConversation | null> {
    const key = `${PREFIX}${conversationId}`;
    const stored = await browser.storage.session.get(key);
    const parsed = StoredConversation.safeParse(stored[key]);
    return parsed.success ? parsed.data : null;
  }

  async function write(conversationId: string, value: StoredConversation): Promise<StoredConversation> {
    await browser.storage.session.set({ [`${PREFIX}${conversationId}`]: value });
    return value;
  }

  return {
    read,
    upsert: (conversationId, suggestion, receivedAt) =>
      conversations.run(conversationId, async () => {
        const current = await read(conversationId);
        const entries: StoredSuggestion[] = upsertSuggestion(current?.entries ?? [], suggestion, receivedAt);
        return write(conversationId, { syncedAt: current?.syncedAt ?? null, entries });
      }),
    replace: (conversationId, listed, startedAt) =>
      conversations.run(conversationId, async () => {
        const current = await read(conversationId);
        return write(conversationId, { syncedAt: startedAt, entries: replaceWithListing(current?.entries ?? [], listed, startedAt) });
      }),
  };
}
