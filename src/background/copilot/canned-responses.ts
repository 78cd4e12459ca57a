import * as z from 'zod/mini';
import type { OtherSuggestion, Recommendation } from '../../shared/recommendation';
import type { ApiClient } from '../genesys/api-client';

/**
 * Agent Copilot suggests a canned response by reference only (`SuggestionCannedResponse`: response
 * and library ids). Its text lives in response management: `GET
 * /api/v2/responsemanagement/responses/{responseId}` (`Response`: `name`, `texts[]` of
 * `ResponseText {content, contentType}`, `libraries[]`; permission `responses:response:view`).
 * A response we can read becomes a card like an article, so the agent can read, copy and insert
 * it, and the same engagements go to Copilot; one we cannot read stays in the other group by id.
 */
export const ResponseManagementResponse = z.looseObject({
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  libraries: z.optional(z.array(z.looseObject({ id: z.optional(z.string()), name: z.optional(z.string()) }))),
  texts: z.optional(z.array(z.looseObject({ content: z.optional(z.string()), contentType: z.optional(z.string()) }))),
});
export type ResponseManagementResponse = z.infer<typeof ResponseManagementResponse>;

/** Responses change rarely; a few minutes spares a call per suggestion per context. */
export const RESPONSE_CACHE_MS = 5 * 60_000;

export function responsePath(responseId: string): string {
  return `/api/v2/responsemanagement/responses/${encodeURIComponent(responseId)}`;
}

/** The response as a card: plain text preferred over HTML (the panel sanitises HTML either way). */
export function cannedResponseCard(suggestion: OtherSuggestion, response: ResponseManagementResponse): Recommendation | null {
  const texts = response.texts ?? [];
  const text = (texts.find((entry) => entry.contentType === 'text/plain') ?? texts[0])?.content?.trim();
  const title = response.name?.trim();
  if (!text || !title) return null;
  const library = response.libraries?.[0];
  return {
    id: suggestion.id,
    title: title.slice(0, 500),
    content: text.slice(0, 20_000),
    // Chosen by a rule, with no confidence: shown as such, after the ranked cards.
    relevanceScore: 0,
    ruleTriggered: true,
    publishedDate: null,
    sourceId: library?.id ?? 'responses',
    ...(library?.name && { sourceName: library.name }),
    kind: 'CannedResponse',
    ...(suggestion.trigger !== undefined && { trigger: suggestion.trigger }),
  };
}

export interface CannedResponseReader {
  /** The other suggestions with every readable canned response moved to the cards. */
  resolve(others: readonly OtherSuggestion[], signal: AbortSignal): Promise<{ cards: Recommendation[]; others: OtherSuggestion[] }>;
}

export function createCannedResponseReader(api: ApiClient, now: () => number = Date.now): CannedResponseReader {
  const cache = new Map<string, { at: number; response: ResponseManagementResponse }>();
  async function read(responseId: string, signal: AbortSignal): Promise<ResponseManagementResponse | null> {
    const hit = cache.get(responseId);
    if (hit && now() - hit.at < RESPONSE_CACHE_MS) return hit.response;
    try {
      const response = await api.request({ method: 'GET', path: responsePath(responseId), schema: ResponseManagementResponse, signal });
      cache.set(responseId, { at: now(), response });
      return response;
    } catch (error) {
      // No permission or gone: the suggestion stays visible by its ids.
      console.warn('[agent-assist] could not read canned response', responseId, error);
      return null;
    }
  }
  return {
    async resolve(others, signal) {
      const cards: Recommendation[] = [];
      const left: OtherSuggestion[] = [];
      await Promise.all(
        others.map(async (entry) => {
          const response = entry.responseId ? await read(entry.responseId, signal) : null;
          const card = response ? cannedResponseCard(entry, response) : null;
          if (card) cards.push(card);
          else left.push(entry);
        }),
      );
      // Keep the listing's order among what is left.
      left.sort((a, b) => others.indexOf(a) - others.indexOf(b));
      return { cards, others: left };
    },
  };
}
