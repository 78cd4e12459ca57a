import type { ApiClient } from '../genesys/api-client';
import { SuggestionListing } from '../genesys/copilot-schemas';
import { mapSuggestions } from '../copilot/suggestion-mapping';
import type { SuggestionStore } from '../copilot/suggestion-store';
import type { CannedResponseReader } from '../copilot/canned-responses';
import type { KnowledgeBase } from '../knowledge/knowledge-bases';
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
  /**
   * The organisation's knowledge bases: Copilot's articles name their knowledge base only by id (in
   * the document's selfUri), which the agent must never see. Without it, or when the listing fails
   * or is slow, the cards keep the id.
   */
  knowledgeBases?: { names(signal?: AbortSignal): Promise<KnowledgeBase[]> };
  now?: () => number;
}

/** How long the first answer may wait for knowledge base names (the listing is remembered afterwards). */
export const KNOWLEDGE_BASE_NAMES_WAIT_MS = 2000;

/** Gives each item whose source is a listed knowledge base that base's display name. */
export function nameKnowledgeBases<T extends { sourceId: string; sourceName?: string }>(items: readonly T[], bases: readonly KnowledgeBase[]): T[] {
  const names = new Map(bases.flatMap((base) => (base.name ? [[base.id, base.name] as const] : [])));
  return items.map((item) => {
    const name = item.sourceName === undefined ? names.get(item.sourceId) : undefined;
    return name === undefined ? item : { ...item, sourceName: name };
  });
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

async function toResult(entries: readonly { suggestion: unknown }[], deps: ConversationSuggestionsDeps, bases: readonly KnowledgeBase[], signal: AbortSignal): Promise<ProviderResult> {
  const mapped = mapSuggestions(entries.map((entry) => entry.suggestion));
  const items = nameKnowledgeBases(mapped.items, bases);
  if (!deps.responses) return { items, others: mapped.others, invalidCount: mapped.invalidCount };
  const resolved = await deps.responses.resolve(mapped.others, signal);
  return { items: [...items, ...resolved.cards], others: resolved.others, invalidCount: mapped.invalidCount };
}

export function createConversationSuggestionsProvider(deps: ConversationSuggestionsDeps): RecommendationProvider {
  const now = deps.now ?? Date.now;
  const knowledgeBaseNames = (signal: AbortSignal): Promise<readonly KnowledgeBase[]> =>
    deps.knowledgeBases ? withTimeout(deps.knowledgeBases.names(signal), KNOWLEDGE_BASE_NAMES_WAIT_MS, []) : Promise.resolve([]);
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
      if (liveSince !== null && stored && stored.syncedAt !== null && stored.syncedAt >= liveSince) return toResult(stored.entries, deps, await knowledgeBaseNames(signal), signal);
      const startedAt = now();
      const listed = await fetchAllSuggestions(deps.api, conversationId, signal);
      const updated = await deps.store.replace(conversationId, listed, startedAt);
      return toResult(updated.entries, deps, await knowledgeBaseNames(signal), signal);
    },
  };
}
