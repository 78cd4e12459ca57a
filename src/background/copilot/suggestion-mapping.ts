import type { OtherSuggestion, Recommendation } from '../../shared/recommendation';
import { SHOWN_SUGGESTION_STATES, Suggestion } from '../genesys/copilot-schemas';

/**
 * Agent Copilot suggestions (`Suggestion`, docs/genesys-api.md "conversation-suggestions") to our
 * model. Knowledge suggestions (KnowledgeSearch, KnowledgeArticle, Faq, Article) become
 * recommendations; everything else (CannedResponse, Script, ThirdPartySuggestion, a type we do not
 * know yet) goes to its own group instead of being dropped. Invalid items are counted.
 *
 * - relevance is the suggestion's `confidence`. KnowledgeArticle suggestions carry none because a
 *   rule (an intent), not a ranking, chose them: no score is invented (0, marked `ruleTriggered`),
 *   and `trigger` says why; the filter places them after the ranked cards.
 * - publishedDate is always null: a suggestion says when it was made, never when its article was
 *   published, and an unknown age is shown as unknown (docs/architecture.md), never invented.
 * - sourceId is the knowledge base when the document's `selfUri` names it, else the document.
 */

export interface MappedSuggestions {
  items: Recommendation[];
  others: OtherSuggestion[];
  /** Items that failed validation (no id, no title, an impossible confidence…). */
  invalidCount: number;
}

export type SuggestionOutcome =
  | { kind: 'recommendation'; recommendation: Recommendation }
  | { kind: 'other'; other: OtherSuggestion }
  /** Dismissed or failed: a real suggestion the agent should no longer see. */
  | { kind: 'withdrawn' }
  | { kind: 'invalid' };

const MAX_TITLE = 500;
const MAX_CONTENT = 20_000;
const MAX_DETAIL = 5000;
const KNOWLEDGE_BASE_IN_URI = /\/knowledge\/knowledgebases\/([^/?#]+)\/documents\//;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** A confidence in 0..1, or undefined when absent; NaN and out-of-range values are invalid (null). */
function confidenceOf(value: number | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : null;
}

function sourceOf(document: { id?: string | undefined; selfUri?: string | undefined } | undefined, fallback: string): string {
  const knowledgeBase = document?.selfUri ? KNOWLEDGE_BASE_IN_URI.exec(document.selfUri)?.[1] : undefined;
  return knowledgeBase ? decodeURIComponent(knowledgeBase) : (nonEmpty(document?.id) ?? fallback);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/** The snippets, led by the highlighted answer unless a snippet already holds it (it usually does). */
function joinContent(answer: string | undefined, snippets: readonly string[] | undefined): string {
  const texts = (snippets ?? []).map(nonEmpty).filter((part): part is string => part !== undefined);
  const highlighted = nonEmpty(answer);
  const parts = highlighted && !texts.some((text) => text.includes(highlighted)) ? [highlighted, ...texts] : texts;
  return clip([...new Set(parts)].join('\n\n'), MAX_CONTENT);
}

function recommendation(suggestion: Suggestion, fields: Omit<Recommendation, 'id' | 'publishedDate' | 'kind' | 'trigger'>): SuggestionOutcome {
  return {
    kind: 'recommendation',
    recommendation: {
      id: suggestion.id,
      ...fields,
      title: clip(fields.title, MAX_TITLE),
      publishedDate: null,
      ...(suggestion.type !== undefined && { kind: clip(suggestion.type, 64) }),
      ...(suggestion.triggerType !== undefined && { trigger: clip(suggestion.triggerType, 64) }),
      ...(nonEmpty(suggestion.context?.queryStatement) !== undefined && { customerLine: clip(suggestion.context!.queryStatement!.trim(), 400) }),
    },
  };
}

function other(suggestion: Suggestion, kind: string, title: string, detail: string, url?: string): SuggestionOutcome {
  return {
    kind: 'other',
    other: {
      id: suggestion.id,
      kind: clip(kind, 64),
      title: clip(title, MAX_TITLE),
      detail: clip(detail, MAX_DETAIL),
      ...(suggestion.triggerType !== undefined && { trigger: clip(suggestion.triggerType, 64) }),
      ...(url !== undefined && { url }),
    },
  };
}

/** Which payload a suggestion carries: the `type` when it names one, else whichever is present; null for neither. */
function payloadKind(suggestion: Suggestion): string | null {
  const byType: Record<string, keyof Suggestion> = {
    KnowledgeSearch: 'knowledgeSearch',
    KnowledgeArticle: 'knowledgeArticle',
    Faq: 'faq',
    Article: 'article',
    CannedResponse: 'cannedResponse',
    Script: 'script',
    ThirdPartySuggestion: 'thirdPartySuggestion',
  };
  if (suggestion.type && byType[suggestion.type] && suggestion[byType[suggestion.type]!] !== undefined) return suggestion.type;
  for (const [type, field] of Object.entries(byType)) if (suggestion[field] !== undefined) return type;
  return suggestion.type ?? null;
}

/** One validated suggestion. */
export function mapSuggestion(suggestion: Suggestion): SuggestionOutcome {
  if (suggestion.state !== undefined && !(SHOWN_SUGGESTION_STATES as readonly string[]).includes(suggestion.state)) return { kind: 'withdrawn' };
  const kind = payloadKind(suggestion);
  if (kind === null) return { kind: 'invalid' };
  switch (kind) {
    case 'KnowledgeSearch': {
      const search = suggestion.knowledgeSearch!;
      const title = nonEmpty(search.title);
      const score = confidenceOf(search.confidence);
      if (!title || score === null || score === undefined) return { kind: 'invalid' };
      return recommendation(suggestion, {
        title,
        content: joinContent(search.knowledgeAnswer?.answer, search.snippets),
        relevanceScore: score,
        sourceId: sourceOf(search.document, 'knowledge'),
      });
    }
    case 'KnowledgeArticle': {
      const article = suggestion.knowledgeArticle!;
      const title = nonEmpty(article.title);
      if (!title) return { kind: 'invalid' };
      return recommendation(suggestion, {
        title,
        content: joinContent(article.knowledgeAnswer?.answer, article.snippets),
        relevanceScore: 0,
        ruleTriggered: true,
        sourceId: sourceOf(article.document, 'knowledge'),
      });
    }
    case 'Faq': {
      const faq = suggestion.faq!;
      const question = nonEmpty(faq.question);
      const score = confidenceOf(faq.confidence);
      if (!question || score === null || score === undefined) return { kind: 'invalid' };
      const url = nonEmpty(faq.documentUrl) ?? nonEmpty(faq.sourceUri);
      return recommendation(suggestion, {
        title: question,
        content: clip(faq.answer?.trim() ?? '', MAX_CONTENT),
        relevanceScore: score,
        sourceId: nonEmpty(faq.sourceUri) ?? 'faq',
        ...(nonEmpty(faq.documentDisplayName) !== undefined && { sourceName: clip(faq.documentDisplayName!.trim(), 200) }),
        ...(url !== undefined && { url }),
      });
    }
    case 'Article': {
      const article = suggestion.article!;
      const title = nonEmpty(article.title);
      const score = confidenceOf(article.confidence);
      if (!title || score === null || score === undefined) return { kind: 'invalid' };
      const url = nonEmpty(article.uri);
      return recommendation(suggestion, {
        title,
        content: joinContent(undefined, article.snippets),
        relevanceScore: score,
        sourceId: hostOf(url) ?? 'article',
        ...(url !== undefined && { url }),
      });
    }
    case 'CannedResponse': {
      const canned = suggestion.cannedResponse!;
      const response = nonEmpty(canned.response?.id);
      if (!response) return { kind: 'invalid' };
      const library = nonEmpty(canned.library?.id);
      // Ids only: the provider reads the text from response management (canned-responses.ts).
      const outcome = other(suggestion, 'CannedResponse', response, library ? `${response} (${library})` : response);
      return outcome.kind === 'other' ? { kind: 'other', other: { ...outcome.other, responseId: clip(response, 256) } } : outcome;
    }
    case 'Script': {
      const script = suggestion.script!;
      const scriptId = nonEmpty(script.script?.id);
      if (!scriptId) return { kind: 'invalid' };
      const page = nonEmpty(script.page?.id);
      const data = Object.entries(script.data ?? {}).map(([key, value]) => `${key}: ${value}`);
      return other(suggestion, 'Script', page ? `${scriptId} › ${page}` : scriptId, data.join('\n'));
    }
    case 'ThirdPartySuggestion': {
      const third = suggestion.thirdPartySuggestion!;
      const text = nonEmpty(third.text) ?? '';
      const title = nonEmpty(third.title) ?? text.slice(0, 80);
      if (!title) return { kind: 'invalid' };
      const url = third.sources?.map((source) => nonEmpty(source.url)).find((value) => value !== undefined);
      return other(suggestion, 'ThirdPartySuggestion', title, text, url);
    }
    default:
      // A type this version does not know (e.g. SuggestedKnowledgeAnswer without a payload we read):
      // shown by name in the other group, so the agent and support can see it arrived.
      return other(suggestion, kind, kind, '');
  }
}

/** A listing's items: validated one by one, mapped, invalid ones counted. */
export function mapSuggestions(raw: readonly unknown[]): MappedSuggestions {
  const result: MappedSuggestions = { items: [], others: [], invalidCount: 0 };
  for (const entry of raw) {
    const parsed = Suggestion.safeParse(entry);
    const outcome = parsed.success ? mapSuggestion(parsed.data) : ({ kind: 'invalid' } as const);
    if (outcome.kind === 'recommendation') result.items.push(outcome.recommendation);
    else if (outcome.kind === 'other') result.others.push(outcome.other);
    else if (outcome.kind === 'invalid') result.invalidCount++;
  }
  return result;
}
