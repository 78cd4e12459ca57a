import type { Recommendation } from '../../shared/recommendation';
import type { ApiClient } from '../genesys/api-client';
import { RecommendationsQueryItem, RecommendationsQueryResponse, type RecommendationsQueryRequest } from '../genesys/schemas';
import { formatTranscript } from '../pipeline/transcript';
import { redactText } from '../audit/redact';
import type { ProviderQuery, ProviderResult, RecommendationProvider } from './provider';

export const RECOMMENDATIONS_QUERY_PATH = '/api/v2/agentassist/recommendations/query';

/** Maps the contract's items to our model; invalid ones are counted, never shown, never fatal. */
export function mapQueryItems(items: readonly unknown[]): ProviderResult {
  const mapped: Recommendation[] = [];
  let invalidCount = 0;
  for (const raw of items) {
    const parsed = RecommendationsQueryItem.safeParse(raw);
    if (!parsed.success) {
      invalidCount++;
      continue;
    }
    const item = parsed.data;
    mapped.push({
      id: item.id,
      title: item.title,
      content: item.content,
      relevanceScore: item.relevanceScore,
      publishedDate: item.publishedDate,
      sourceId: item.sourceId,
      ...(item.sourceName !== undefined && { sourceName: item.sourceName }),
      ...(item.url !== undefined && { url: item.url }),
      ...(item.matchedTerms !== undefined && { matchedTerms: item.matchedTerms }),
    });
  }
  return { items: mapped, invalidCount };
}

/** The `recommendations-query` contract the original service was written against (docs/genesys-api.md). */
export function createRecommendationsQueryProvider(api: ApiClient, options: { redact: boolean } = { redact: true }): RecommendationProvider {
  return {
    id: 'recommendations-query',
    needsTranscript: true,
    async fetch(query: ProviderQuery, signal: AbortSignal): Promise<ProviderResult> {
      const body: RecommendationsQueryRequest = {
        interactionContext: {
          conversationId: query.conversationId,
          // The organisation's own service does not hold the conversation: customer data is masked (redactOutgoingText).
          transcript: options.redact ? redactText(formatTranscript(query.transcript)) : formatTranscript(query.transcript),
          channel: query.channel ?? 'unknown',
        },
        agentProfile: { agentId: query.agent.id, skills: [...query.agent.skills] },
        knowledgeBaseIds: [...query.knowledgeBaseIds],
      };
      const response = await api.request({ method: 'POST', path: RECOMMENDATIONS_QUERY_PATH, body, schema: RecommendationsQueryResponse, signal });
      return mapQueryItems(response.items);
    },
  };
}
