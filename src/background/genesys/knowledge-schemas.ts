import * as z from 'zod/mini';

/**
 * Genesys Knowledge API shapes (search, knowledge bases, and the four engagement calls), in one
 * place, checked against the official SDK's typings (`purecloud-platform-client-v2` 262,
 * `index.d.ts`: `KnowledgeDocumentSearchRequest`, `KnowledgeDocumentSearch`,
 * `KnowledgeDocumentPresentation`, `KnowledgeDocumentView`, `KnowledgeDocumentCopy`,
 * `KnowledgeDocumentFeedback`, `KnowledgeSearchClientApplication`); the enum values, which the
 * TypeScript typings leave as `string`, are the SDK models' enums. Responses are loose objects with
 * only the fields we read, each optional where the typings say so; request bodies are built by us
 * and typed, and strict schemas (for tests and the simulator) say exactly what a body may hold.
 * docs/genesys-api.md lists the permission each call needs.
 */

/** `KnowledgeDocumentSearchRequest.queryType`. */
export const SEARCH_QUERY_TYPES = ['AutoSearch', 'ManualSearch', 'Suggestion'] as const;
export type SearchQueryType = (typeof SEARCH_QUERY_TYPES)[number];
/** `queryType` on presentations, views, copies and feedback (a wider enum than the search's). */
export const ENGAGEMENT_QUERY_TYPES = ['Unknown', 'Article', 'AutoSearch', 'Category', 'ManualSearch', 'Recommendation', 'Suggestion'] as const;
/** `surfacingMethod`: the whole article, a snippet, or a highlighted answer in a snippet. */
export const SURFACING_METHODS = ['Unknown', 'Article', 'Snippet', 'Highlight'] as const;
export type SurfacingMethod = (typeof SURFACING_METHODS)[number];
/** `KnowledgeDocumentFeedback.rating` and `.reason`. */
export const FEEDBACK_RATINGS = ['Positive', 'Negative'] as const;
export const FEEDBACK_REASONS = ['DocumentContent', 'SearchResults'] as const;
export type KnowledgeFeedbackReason = (typeof FEEDBACK_REASONS)[number];
/** `KnowledgeDocumentFeedback.comment`: "Maximum length: 2000 characters". */
export const FEEDBACK_COMMENT_MAX = 2000;
/** `KnowledgeSearchClientApplication.type`. */
export const APPLICATION_TYPES = ['Assistant', 'BotFlow', 'MessengerKnowledgeApp', 'SmartAdvisor', 'SupportCenter'] as const;
/** `KnowledgeConversationContext.mediaType`. */
export const KNOWLEDGE_MEDIA_TYPES = ['Unknown', 'Callback', 'Chat', 'Cobrowse', 'Email', 'Message', 'Screenshare', 'Video', 'Voice'] as const;
export type KnowledgeMediaType = (typeof KNOWLEDGE_MEDIA_TYPES)[number];
/** `KnowledgeDocumentSearchRequest.answerMode` items. */
export const ANSWER_MODES = ['AnswerHighlight', 'AnswerGeneration'] as const;
/** `answerHighlightTopResults`: "Can range from 1-5". */
export const MAX_ANSWER_HIGHLIGHT_RESULTS = 5;
/** "Maximum of 30 records per query can be fetched." */
export const MAX_SEARCH_PAGE_SIZE = 30;

/** `KnowledgeSearchClientApplication`: only `type` is required (the refs go with other types). */
export const KnowledgeSearchClientApplication = z.strictObject({ type: z.enum(APPLICATION_TYPES) });
export type KnowledgeSearchClientApplication = z.infer<typeof KnowledgeSearchClientApplication>;

/** `KnowledgeConversationContext` (the fields we send). */
export const KnowledgeConversationContext = z.strictObject({
  conversationId: z.string().check(z.minLength(1)),
  mediaType: z.optional(z.enum(KNOWLEDGE_MEDIA_TYPES)),
});
export type KnowledgeConversationContext = z.infer<typeof KnowledgeConversationContext>;

/** `KnowledgeDocumentSearchRequest` (the fields we send). */
export const KnowledgeDocumentSearchRequest = z.strictObject({
  query: z.string().check(z.minLength(1)),
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(MAX_SEARCH_PAGE_SIZE))),
  queryType: z.optional(z.enum(SEARCH_QUERY_TYPES)),
  application: z.optional(KnowledgeSearchClientApplication),
  conversationContext: z.optional(KnowledgeConversationContext),
  confidenceThreshold: z.optional(z.number().check(z.gte(0), z.lte(1))),
  answerHighlightTopResults: z.optional(z.int().check(z.gte(1), z.lte(MAX_ANSWER_HIGHLIGHT_RESULTS))),
  answerMode: z.optional(z.array(z.enum(ANSWER_MODES))),
});
export type KnowledgeDocumentSearchRequest = z.infer<typeof KnowledgeDocumentSearchRequest>;

/** `KnowledgeDocumentSearch` (the response): `results[]` of `{confidence, document}`, kept unknown. */
export const KnowledgeDocumentSearch = z.looseObject({
  searchId: z.optional(z.string()),
  results: z.optional(z.array(z.unknown())),
});

const Ref = z.looseObject({ id: z.optional(z.string()) });
const Highlight = z.looseObject({ startIndex: z.optional(z.number()), endIndex: z.optional(z.number()) });
/** `DocumentContentBlockWithHighlight`: a run of text, maybe with `answerHighlight`. */
const ContentBlock = z.looseObject({
  type: z.optional(z.string()),
  text: z.optional(z.looseObject({ text: z.optional(z.string()) })),
  answerHighlight: z.optional(Highlight),
});
/** `DocumentBodyBlockWithHighlight` (only paragraphs carry answer highlights we show). */
const BodyBlock = z.looseObject({
  type: z.optional(z.string()),
  paragraph: z.optional(z.looseObject({ blocks: z.optional(z.array(ContentBlock)) })),
});
/** `KnowledgeDocumentSearchVariation`. */
export const KnowledgeDocumentSearchVariation = z.looseObject({
  id: z.optional(z.string()),
  dateModified: z.optional(z.string()),
  documentVersion: z.optional(Ref),
  body: z.optional(z.looseObject({ blocks: z.optional(z.array(BodyBlock)) })),
});
export type KnowledgeDocumentSearchVariation = z.infer<typeof KnowledgeDocumentSearchVariation>;

/** `KnowledgeDocumentSearchResult` with its `KnowledgeSearchDocumentResponse`. */
export const KnowledgeDocumentSearchResult = z.looseObject({
  confidence: z.optional(z.number()),
  document: z.looseObject({
    id: z.string().check(z.minLength(1), z.maxLength(256)),
    title: z.optional(z.string()),
    datePublished: z.optional(z.string()),
    dateModified: z.optional(z.string()),
    externalUrl: z.optional(z.string()),
    answer: z.optional(z.string()),
    knowledgeBase: z.optional(Ref),
    documentVersion: z.optional(Ref),
    variations: z.optional(z.array(KnowledgeDocumentSearchVariation)),
  }),
});
export type KnowledgeDocumentSearchResult = z.infer<typeof KnowledgeDocumentSearchResult>;

/** `KnowledgeBaseListing` (GET /api/v2/knowledge/knowledgebases). */
export const KnowledgeBaseListing = z.looseObject({
  entities: z.optional(z.array(z.looseObject({ id: z.optional(z.string()), name: z.optional(z.string()) }))),
});

const EngagementCommon = {
  searchId: z.optional(z.string()),
  queryType: z.optional(z.enum(ENGAGEMENT_QUERY_TYPES)),
  surfacingMethod: z.optional(z.enum(SURFACING_METHODS)),
  conversationContext: z.optional(KnowledgeConversationContext),
  application: KnowledgeSearchClientApplication,
};

/** `PresentedKnowledgeDocument`. */
export const PresentedKnowledgeDocument = z.strictObject({
  documentId: z.string().check(z.minLength(1)),
  documentVariationId: z.string().check(z.minLength(1)),
  documentVersionId: z.string().check(z.minLength(1)),
  surfacingMethod: z.optional(z.enum(SURFACING_METHODS)),
});

/** `KnowledgeDocumentPresentation` (POST …/documents/presentations). */
export const KnowledgeDocumentPresentation = z.strictObject({ documents: z.array(PresentedKnowledgeDocument).check(z.minLength(1)), ...EngagementCommon });
export type KnowledgeDocumentPresentation = z.infer<typeof KnowledgeDocumentPresentation>;

/** `KnowledgeDocumentView` (POST …/documents/{documentId}/views) and `KnowledgeDocumentCopy` (…/copies): the same fields. */
export const KnowledgeDocumentView = z.strictObject({
  documentVariationId: z.string().check(z.minLength(1)),
  documentVersionId: z.string().check(z.minLength(1)),
  ...EngagementCommon,
});
export type KnowledgeDocumentView = z.infer<typeof KnowledgeDocumentView>;
export const KnowledgeDocumentCopy = KnowledgeDocumentView;
export type KnowledgeDocumentCopy = KnowledgeDocumentView;

/** `KnowledgeDocumentFeedback` (POST …/documents/{documentId}/feedback), the fields a client sends. */
export const KnowledgeDocumentFeedback = z.strictObject({
  documentVariation: z.strictObject({ id: z.string().check(z.minLength(1)) }),
  rating: z.enum(FEEDBACK_RATINGS),
  reason: z.optional(z.enum(FEEDBACK_REASONS)),
  comment: z.optional(z.string().check(z.maxLength(FEEDBACK_COMMENT_MAX))),
  search: z.optional(z.strictObject({ id: z.string().check(z.minLength(1)) })),
  queryType: z.optional(z.enum(ENGAGEMENT_QUERY_TYPES)),
  surfacingMethod: z.optional(z.enum(SURFACING_METHODS)),
  document: z.strictObject({ id: z.string().check(z.minLength(1)), knowledgeBase: z.strictObject({ id: z.string().check(z.minLength(1)) }), versionId: z.string().check(z.minLength(1)) }),
  application: KnowledgeSearchClientApplication,
  conversationContext: z.optional(KnowledgeConversationContext),
});
export type KnowledgeDocumentFeedback = z.infer<typeof KnowledgeDocumentFeedback>;
