import * as z from 'zod/mini';

/**
 * Kinds of content a provider may suggest (Agent Copilot's suggestion types, folded): shown as a
 * badge; absent means an article.
 */
export const RECOMMENDATION_TYPES = ['article', 'faq', 'answer', 'canned-response', 'script'] as const;
export const RecommendationType = z.enum(RECOMMENDATION_TYPES);
export type RecommendationType = z.infer<typeof RecommendationType>;

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
  type: z.optional(RecommendationType),
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
