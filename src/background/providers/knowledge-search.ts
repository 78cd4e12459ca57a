import type { Channel } from '../../shared/conversation';
import type { Settings } from '../../shared/settings';
import type { ApiClient } from '../genesys/api-client';
import { MAX_ANSWER_HIGHLIGHT_RESULTS, type KnowledgeDocumentSearchRequest, type KnowledgeMediaType, type KnowledgeSearchClientApplication } from '../genesys/knowledge-schemas';
import { buildAutoQuery } from '../knowledge/auto-query';
import type { KnowledgeBaseDirectory } from '../knowledge/knowledge-bases';
import { searchKnowledgeBases } from '../knowledge/search-bases';
import type { ProviderQuery, ProviderResult, RecommendationProvider } from './provider';

/**
 * The `knowledge-search` provider: Genesys Knowledge alone, for organisations without Agent
 * Copilot. Each context becomes an `AutoSearch` in the configured knowledge bases (or the ones the
 * API lists), in parallel, merged by confidence. The query is the customer's latest words
 * (knowledge/auto-query.ts); the conversation goes along as `conversationContext` so Genesys's
 * knowledge analytics can tie searches, views and feedback to it.
 */

/**
 * `application` on every Knowledge call. The type list has no value for a third-party client:
 * `Assistant` needs an Agent Copilot assistant, `BotFlow` a bot flow, `MessengerKnowledgeApp` and
 * `SupportCenter` a customer-facing deployment; `SmartAdvisor` is the agent-facing knowledge
 * surface (the search preview simulates only it and `BotFlow`) and takes no reference, so it is
 * what an agent-side tool sends. docs/genesys-api.md explains the choice.
 */
export const KNOWLEDGE_APPLICATION: KnowledgeSearchClientApplication = { type: 'SmartAdvisor' };
/** Per knowledge base; the merged list is cut by the panel's thresholds. */
export const AUTO_SEARCH_PAGE_SIZE = 10;
/**
 * Results below this confidence are not worth a card even in the hidden list. Lower than any
 * sensible `minRelevanceScore`, so the threshold (and "show hidden") still decides what is shown.
 */
export const AUTO_SEARCH_CONFIDENCE_FLOOR = 0.4;
/** Answer highlights for the best few results (the API allows 1–5). */
export const AUTO_SEARCH_HIGHLIGHTS = Math.min(3, MAX_ANSWER_HIGHLIGHT_RESULTS);

const MEDIA_TYPES: Record<Channel, KnowledgeMediaType> = {
  voice: 'Voice',
  chat: 'Chat',
  message: 'Message',
  email: 'Email',
  callback: 'Callback',
  unknown: 'Unknown',
};

export function mediaTypeOf(channel: Channel | null): KnowledgeMediaType | undefined {
  return channel === null ? undefined : MEDIA_TYPES[channel];
}

export function buildAutoSearchRequest(query: string, conversationId: string, channel: Channel | null, settings: Pick<Settings, 'minRelevanceScore'>): KnowledgeDocumentSearchRequest {
  const mediaType = mediaTypeOf(channel);
  return {
    query,
    pageSize: AUTO_SEARCH_PAGE_SIZE,
    queryType: 'AutoSearch',
    application: KNOWLEDGE_APPLICATION,
    conversationContext: { conversationId, ...(mediaType !== undefined && { mediaType }) },
    confidenceThreshold: Math.min(AUTO_SEARCH_CONFIDENCE_FLOOR, settings.minRelevanceScore),
    answerHighlightTopResults: AUTO_SEARCH_HIGHLIGHTS,
    answerMode: ['AnswerHighlight'],
  };
}

export interface KnowledgeSearchDeps {
  api: ApiClient;
  directory: KnowledgeBaseDirectory;
  settings: Pick<Settings, 'knowledgeBaseIds' | 'minRelevanceScore'>;
}

export function createKnowledgeSearchProvider(deps: KnowledgeSearchDeps): RecommendationProvider {
  return {
    id: 'knowledge-search',
    needsTranscript: true,
    canAsk: (transcript) => buildAutoQuery(transcript) !== null,
    async fetch(query: ProviderQuery, signal: AbortSignal): Promise<ProviderResult> {
      const text = buildAutoQuery(query.transcript);
      if (text === null) return { items: [], invalidCount: 0 };
      const bases = await deps.directory.toSearch(query.knowledgeBaseIds, signal);
      if (bases.length === 0) return { items: [], invalidCount: 0 };
      const body = buildAutoSearchRequest(text, query.conversationId, query.channel, deps.settings);
      const mediaType = body.conversationContext?.mediaType;
      const outcome = await searchKnowledgeBases(deps.api, bases, body, { queryType: 'AutoSearch', ...(mediaType !== undefined && { mediaType }) }, signal);
      return { items: outcome.items, invalidCount: outcome.invalidCount, ...(outcome.problems.length > 0 && { sourceProblems: outcome.problems }) };
    },
  };
}
