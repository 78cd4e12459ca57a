import type { Settings } from '../../shared/settings';
import type { ApiClient } from '../genesys/api-client';
import { createConversationSuggestionsProvider, type ConversationSuggestionsDeps } from './conversation-suggestions';
import type { RecommendationProvider } from './provider';
import { createRecommendationsQueryProvider } from './recommendations-query';
import { createKnowledgeSearchProvider } from './knowledge-search';
import type { KnowledgeBaseDirectory } from '../knowledge/knowledge-bases';

/** What the Agent Copilot adapter needs beyond the API client: its suggestion store and live feed. */
export type CopilotParts = Omit<ConversationSuggestionsDeps, 'api'>;

/** The adapter the settings name; switching the setting switches the adapter on the next run. */
export function selectProvider(settings: Settings, api: ApiClient, copilot: CopilotParts, directory: KnowledgeBaseDirectory): RecommendationProvider {
  switch (settings.provider) {
    case 'recommendations-query':
      return createRecommendationsQueryProvider(api, { redact: settings.redactOutgoingText });
    case 'conversation-suggestions':
      return createConversationSuggestionsProvider({ api, knowledgeBases: directory, ...copilot });
    case 'knowledge-search':
      return createKnowledgeSearchProvider({ api, directory, settings });
  }
}
