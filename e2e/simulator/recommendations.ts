import { type Article, articles, hostileArticles, knowledgeBases, withOrigin } from './corpus';
import { matchedKeywords, rankArticles } from './scoring';

/**
 * `POST /api/v2/agentassist/recommendations/query` (docs/genesys-api.md, "recommendations-query"):
 * request validation and the items it answers with.
 */

export interface QueryRequest {
  interactionContext: { conversationId: string; transcript: string; channel: string };
  agentProfile: { agentId: string; skills: string[] };
  knowledgeBaseIds: string[];
}

export interface QueryItem {
  id: string;
  title: string;
  content: string;
  relevanceScore: number;
  publishedDate: string;
  sourceId: string;
  /** Optional in the contract: the knowledge base's name, the article's page, the matched phrases. */
  sourceName?: string;
  url?: string;
  matchedTerms?: string[];
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const MAX_TRANSCRIPT_CHARS = 100_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

/** The request, or a message saying exactly which field is wrong (answered as 400 bad.request). */
export function parseQueryRequest(body: unknown): { request: QueryRequest } | { error: string } {
  if (!isRecord(body)) return { error: 'The request body must be a JSON object' };
  const { interactionContext: context, agentProfile: agent, knowledgeBaseIds } = body;
  if (!isRecord(context)) return { error: 'interactionContext is required and must be an object' };
  if (typeof context.conversationId !== 'string' || context.conversationId === '') {
    return { error: 'interactionContext.conversationId is required and must be a non-empty string' };
  }
  if (typeof context.transcript !== 'string') return { error: 'interactionContext.transcript is required and must be a string' };
  if (context.transcript.length > MAX_TRANSCRIPT_CHARS) return { error: `interactionContext.transcript exceeds ${MAX_TRANSCRIPT_CHARS} characters` };
  if (typeof context.channel !== 'string') return { error: 'interactionContext.channel is required and must be a string' };
  if (!isRecord(agent)) return { error: 'agentProfile is required and must be an object' };
  if (typeof agent.agentId !== 'string' || agent.agentId === '') return { error: 'agentProfile.agentId is required and must be a non-empty string' };
  if (!isStringArray(agent.skills)) return { error: 'agentProfile.skills is required and must be an array of strings' };
  if (!isStringArray(knowledgeBaseIds)) return { error: 'knowledgeBaseIds is required and must be an array of strings (empty for all)' };
  return {
    request: {
      interactionContext: { conversationId: context.conversationId, transcript: context.transcript, channel: context.channel },
      agentProfile: { agentId: agent.agentId, skills: [...agent.skills] },
      knowledgeBaseIds: [...knowledgeBaseIds],
    },
  };
}

/**
 * Publication time `ageDays` before now, on the hour: stable across calls within the hour (so
 * cached and fresh answers compare equal) and never younger than `ageDays`.
 */
export function publishedDate(ageDays: number, now: number): string {
  return new Date(Math.floor(now / HOUR_MS) * HOUR_MS - ageDays * DAY_MS).toISOString();
}

export interface QueryOptions {
  now: number;
  hostileContent: boolean;
  /** Where hostile payloads report to. */
  origin: string;
}

/** Where the simulated help centre shows an article: on the simulator, so a test may open it. */
export function articleUrl(origin: string, articleId: string): string {
  return `${origin}/help/articles/${encodeURIComponent(articleId)}`;
}

function toItem(article: Article, score: number, transcript: string, options: QueryOptions): QueryItem {
  const sourceName = knowledgeBases.find((base) => base.id === article.sourceId)?.name;
  const matchedTerms = matchedKeywords(article, transcript).slice(0, 12);
  return {
    id: article.id,
    title: withOrigin(article.title, options.origin),
    content: withOrigin(article.content, options.origin),
    relevanceScore: score,
    publishedDate: publishedDate(article.ageDays, options.now),
    sourceId: article.sourceId,
    ...(sourceName !== undefined && { sourceName }),
    url: articleUrl(options.origin, article.id),
    ...(matchedTerms.length > 0 && { matchedTerms }),
  };
}

/** The answer: the top 12 articles scoring ≥ 0.30, best first, in the requested knowledge bases. */
export function queryItems(request: QueryRequest, options: QueryOptions): QueryItem[] {
  const corpus = options.hostileContent ? [...hostileArticles, ...articles] : articles;
  const transcript = request.interactionContext.transcript;
  return rankArticles(corpus, transcript, { knowledgeBaseIds: request.knowledgeBaseIds }).map(({ article, score }) => toItem(article, score, transcript, options));
}

/**
 * The `invalid-items` fault: the real items with broken ones mixed in (wrong types, a missing
 * title, an impossible score, a bad date, non-objects), so the client must drop and count them.
 */
export function corruptItems(valid: readonly QueryItem[], now: number): unknown[] {
  const template: QueryItem = valid[0] ?? {
    id: 'billing-double-charge',
    title: 'Refund a duplicate (double) charge',
    content: 'Check the payment history.',
    relevanceScore: 0.95,
    publishedDate: publishedDate(1, now),
    sourceId: 'kb-billing',
  };
  const withoutTitle: Partial<QueryItem> = { ...template };
  delete withoutTitle.title;
  const broken: unknown[] = [
    { ...template, id: 'invalid-score-type', relevanceScore: 'high' },
    { ...withoutTitle, id: 'invalid-missing-title' },
    { ...template, id: 'invalid-score-range', relevanceScore: 1.7 },
    { ...template, id: 'invalid-date', publishedDate: 'last Tuesday' },
    { ...template, id: 42 },
    null,
    'not an item',
  ];
  const mixed: unknown[] = [];
  for (let index = 0; index < Math.max(valid.length, broken.length); index++) {
    if (index < valid.length) mixed.push(valid[index]);
    if (index < broken.length) mixed.push(broken[index]);
  }
  return mixed;
}
