import * as z from 'zod/mini';

/**
 * Every Genesys (and recommendations-query) payload the worker reads, in one place. Envelopes are
 * loose (new fields are fine), the fields we use are checked.
 */

/** `{message, code, status, contextId, details[], errors[]}` (docs/genesys-api.md "Errors and limits"). */
export const GenesysErrorBody = z.looseObject({
  message: z.optional(z.string()),
  code: z.optional(z.string()),
  status: z.optional(z.number()),
  contextId: z.optional(z.string()),
});

/** GET /api/v2/users/me?expand=skills */
export const UserMe = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  skills: z.optional(
    z.array(
      z.looseObject({
        id: z.optional(z.string()),
        name: z.string(),
      }),
    ),
  ),
});
export type UserMe = z.infer<typeof UserMe>;

/** POST /api/v2/agentassist/recommendations/query: the envelope. Items are checked one by one. */
export const RecommendationsQueryResponse = z.looseObject({
  items: z.array(z.unknown()),
  nextPageToken: z.optional(z.nullable(z.string())),
});

export const RecommendationsQueryItem = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(256)),
  title: z.string().check(z.minLength(1), z.maxLength(500)),
  content: z.string().check(z.maxLength(20_000)),
  relevanceScore: z.number().check(z.gte(0), z.lte(1)),
  publishedDate: z.iso.datetime({ offset: true }),
  sourceId: z.string(),
  // Optional, and dropped rather than failing the item when malformed: a service written to the
  // original contract sends none of them.
  /** The knowledge base's display name. */
  sourceName: z.catch(z.optional(z.string().check(z.minLength(1), z.maxLength(200))), undefined),
  /** Where the whole article can be read. */
  url: z.catch(z.optional(z.string().check(z.maxLength(2000))), undefined),
  /** The terms of the conversation that matched the article. */
  matchedTerms: z.catch(z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(80))).check(z.maxLength(12))), undefined),
});
export type RecommendationsQueryItem = z.infer<typeof RecommendationsQueryItem>;

export interface RecommendationsQueryRequest {
  interactionContext: { conversationId: string; transcript: string; channel: string };
  agentProfile: { agentId: string; skills: string[] };
  knowledgeBaseIds: string[];
}
