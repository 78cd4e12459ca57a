import type { Settings } from '../../shared/settings';
import type { ApiClient } from '../genesys/api-client';
import { ApiError } from '../genesys/api-error';
import type { RecommendationProvider } from './provider';
import { createRecommendationsQueryProvider } from './recommendations-query';

/** The adapter the settings name. An adapter we do not have is an error the agent sees, never a silent substitute. */
export function selectProvider(settings: Settings, api: ApiClient): RecommendationProvider {
  switch (settings.provider) {
    case 'recommendations-query':
      return createRecommendationsQueryProvider(api);
    case 'conversation-suggestions':
      return {
        id: 'conversation-suggestions',
        needsTranscript: false,
        fetch: () => Promise.reject(new ApiError('http', 'The conversation-suggestions provider is not available in this version', { status: 501 })),
      };
  }
}
