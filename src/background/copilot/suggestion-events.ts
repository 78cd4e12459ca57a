import {
  CannedResponseSuggestionEvent,
  KnowledgeArticleSuggestionEvent,
  KnowledgeSearchSuggestionEvent,
  ScriptSuggestionEvent,
} from '../genesys/copilot-schemas';
import type { SuggestionTopicKind } from '../notifications/topics';

/**
 * A suggestion topic's event body (`Conversation…SuggestionsTopic…SuggestionEvent`) in the shape
 * of the REST `Suggestion`, so live and backfilled suggestions go through one mapper and one store.
 * The topic bodies flatten references (`documentId` where REST has `document: {id}`).
 */
export type SuggestionLike = Record<string, unknown> & { id: string };

function ref(id: string | undefined): { id: string } | undefined {
  return id === undefined ? undefined : { id };
}

interface EventBase {
  suggestionId: string;
  conversationId?: string | undefined;
  eventTime?: string | undefined;
  triggerType?: string | undefined;
  state?: string | undefined;
}

function common(body: EventBase, type: string) {
  return {
    id: body.suggestionId,
    type,
    ...(body.conversationId !== undefined && { conversation: { id: body.conversationId } }),
    ...(body.eventTime !== undefined && { dateCreated: body.eventTime }),
    ...(body.triggerType !== undefined && { triggerType: body.triggerType }),
    ...(body.state !== undefined && { state: body.state }),
  };
}

/** The event's `uri` is the document's address, which names its knowledge base (the card's source). */
function documentRef(id: string | undefined, uri: string | undefined): { id?: string; selfUri?: string } | undefined {
  if (id === undefined && uri === undefined) return undefined;
  return { ...(id !== undefined && { id }), ...(uri !== undefined && { selfUri: uri }) };
}

/** The suggestion in an event body, or null when the body is not one. */
export function suggestionFromEvent(kind: SuggestionTopicKind, body: unknown): SuggestionLike | null {
  switch (kind) {
    case 'knowledge.search': {
      const parsed = KnowledgeSearchSuggestionEvent.safeParse(body);
      if (!parsed.success) return null;
      const { documentId, versionId, uri, ...search } = parsed.data.knowledgeSearch;
      return { ...common(parsed.data, 'KnowledgeSearch'), knowledgeSearch: { ...search, document: documentRef(documentId, uri), version: ref(versionId) } };
    }
    case 'knowledge.article': {
      const parsed = KnowledgeArticleSuggestionEvent.safeParse(body);
      if (!parsed.success) return null;
      const { documentId, versionId, uri, ...article } = parsed.data.knowledgeArticle;
      return { ...common(parsed.data, 'KnowledgeArticle'), knowledgeArticle: { ...article, document: documentRef(documentId, uri), version: ref(versionId) } };
    }
    case 'response': {
      const parsed = CannedResponseSuggestionEvent.safeParse(body);
      if (!parsed.success) return null;
      const { responseId, libraryId } = parsed.data.cannedResponse;
      return { ...common(parsed.data, 'CannedResponse'), cannedResponse: { response: ref(responseId), library: ref(libraryId) } };
    }
    case 'script': {
      const parsed = ScriptSuggestionEvent.safeParse(body);
      if (!parsed.success) return null;
      const { scriptId, pageId, data } = parsed.data.script;
      return { ...common(parsed.data, 'Script'), script: { script: ref(scriptId), page: ref(pageId), ...(data !== undefined && { data }) } };
    }
  }
}
