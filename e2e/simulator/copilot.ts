import { randomUUID } from 'node:crypto';
import { type Article, articles, hostileArticles, knowledgeBases, withOrigin } from './corpus';
import { conversationState, type CopilotState, type SimConversationState, type SimMessage, type SimSuggestion } from './copilot-state';
import { findSeedConversation, type SeedChannel } from './conversations';
import { publishedDate } from './recommendations';
import { rankArticles } from './scoring';
import { AGENT } from './users';

/**
 * Simulated Agent Copilot: as the conversation on the desktop progresses (the desktop page posts
 * each line to the simulator), Copilot makes suggestions, the way Genesys does: knowledge search
 * results for what the customer said ("fallback" rule, with a confidence) and rule-triggered ones
 * (intents): a knowledge article, an FAQ, a canned response, a script page. Payloads are shaped like
 * the SDK's models (`Suggestion`, and the suggestion topics' event bodies).
 */

export const ASSISTANT = { id: '3f1e2d4c-5b6a-4789-9abc-def012345678', selfUri: '/api/v2/assistants/3f1e2d4c-5b6a-4789-9abc-def012345678' };
/** Knowledge search suggestions per customer line, best first. */
const SEARCH_SUGGESTIONS_PER_LINE = 3;
const SEARCH_MIN_SCORE = 0.45;

interface Rule {
  key: string;
  /** Every phrase must appear in the customer's lines so far (lower case). */
  when: string[];
  make(context: SuggestionContext): Pick<SimSuggestion, 'topicSuffix'> & { fields: Record<string, unknown> };
}

interface SuggestionContext {
  conversationId: string;
  now: number;
  origin: string;
  hostileContent: boolean;
}

function documentRef(article: Pick<Article, 'id' | 'sourceId'>) {
  return { id: article.id, selfUri: `/api/v2/knowledge/knowledgebases/${article.sourceId}/documents/${article.id}` };
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:])/g, '$1')
    .trim();
}

function findArticle(id: string): Article {
  const article = articles.find((entry) => entry.id === id);
  if (!article) throw new Error(`No article ${id}`);
  return article;
}

/** Rule-triggered suggestions (Copilot "intents"), one of each kind Genesys has. */
const RULES: readonly Rule[] = [
  {
    key: 'intent:refund-timeline',
    when: ['refund', 'how long'],
    make: () => ({
      topicSuffix: null,
      fields: {
        type: 'Faq',
        faq: {
          question: 'How long does a card refund take?',
          answer: 'Card refunds reach the card 3 to 5 working days after we raise them.',
          sourceUri: 'faq-billing-refunds',
          documentUrl: 'https://help.example.com/faq/refund-timeline',
          documentDisplayName: 'Billing FAQ',
          confidence: 0.93,
        },
      },
    }),
  },
  {
    key: 'intent:refund-request',
    when: ['refund'],
    make: () => ({
      topicSuffix: 'response',
      fields: {
        type: 'CannedResponse',
        cannedResponse: {
          response: { id: 'resp-refund-raised', selfUri: '/api/v2/responsemanagement/responses/resp-refund-raised' },
          library: { id: 'lib-billing', selfUri: '/api/v2/responsemanagement/libraries/lib-billing' },
        },
      },
    }),
  },
  {
    key: 'intent:lost-parcel',
    when: ['parcel'],
    make: () => ({
      topicSuffix: 'script',
      fields: {
        type: 'Script',
        script: { script: { id: 'script-returns', selfUri: '/api/v2/scripts/script-returns' }, page: { id: 'page-lost-parcel' }, data: { reason: 'Lost parcel' } },
      },
    }),
  },
  {
    key: 'intent:password-reset',
    when: ['password'],
    make: ({ now }) => {
      const article = findArticle('accounts-password-reset');
      return {
        topicSuffix: 'knowledge.article',
        fields: {
          type: 'KnowledgeArticle',
          knowledgeArticle: {
            title: article.title,
            snippets: [plainText(article.content).slice(0, 300)],
            document: documentRef(article),
            version: { id: `v-${Math.floor(now / 86_400_000) - article.ageDays}` },
          },
        },
      };
    },
  },
];

const MEDIA_TYPES: Record<SeedChannel, string> = { message: 'Message', chat: 'Chat', voice: 'Voice', email: 'Email' };

function suggestionOf(context: SuggestionContext, message: SimMessage, channel: SeedChannel, fields: Record<string, unknown>, triggerType: string): SimSuggestion['suggestion'] {
  const id = randomUUID();
  return {
    id,
    conversation: { id: context.conversationId, selfUri: `/api/v2/conversations/${context.conversationId}` },
    assistant: ASSISTANT,
    dateCreated: new Date(context.now).toISOString(),
    triggerType,
    context: {
      mediaType: MEDIA_TYPES[channel],
      participantType: 'Customer',
      queryStatement: message.text.slice(0, 200),
      message: { id: message.id, selfUri: `/api/v2/conversations/messages/${context.conversationId}/messages/${message.id}` },
    },
    state: 'Suggested',
    ...fields,
    selfUri: `/api/v2/conversations/${context.conversationId}/suggestions/${id}`,
  };
}

function transcriptOf(conversation: SimConversationState): string {
  return conversation.messages.map((message) => `${message.author === 'customer' ? 'Customer' : 'Agent'}: ${message.text}`).join('\n');
}

/**
 * The suggestions Copilot makes after a customer line: new knowledge search results for the
 * conversation so far, and any rule whose phrases have now all been said. Each article and rule
 * is suggested once per conversation.
 */
export function suggestionsAfter(copilot: CopilotState, conversationId: string, message: SimMessage, context: Omit<SuggestionContext, 'conversationId'>): SimSuggestion[] {
  const conversation = conversationState(copilot, conversationId);
  const channel = findSeedConversation(conversationId)?.channel ?? 'message';
  const full = { ...context, conversationId };
  const made: SimSuggestion[] = [];
  const known = new Set(conversation.suggestions.map((entry) => entry.key));
  const corpus = context.hostileContent ? [...hostileArticles, ...articles] : articles;
  const ranked = rankArticles(corpus, transcriptOf(conversation), { minScore: SEARCH_MIN_SCORE }).filter(({ article }) => !known.has(`article:${article.id}`));
  const searchId = randomUUID();
  for (const { article, score } of ranked.slice(0, SEARCH_SUGGESTIONS_PER_LINE)) {
    const text = plainText(withOrigin(article.content, context.origin));
    made.push({
      key: `article:${article.id}`,
      topicSuffix: 'knowledge.search',
      suggestion: suggestionOf(
        full,
        message,
        channel,
        {
          type: 'KnowledgeSearch',
          knowledgeSearch: {
            title: withOrigin(article.title, context.origin),
            snippets: [text.slice(0, 300)],
            confidence: score,
            searchId,
            document: documentRef(article),
            version: { id: `v-${publishedDate(article.ageDays, context.now).slice(0, 10)}` },
            knowledgeAnswer: { answer: text.split('. ')[0] ?? text, startIndex: 0, endIndex: Math.min(text.length, (text.split('. ')[0] ?? text).length) },
          },
        },
        'Fallback',
      ),
    });
  }
  const said = conversation.messages
    .filter((entry) => entry.author === 'customer')
    .map((entry) => entry.text.toLowerCase())
    .join('\n');
  for (const rule of RULES) {
    if (known.has(rule.key) || !rule.when.every((phrase) => said.includes(phrase))) continue;
    const { topicSuffix, fields } = rule.make(full);
    made.push({ key: rule.key, topicSuffix, suggestion: suggestionOf(full, message, channel, fields, 'Intent') });
  }
  return made;
}

/** The event body a suggestion topic carries (`Conversation…SuggestionsTopic…SuggestionEvent`). */
export function topicEventBody(conversationId: string, entry: SimSuggestion): Record<string, unknown> {
  const s = entry.suggestion as Record<string, unknown> & {
    id: string;
    state: string;
    triggerType?: string;
    dateCreated?: string;
    context?: { mediaType?: string; queryStatement?: string; message?: { id?: string } };
  };
  const flatRef = (value: unknown) => (value as { id?: string } | undefined)?.id;
  const base = {
    eventTime: new Date().toISOString(),
    conversationId,
    suggestionId: s.id,
    state: s.state,
    triggerType: s.triggerType,
    context: { mediaType: s.context?.mediaType, userId: AGENT.id, assistantId: ASSISTANT.id, messageId: s.context?.message?.id, queryStatement: s.context?.queryStatement, participantType: 'Customer' },
  };
  const search = s.knowledgeSearch as Record<string, unknown> | undefined;
  const article = s.knowledgeArticle as Record<string, unknown> | undefined;
  const canned = s.cannedResponse as Record<string, unknown> | undefined;
  const script = s.script as Record<string, unknown> | undefined;
  if (search) {
    const { document, version, variations: _variations, ...rest } = search;
    return { ...base, knowledgeSearch: { ...rest, uri: (document as { selfUri?: string } | undefined)?.selfUri, documentId: flatRef(document), versionId: flatRef(version) } };
  }
  if (article) {
    const { document, version, variations: _variations, ...rest } = article;
    return { ...base, knowledgeArticle: { ...rest, uri: (document as { selfUri?: string } | undefined)?.selfUri, documentId: flatRef(document), versionId: flatRef(version) } };
  }
  if (canned) return { ...base, cannedResponse: { responseId: flatRef(canned.response), libraryId: flatRef(canned.library) } };
  if (script) return { ...base, script: { scriptId: flatRef(script.script), pageId: flatRef(script.page), data: script.data } };
  return base;
}

/** The knowledge bases as GET /api/v2/knowledge/knowledgebases lists them (`KnowledgeBase`). */
export function knowledgeBaseListing(now: number): Record<string, unknown> {
  return {
    entities: knowledgeBases.map((base) => ({
      id: base.id,
      name: base.name,
      description: `${base.name} articles`,
      coreLanguage: 'en-US',
      dateCreated: new Date(now - 400 * 86_400_000).toISOString(),
      dateModified: new Date(now - 86_400_000).toISOString(),
      articleCount: articles.filter((article) => article.sourceId === base.id).length,
      faqCount: 0,
      published: true,
      selfUri: `/api/v2/knowledge/knowledgebases/${base.id}`,
    })),
    selfUri: '/api/v2/knowledge/knowledgebases',
  };
}

/** Response management's canned responses (`Response`), as GET /api/v2/responsemanagement/responses/{id} gives them. */
const CANNED_RESPONSES: Readonly<Record<string, { name: string; library: { id: string; name: string }; text: string }>> = {
  'resp-refund-raised': {
    name: 'Refund raised',
    library: { id: 'lib-billing', name: 'Billing replies' },
    text: "I've raised a refund for the duplicate payment. It reaches your card within 3 to 5 working days, and I'll send you the reference by e-mail.",
  },
};

export function cannedResponse(responseId: string, now: number): Record<string, unknown> | null {
  const found = CANNED_RESPONSES[responseId];
  if (!found) return null;
  return {
    id: responseId,
    name: found.name,
    version: 2,
    libraries: [{ ...found.library, selfUri: `/api/v2/responsemanagement/libraries/${found.library.id}` }],
    texts: [
      { content: `<p>${found.text}</p>`, contentType: 'text/html' },
      { content: found.text, contentType: 'text/plain' },
    ],
    dateCreated: new Date(now - 90 * 86_400_000).toISOString(),
    interactionType: 'chat',
    responseType: 'MessagingTemplate',
    selfUri: `/api/v2/responsemanagement/responses/${responseId}`,
  };
}
