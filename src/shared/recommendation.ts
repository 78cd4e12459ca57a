import * as z from 'zod/mini';

/**
 * What Genesys Knowledge needs to credit an engagement to the document the agent saw (the
 * `knowledge-search` provider sets it; the engagement calls want variation and version ids, the
 * search that surfaced it, and how it was shown). Ids only: nothing the agent typed.
 */
export const KnowledgeRef = z.object({
  documentId: z.string().check(z.minLength(1), z.maxLength(256)),
  knowledgeBaseId: z.string().check(z.minLength(1), z.maxLength(256)),
  variationId: z.string().check(z.minLength(1), z.maxLength(256)),
  versionId: z.string().check(z.minLength(1), z.maxLength(256)),
  searchId: z.optional(z.string().check(z.maxLength(256))),
  /** `surfacingMethod` of the card: a highlighted answer, or a snippet of the article. */
  surfacing: z.enum(['Highlight', 'Snippet']),
  queryType: z.enum(['AutoSearch', 'ManualSearch']),
  /** `KnowledgeConversationContext.mediaType` of the conversation it was found for. */
  mediaType: z.optional(z.string().check(z.maxLength(32))),
});
export type KnowledgeRef = z.infer<typeof KnowledgeRef>;

/** Our model of one recommendation, whatever provider produced it. */
export const Recommendation = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(256)),
  title: z.string().check(z.minLength(1), z.maxLength(500)),
  /** Plain text, or article HTML that the panel sanitises before showing. Never trusted. */
  content: z.string().check(z.maxLength(20_000)),
  relevanceScore: z.number().check(z.gte(0), z.lte(1)),
  /** RFC 3339, or null when the provider does not say. Unknown age is shown as unknown. */
  publishedDate: z.nullable(z.string()),
  sourceId: z.string(),
  sourceName: z.optional(z.string()),
  url: z.optional(z.string()),
  /** What kind of suggestion it is, when the provider says (Genesys `Suggestion.type`: KnowledgeSearch, Faq…). */
  kind: z.optional(z.string().check(z.maxLength(64))),
  /** Why it was suggested, when the provider says (Genesys `triggerType`: Intent, Fallback…). */
  trigger: z.optional(z.string().check(z.maxLength(64))),
  /** The terms of the conversation that matched, when the provider says. */
  matchedTerms: z.optional(z.array(z.string().check(z.maxLength(80))).check(z.maxLength(12))),
  /** The customer's line it answers: the provider's, or the last customer turn the query was built from. */
  customerLine: z.optional(z.string().check(z.maxLength(400))),
  /**
   * Chosen by a rule (an Agent Copilot intent), not ranked: the provider gave no confidence, so
   * `relevanceScore` is 0 and means nothing. Such a card is not held to `minRelevanceScore`, shows
   * its trigger instead of a score, and comes after the ranked cards (filter-recommendations.ts).
   */
  ruleTriggered: z.optional(z.boolean()),
  /** Genesys Knowledge ids for native engagement (`knowledge-search` provider only). */
  knowledge: z.optional(KnowledgeRef),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const HIDDEN_REASONS = ['low-score', 'too-old'] as const;
export const HiddenReason = z.enum(HIDDEN_REASONS);
export type HiddenReason = z.infer<typeof HiddenReason>;

export const HiddenRecommendation = z.object({
  recommendation: Recommendation,
  reason: HiddenReason,
});
export type HiddenRecommendation = z.infer<typeof HiddenRecommendation>;

/**
 * A suggestion that is not an article to read (a canned response, a script page, a third-party
 * suggestion, or a type we do not know yet): shown in its own group rather than dropped silently.
 */
export const OtherSuggestion = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(256)),
  /** The provider's type (Genesys `Suggestion.type`): CannedResponse, Script, ThirdPartySuggestion… */
  kind: z.string().check(z.maxLength(64)),
  title: z.string().check(z.maxLength(500)),
  /** Plain text: what to say or do, or the references the provider gave. Never trusted as HTML. */
  detail: z.string().check(z.maxLength(5000)),
  trigger: z.optional(z.string().check(z.maxLength(64))),
  url: z.optional(z.string()),
  /** A canned response's id in response management, while its text could not be read. */
  responseId: z.optional(z.string().check(z.maxLength(256))),
});
export type OtherSuggestion = z.infer<typeof OtherSuggestion>;
