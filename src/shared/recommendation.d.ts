import * as z from 'zod/mini';
/** Our model of one recommendation, whatever provider produced it. */
export declare const Recommendation: z.ZodMiniObject<{
    id: z.ZodMiniString<string>;
    title: z.ZodMiniString<string>;
    content: z.ZodMiniString<string>;
    relevanceScore: z.ZodMiniNumber<number>;
    publishedDate: z.ZodMiniNullable<z.ZodMiniString<string>>;
    sourceId: z.ZodMiniString<string>;
    sourceName: z.ZodMiniOptional<z.ZodMiniString<string>>;
    url: z.ZodMiniOptional<z.ZodMiniString<string>>;
}, z.core.$strip>;
export type Recommendation = z.infer<typeof Recommendation>;
export declare const HIDDEN_REASONS: readonly ["low-score", "too-old"];
export declare const HiddenReason: z.ZodMiniEnum<{
    "low-score": "low-score";
    "too-old": "too-old";
}>;
export type HiddenReason = z.infer<typeof HiddenReason>;
export declare const HiddenRecommendation: z.ZodMiniObject<{
    recommendation: z.ZodMiniObject<{
        id: z.ZodMiniString<string>;
        title: z.ZodMiniString<string>;
        content: z.ZodMiniString<string>;
        relevanceScore: z.ZodMiniNumber<number>;
        publishedDate: z.ZodMiniNullable<z.ZodMiniString<string>>;
        sourceId: z.ZodMiniString<string>;
        sourceName: z.ZodMiniOptional<z.ZodMiniString<string>>;
        url: z.ZodMiniOptional<z.ZodMiniString<string>>;
    }, z.core.$strip>;
    reason: z.ZodMiniEnum<{
        "low-score": "low-score";
        "too-old": "too-old";
    }>;
}, z.core.$strip>;
export type HiddenRecommendation = z.infer<typeof HiddenRecommendation>;
