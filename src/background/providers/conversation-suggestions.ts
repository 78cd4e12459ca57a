import type { ApiClient } from '../genesys/api-client';
import { SuggestionListing } from '../genesys/copilot-schemas';
import { mapSuggestions } from '../copilot/suggestion-mapping';
import type { SuggestionStore } from '../copilot/suggestion-store';
import type { CannedResponseReader } from '../copilot/canned-responses';
import type { ProviderQuery, ProviderResult, RecommendationProvider } from './provider';

/**
 * The `conversation-suggestions` provider: real Genesys Cloud Agent Copilot (docs/genesys-api.md).
 * Copilot decides what to suggest from the conversation it hears itself, so we ask by
 * conversation only. Suggestions arrive live over the notification socket into the store; when
 * the store has been backfilled since the socket's subscriptions began, it is complete and no API
 * call is made. Otherwise (first look, after a reconnect, after the worker died, when polling) the
 * REST listing is read in full (`nextUri` paging) and becomes the store's truth.
 */
export const SUGGESTIONS_PAGE_SIZE = 50;
/** 10 × 50: far beyond one conversation's suggestions; a bound, in case `nextUri` never ends. */
export const MAX_SUGGESTION_PAGES = 10;
/** Setting up the socket must not hold the first answer hostage. */
export const LIVE_SETUP_WAIT_MS = 5000;

export function suggestionsPath(conversationId: string): string {
  return `/api/v2/conversations/${encodeURIComponent(conversationId)}/suggestions`;
}

export interface LiveSuggestions {
  /** Makes sure this conversation's suggestion events flow; since when (epoch ms) they do, or null. */
  watch(conversationId: string): Promise<number | null>;
}

export interface ConversationSuggestionsDeps {
  api: ApiClient;
  store: SuggestionStore;
  live: LiveSuggestions;
  /** Reads canned responses' text (response management); without it they stay ids. */
  responses?: CannedResponseReader;
  now?: () => number;
}

/** Every page of the listing, following `nextUri` (a path on the same API host). */
export async function fetchAllSuggestions(api: ApiClient, conversationId: string, signal: AbortSignal): Promise<unknown[]> {
  const entities: unknown[] = [];
  let path = suggestionsPath(conversationId);
  let query: Record<string, string> | undefined = { pageSize: String(SUGGESTIONS_PAGE_SIZE) };
  for (let page = 0; page < MAX_SUGGESTION_PAGES; page++) {
    const listing = await api.request({ method: 'GET', path, ...(query && { query }), schema: SuggestionListing, signal });
    entities.push(...(listing.entities ?? []));
    const next = listing.nextUri;
    if (!next) break;
    // nextUri is relative to the API host and carries its own query (the `after` cursor).
    const url = new URL(next, 'https://api.invalid');
    if (url.origin !== 'https://api.invalid' || !url.pathname.startsWith(suggestionsPath(conversationId))) break;
    path = `${url.pathname}${url.search}`;
    query = undefined;
  }
  return entities;
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

async function toResult(entries: readonly { suggestion: unknown }[], responses: CannedResponseReader | undefined, signal: AbortSignal): Promise<ProviderResult> {
  const mapped = mapSuggestions(entries.map((entry) => entry.suggestion));
  if (!responses) return { items: mapped.items, others: mapped.others, invalidCount: mapped.invalidCount };
  const resolved = await responses.resolve(mapped.others, signal);
  return { items: [...mapped.items, ...resolved.cards], others: resolved.others, invalidCount: mapped.invalidCount };
}

export function createConversationSuggestionsProvider(deps: ConversationSuggestionsDeps): RecommendationProvider {
  const now = deps.now ?? Date.now;
  return {
    id: 'conversation-suggestions',
    // The store is this provider's cache, kept current by live events; the transcript-keyed
    // recommendation cache would hide suggestions that arrived since.
    cacheable: false,
    // Copilot suggests from the conversation itself, before anything is said on our side.
    needsTranscript: false,
    async fetch(query: ProviderQuery, signal: AbortSignal): Promise<ProviderResult> {
      const { conversationId } = query;
      // Subscribe first, then backfill: whatever is made in between arrives live, so nothing falls in a gap.
      const liveSince = await withTimeout(deps.live.watch(conversationId), LIVE_SETUP_WAIT_MS, null);
      const stored = await deps.store.read(conversationId);
      if (liveSince !== null && stored && stored.syncedAt !== null && stored.syncedAt >= liveSince) return toResult(stored.entries, deps.responses, signal);
      const startedAt = now();
      const listed = await fetchAllSuggestions(deps.api, conversationId, signal);
      const updated = await deps.store.replace(conversationId, listed, startedAt);
      return toResult(updated.entries, deps.responses, signal);
    },
  };
}
