import * as z from 'zod/mini';

/**
 * The Genesys Cloud Agent Copilot, conversations, messaging, knowledge search and notifications
 * payloads the worker reads, in one place, checked against the official SDK's typings
 * (`purecloud-platform-client-v2` 262, `index.d.ts`; enum values from the Java SDK's models).
 * Every object is loose (Genesys adds fields often); only the fields we use are checked, and every
 * one of them is optional where the SDK says so, so a missing field is a decision of the mapper,
 * never a rejected envelope. Envelopes keep their items `unknown`: items are checked one by one,
 * so one bad item is dropped and counted instead of failing the whole answer.
 */

const Ref = z.looseObject({ id: z.optional(z.string()), selfUri: z.optional(z.string()) });

/** `Suggestion.type` (Java SDK `TypeEnum`); others may appear (ThirdPartySuggestion is in the model). */
export const SUGGESTION_TYPES = ['Faq', 'Article', 'KnowledgeArticle', 'KnowledgeSearch', 'CannedResponse', 'Script', 'SuggestedKnowledgeAnswer'] as const;
/** `Suggestion.state`: only these two are worth showing; Dismissed and Failed are not. */
export const SHOWN_SUGGESTION_STATES = ['Suggested', 'Accepted', 'Rated'] as const;

const KnowledgeAnswer = z.looseObject({ answer: z.optional(z.string()), startIndex: z.optional(z.number()), endIndex: z.optional(z.number()) });
const Snippets = z.optional(z.array(z.string()));

/** `SuggestionKnowledgeSearch`: a knowledge search result ("fallback" rule). */
export const SuggestionKnowledgeSearch = z.looseObject({
  title: z.optional(z.string()),
  snippets: Snippets,
  confidence: z.optional(z.number()),
  searchId: z.optional(z.string()),
  document: z.optional(Ref),
  version: z.optional(Ref),
  knowledgeAnswer: z.optional(KnowledgeAnswer),
});

/** `SuggestionKnowledgeArticle`: the same without confidence (a rule chose it, nothing ranked it). */
export const SuggestionKnowledgeArticle = z.looseObject({
  title: z.optional(z.string()),
  snippets: Snippets,
  document: z.optional(Ref),
  version: z.optional(Ref),
  knowledgeAnswer: z.optional(KnowledgeAnswer),
});

/** `Faq`. */
export const SuggestionFaq = z.looseObject({
  question: z.optional(z.string()),
  answer: z.optional(z.string()),
  sourceUri: z.optional(z.string()),
  documentUrl: z.optional(z.string()),
  documentDisplayName: z.optional(z.string()),
  confidence: z.optional(z.number()),
});

/** `Article` (Agent Assist's knowledge connector articles). */
export const SuggestionArticle = z.looseObject({
  title: z.optional(z.string()),
  uri: z.optional(z.string()),
  snippets: Snippets,
  confidence: z.optional(z.number()),
});

/** `SuggestionCannedResponse`: references only; the text lives in response management. */
export const SuggestionCannedResponse = z.looseObject({ response: z.optional(Ref), library: z.optional(Ref) });

/** `SuggestionScript`: navigate a script to a page, with data to fill in. */
export const SuggestionScript = z.looseObject({
  script: z.optional(Ref),
  page: z.optional(Ref),
  data: z.optional(z.record(z.string(), z.string())),
});

/** `ThirdPartySuggestion`. */
export const ThirdPartySuggestion = z.looseObject({
  text: z.optional(z.string()),
  title: z.optional(z.string()),
  sources: z.optional(z.array(z.looseObject({ name: z.optional(z.string()), url: z.optional(z.string()) }))),
});

/** `Suggestion` (GET /api/v2/conversations/{conversationId}/suggestions). */
export const Suggestion = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(256)),
  type: z.optional(z.string()),
  dateCreated: z.optional(z.string()),
  triggerType: z.optional(z.string()),
  state: z.optional(z.string()),
  context: z.optional(z.looseObject({ mediaType: z.optional(z.string()), queryStatement: z.optional(z.string()) })),
  knowledgeSearch: z.optional(SuggestionKnowledgeSearch),
  knowledgeArticle: z.optional(SuggestionKnowledgeArticle),
  faq: z.optional(SuggestionFaq),
  article: z.optional(SuggestionArticle),
  cannedResponse: z.optional(SuggestionCannedResponse),
  script: z.optional(SuggestionScript),
  thirdPartySuggestion: z.optional(ThirdPartySuggestion),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** `SuggestionListing`: cursor paging through `nextUri` (a path with `after=`). */
export const SuggestionListing = z.looseObject({
  entities: z.optional(z.array(z.unknown())),
  nextUri: z.optional(z.nullable(z.string())),
});

/** `SuggestionEngagement` (POST …/suggestions/{suggestionId}/engagement). */
export const ENGAGEMENT_TYPES = ['Opened', 'Copied', 'Dismissed', 'Feedback'] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];
export const FEEDBACK_RATINGS = ['Positive', 'Negative'] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];
export interface SuggestionEngagement {
  engagementType: EngagementType;
  feedback?: { rating: FeedbackRating };
}

/** `Channel` (POST /api/v2/notifications/channels). */
export const NotificationChannel = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(256)),
  connectUri: z.string().check(z.minLength(1), z.maxLength(2048)),
  expires: z.optional(z.string()),
});
export type NotificationChannel = z.infer<typeof NotificationChannel>;

/** `ChannelTopicEntityListing` (PUT|POST …/channels/{id}/subscriptions). */
export const ChannelTopicListing = z.looseObject({
  entities: z.optional(z.array(z.looseObject({ id: z.optional(z.string()), state: z.optional(z.string()), rejectionReason: z.optional(z.string()) }))),
});

/** One media session on a participant (`Call`, `ConversationChat`, `Message`, `Email`, `Callback`). */
const Media = z.looseObject({ id: z.optional(z.string()), state: z.optional(z.string()) });
const MediaList = z.optional(z.array(Media));

/** `Participant` / `ConversationEventTopicParticipant`: the media arrays tell the channel. */
export const ConversationParticipant = z.looseObject({
  id: z.optional(z.string()),
  userId: z.optional(z.string()),
  purpose: z.optional(z.string()),
  /** The participant's display name (the customer's, for `purpose: customer`). */
  name: z.optional(z.string()),
  endTime: z.optional(z.string()),
  calls: MediaList,
  callbacks: MediaList,
  chats: MediaList,
  emails: MediaList,
  messages: MediaList,
});
export type ConversationParticipant = z.infer<typeof ConversationParticipant>;

/** `Conversation` / `ConversationEventTopicConversation`. */
export const Conversation = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  startTime: z.optional(z.string()),
  endTime: z.optional(z.string()),
  participants: z.optional(z.array(ConversationParticipant)),
});
export type Conversation = z.infer<typeof Conversation>;

/** `ConversationEntityListing` (GET /api/v2/conversations: the agent's active conversations). */
export const ConversationEntityListing = z.looseObject({ entities: z.optional(z.array(z.unknown())) });

/** `MessageConversation` (GET /api/v2/conversations/messages/{id}): message ids per participant. */
export const MessageConversation = z.looseObject({
  id: z.optional(z.string()),
  participants: z.optional(
    z.array(
      z.looseObject({
        purpose: z.optional(z.string()),
        messages: z.optional(z.array(z.looseObject({ messageId: z.optional(z.string()), messageTime: z.optional(z.string()) }))),
      }),
    ),
  ),
});

/** `MessageData` (in `TextMessageListing` from POST …/messages/bulk). */
export const MessageData = z.looseObject({
  id: z.string().check(z.minLength(1)),
  timestamp: z.optional(z.string()),
  direction: z.optional(z.string()),
  normalizedMessage: z.optional(z.looseObject({ text: z.optional(z.string()) })),
});
export type MessageData = z.infer<typeof MessageData>;
export const TextMessageListing = z.looseObject({ entities: z.optional(z.array(z.unknown())) });

/* Knowledge search and engagement shapes are in knowledge-schemas.ts. */

/** A notification frame: `{topicName, version?, eventBody, metadata?}`. */
export const NotificationFrame = z.looseObject({
  topicName: z.string().check(z.maxLength(512)),
  eventBody: z.optional(z.unknown()),
});

/** The suggestion topics' event bodies (`Conversation…SuggestionsTopic…SuggestionEvent`). */
const SuggestionEventBase = {
  suggestionId: z.string().check(z.minLength(1), z.maxLength(256)),
  conversationId: z.optional(z.string()),
  eventTime: z.optional(z.string()),
  state: z.optional(z.string()),
  triggerType: z.optional(z.string()),
};
export const KnowledgeSearchSuggestionEvent = z.looseObject({
  ...SuggestionEventBase,
  knowledgeSearch: z.looseObject({
    title: z.optional(z.string()),
    uri: z.optional(z.string()),
    snippets: Snippets,
    confidence: z.optional(z.number()),
    searchId: z.optional(z.string()),
    documentId: z.optional(z.string()),
    versionId: z.optional(z.string()),
    knowledgeAnswer: z.optional(KnowledgeAnswer),
  }),
});
export const KnowledgeArticleSuggestionEvent = z.looseObject({
  ...SuggestionEventBase,
  knowledgeArticle: z.looseObject({
    title: z.optional(z.string()),
    uri: z.optional(z.string()),
    snippets: Snippets,
    documentId: z.optional(z.string()),
    versionId: z.optional(z.string()),
    knowledgeAnswer: z.optional(KnowledgeAnswer),
  }),
});
export const CannedResponseSuggestionEvent = z.looseObject({
  ...SuggestionEventBase,
  cannedResponse: z.looseObject({ responseId: z.optional(z.string()), libraryId: z.optional(z.string()) }),
});
export const ScriptSuggestionEvent = z.looseObject({
  ...SuggestionEventBase,
  script: z.looseObject({ scriptId: z.optional(z.string()), pageId: z.optional(z.string()), data: z.optional(z.record(z.string(), z.string())) }),
});
