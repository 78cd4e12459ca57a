import { randomUUID } from 'node:crypto';
import type * as z from 'zod/mini';
import {
  KnowledgeDocumentCopy,
  KnowledgeDocumentFeedback,
  KnowledgeDocumentPresentation,
  KnowledgeDocumentSearchRequest,
  KnowledgeDocumentView,
} from '../../src/background/genesys/knowledge-schemas';
import { type ApiContext } from './api';
import type { KnowledgeRecord, RecordedKnowledgeEngagement } from './control-api';
import { copilotStateOf } from './copilot-state';
import { type Article, articles, knowledgeBases, withOrigin } from './corpus';
import { type Exchange, type ParsedBody, sendEmpty, sendGenesysError, sendJson } from './http-helpers';
import { publishedDate } from './recommendations';
import { rankArticles } from './scoring';
import type { SimulatorState } from './state';

/**
 * Genesys Knowledge as an agent-side client sees it: document search and the four engagement
 * calls (presentations, views, copies, feedback), shaped from the SDK typings
 * (`purecloud-platform-client-v2` 262: `KnowledgeDocumentSearchRequest`, `KnowledgeDocumentSearch`,
 * `KnowledgeDocumentPresentation`, `KnowledgeDocumentView`, `KnowledgeDocumentCopy`,
 * `KnowledgeDocumentFeedback`). Request bodies are held to the same strict schemas the extension
 * builds them with, so a field the typings do not have is a 400 here. Knowledge bases can be made
 * off-limits (`POST /__sim/knowledge/forbid`): searching one answers 403 like a missing permission.
 */

interface KnowledgeState {
  forbidden: Set<string>;
  engagements: RecordedKnowledgeEngagement[];
}

const states = new WeakMap<SimulatorState, KnowledgeState>();

export function knowledgeStateOf(state: SimulatorState): KnowledgeState {
  let found = states.get(state);
  if (!found) {
    found = { forbidden: new Set(), engagements: [] };
    states.set(state, found);
  }
  return found;
}

export function resetKnowledge(state: SimulatorState): void {
  states.delete(state);
}

/** The ids a search result carries for an article: one variation, in the published version. */
export function variationIdOf(article: Pick<Article, 'id'>): string {
  return `variation-${article.id}`;
}
export function versionIdOf(article: Pick<Article, 'id'>): string {
  return `version-${article.id}-3`;
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:])/g, '$1')
    .trim();
}

/** `DocumentBodyWithHighlight`: one paragraph of the article's text, its first sentence highlighted when asked. */
function bodyWithHighlight(text: string, highlight: boolean) {
  const first = text.split('. ')[0] ?? text;
  return {
    blocks: [
      {
        type: 'Paragraph',
        paragraph: { blocks: [{ type: 'Text', text: { text }, ...(highlight && { answerHighlight: { startIndex: 0, endIndex: Math.min(text.length, first.length) } }) }] },
      },
    ],
  };
}

/** POST …/documents/search: the knowledge base's articles ranked for the query (`KnowledgeDocumentSearch`). */
export function documentSearch(knowledgeBaseId: string, request: KnowledgeDocumentSearchRequest, now: number, origin: string) {
  const pageSize = Math.min(Math.max(1, request.pageSize ?? 10), 30);
  const minScore = request.confidenceThreshold ?? 0.2;
  const ranked = rankArticles(articles, request.query, { knowledgeBaseIds: [knowledgeBaseId], limit: pageSize, minScore });
  const highlights = request.answerMode === undefined || request.answerMode.includes('AnswerHighlight') ? (request.answerHighlightTopResults ?? 0) : 0;
  return {
    query: request.query,
    pageSize,
    pageNumber: 1,
    searchId: randomUUID(),
    total: ranked.length,
    pageCount: 1,
    queryType: request.queryType,
    ...(request.application && { application: request.application }),
    ...(request.confidenceThreshold !== undefined && { confidenceThreshold: request.confidenceThreshold }),
    results: ranked.map(({ article, score }, index) => {
      const text = plainText(withOrigin(article.content, origin));
      const version = { id: versionIdOf(article), selfUri: `/api/v2/knowledge/knowledgebases/${knowledgeBaseId}/documents/${article.id}/versions/${versionIdOf(article)}` };
      return {
        confidence: score,
        document: {
          id: article.id,
          title: withOrigin(article.title, origin),
          visible: true,
          state: 'Published',
          dateCreated: publishedDate(article.ageDays + 30, now),
          dateModified: publishedDate(article.ageDays, now),
          datePublished: publishedDate(article.ageDays, now),
          lastPublishedVersionNumber: 3,
          documentVersion: version,
          knowledgeBase: { id: knowledgeBaseId, languageCode: 'en-US', selfUri: `/api/v2/knowledge/knowledgebases/${knowledgeBaseId}` },
          variations: [
            {
              id: variationIdOf(article),
              dateModified: publishedDate(article.ageDays, now),
              documentVersion: version,
              contexts: [],
              priority: 1,
              name: 'Default',
              body: bodyWithHighlight(text, index < highlights),
              document: { id: article.id, knowledgeBase: { id: knowledgeBaseId } },
            },
          ],
          answer: text.split('. ')[0],
          selfUri: `/api/v2/knowledge/knowledgebases/${knowledgeBaseId}/documents/${article.id}`,
        },
      };
    }),
    ...(request.conversationContext !== undefined && { conversationContext: { conversation: { id: request.conversationContext.conversationId }, ...(request.conversationContext.mediaType && { mediaType: request.conversationContext.mediaType }) } }),
  };
}

function issueOf(error: z.core.$ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'invalid body';
}

function methodNotAllowed(exchange: Exchange): void {
  sendGenesysError(exchange, 405, 'method.not.allowed', `${exchange.req.method ?? ''} is not allowed here; use POST`, { Allow: 'POST' });
}

/** Path segments after `/api/v2/knowledge/knowledgebases/`. */
function segments(exchange: Exchange): string[] {
  return exchange.url.pathname.split('/').slice(5).map((part) => decodeURIComponent(part));
}

export function handleKnowledgeSearch(exchange: Exchange, context: ApiContext, body: ParsedBody): void {
  if (exchange.req.method !== 'POST') return methodNotAllowed(exchange);
  const [knowledgeBaseId = ''] = segments(exchange);
  if (!knowledgeBases.some((base) => base.id === knowledgeBaseId)) return sendGenesysError(exchange, 404, 'not.found', `Knowledge base ${knowledgeBaseId} not found`);
  if (knowledgeStateOf(context.state).forbidden.has(knowledgeBaseId)) {
    return sendGenesysError(exchange, 403, 'missing.permissions', `You are missing the following permission(s) on knowledge base ${knowledgeBaseId}: knowledge:knowledgebase:search`);
  }
  const parsed = KnowledgeDocumentSearchRequest.safeParse(body.kind === 'json' ? body.value : undefined);
  if (!parsed.success) return sendGenesysError(exchange, 400, 'bad.request', issueOf(parsed.error));
  if (parsed.data.query.trim().length < 3) return sendGenesysError(exchange, 400, 'bad.request', 'query must be at least 3 characters');
  copilotStateOf(context.state).searches.push({ knowledgeBaseId, body: parsed.data, at: context.state.now() });
  sendJson(exchange, 200, documentSearch(knowledgeBaseId, parsed.data, context.state.now(), context.origin));
}

const ENGAGEMENT_SCHEMAS = { views: KnowledgeDocumentView, copies: KnowledgeDocumentCopy, feedback: KnowledgeDocumentFeedback } as const;

function findDocument(knowledgeBaseId: string, documentId: string): Article | undefined {
  return articles.find((article) => article.id === documentId && article.sourceId === knowledgeBaseId);
}

/** POST …/documents/presentations, …/documents/{documentId}/views|copies|feedback: checked, recorded, echoed. */
export function handleKnowledgeEngagement(exchange: Exchange, context: ApiContext, body: ParsedBody): void {
  if (exchange.req.method !== 'POST') return methodNotAllowed(exchange);
  const [knowledgeBaseId = '', , first = '', second] = segments(exchange);
  if (!knowledgeBases.some((base) => base.id === knowledgeBaseId)) return sendGenesysError(exchange, 404, 'not.found', `Knowledge base ${knowledgeBaseId} not found`);
  const value = body.kind === 'json' ? body.value : undefined;
  const record = (kind: RecordedKnowledgeEngagement['kind'], documentId: string | null, checked: RecordedKnowledgeEngagement['body']) => {
    knowledgeStateOf(context.state).engagements.push({ kind, knowledgeBaseId, documentId, body: checked, at: context.state.now() });
    // The SDK's calls for presentations, views and copies return nothing; feedback returns the record.
    if (kind === 'feedback') sendJson(exchange, 200, { ...checked, id: randomUUID(), state: 'Final', dateCreated: new Date(context.state.now()).toISOString() });
    else sendEmpty(exchange, 204);
  };
  if (first === 'presentations' && second === undefined) {
    const parsed = KnowledgeDocumentPresentation.safeParse(value);
    if (!parsed.success) return sendGenesysError(exchange, 400, 'bad.request', issueOf(parsed.error));
    for (const presented of parsed.data.documents) {
      const article = findDocument(knowledgeBaseId, presented.documentId);
      if (!article) return sendGenesysError(exchange, 404, 'not.found', `Document ${presented.documentId} not found in ${knowledgeBaseId}`);
      if (presented.documentVariationId !== variationIdOf(article) || presented.documentVersionId !== versionIdOf(article)) {
        return sendGenesysError(exchange, 400, 'bad.request', `Variation or version does not belong to document ${presented.documentId}`);
      }
    }
    return record('presentations', null, parsed.data);
  }
  const kind = second as keyof typeof ENGAGEMENT_SCHEMAS;
  if (!Object.hasOwn(ENGAGEMENT_SCHEMAS, kind)) return sendGenesysError(exchange, 404, 'not.found', 'No such knowledge resource');
  const article = findDocument(knowledgeBaseId, first);
  if (!article) return sendGenesysError(exchange, 404, 'not.found', `Document ${first} not found in ${knowledgeBaseId}`);
  const parsed = ENGAGEMENT_SCHEMAS[kind].safeParse(value);
  if (!parsed.success) return sendGenesysError(exchange, 400, 'bad.request', issueOf(parsed.error));
  const variationId = 'documentVariation' in parsed.data ? parsed.data.documentVariation.id : parsed.data.documentVariationId;
  const versionId = 'document' in parsed.data ? parsed.data.document.versionId : parsed.data.documentVersionId;
  if (variationId !== variationIdOf(article) || versionId !== versionIdOf(article)) return sendGenesysError(exchange, 400, 'bad.request', `Variation or version does not belong to document ${first}`);
  return record(kind, first, parsed.data);
}

export const KNOWLEDGE_CONTROL_ENDPOINTS = ['GET /__sim/knowledge', 'POST /__sim/knowledge/forbid {knowledgeBaseIds: string[]}'];

export function isKnowledgeControlPath(path: string): boolean {
  return path === '/__sim/knowledge' || path.startsWith('/__sim/knowledge/');
}

/** `GET /__sim/knowledge` → `{forbidden, searches, engagements}`; `POST /__sim/knowledge/forbid` replaces the off-limits set. */
export function handleKnowledgeControl(exchange: Exchange, state: SimulatorState, body: ParsedBody): void {
  const knowledge = knowledgeStateOf(state);
  const key = `${exchange.req.method ?? 'GET'} ${exchange.url.pathname.replace(/\/+$/, '')}`;
  if (key === 'GET /__sim/knowledge') {
    return sendJson(exchange, 200, { forbidden: [...knowledge.forbidden], searches: copilotStateOf(state).searches, engagements: knowledge.engagements } satisfies KnowledgeRecord);
  }
  if (key === 'POST /__sim/knowledge/forbid') {
    const value = body.kind === 'json' ? (body.value as { knowledgeBaseIds?: unknown }) : null;
    const ids = value?.knowledgeBaseIds;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return sendGenesysError(exchange, 400, 'bad.request', 'knowledgeBaseIds must be an array of strings');
    knowledge.forbidden = new Set(ids);
    return sendJson(exchange, 200, { forbidden: ids });
  }
  return sendGenesysError(exchange, 404, 'not.found', `No control endpoint ${key}; GET /__sim lists them`);
}
