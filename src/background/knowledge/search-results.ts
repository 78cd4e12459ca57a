import type { KnowledgeRef, Recommendation } from '../../shared/recommendation';
import { KnowledgeDocumentSearchResult, type KnowledgeDocumentSearchVariation, type SearchQueryType } from '../genesys/knowledge-schemas';

/**
 * `KnowledgeDocumentSearch.results` to our cards: title, the highlighted answer (or the document's
 * answer, or its text), the knowledge base, confidence as relevance, the last modification as the
 * age, and the ids Genesys needs to credit engagement to the variation and version shown.
 * Invalid results are counted, never shown, never fatal.
 */
const MAX_TITLE = 500;
const MAX_CONTENT = 20_000;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function validDate(value: string | undefined): string | null {
  return value !== undefined && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** The answer highlight's text (`answerHighlight` start/end within a text block), if any. */
export function highlightedAnswer(variation: KnowledgeDocumentSearchVariation | undefined): string | null {
  const parts: string[] = [];
  for (const block of variation?.body?.blocks ?? []) {
    for (const content of block.paragraph?.blocks ?? []) {
      const text = content.text?.text;
      const highlight = content.answerHighlight;
      if (!text || !highlight) continue;
      const start = Math.max(0, highlight.startIndex ?? 0);
      const end = Math.min(text.length, highlight.endIndex ?? text.length);
      if (end > start) parts.push(text.slice(start, end));
    }
  }
  const answer = parts.join(' ').replace(/\s+/g, ' ').trim();
  return answer || null;
}

/** The variation's paragraphs as plain text. */
function bodyText(variation: KnowledgeDocumentSearchVariation | undefined): string {
  const paragraphs = (variation?.body?.blocks ?? []).map((block) => (block.paragraph?.blocks ?? []).map((content) => content.text?.text ?? '').join(''));
  return paragraphs.filter((paragraph) => paragraph.trim() !== '').join('\n\n');
}

export interface MapContext {
  knowledgeBaseId: string;
  knowledgeBaseName?: string;
  searchId?: string;
  queryType: Extract<SearchQueryType, 'AutoSearch' | 'ManualSearch'>;
  mediaType?: string;
}

export function mapKnowledgeResults(results: readonly unknown[], context: MapContext): { items: Recommendation[]; invalidCount: number } {
  const items: Recommendation[] = [];
  let invalidCount = 0;
  for (const raw of results) {
    const parsed = KnowledgeDocumentSearchResult.safeParse(raw);
    const title = parsed.success ? parsed.data.document.title?.trim() : undefined;
    const confidence = parsed.success ? (parsed.data.confidence ?? 0) : Number.NaN;
    if (!parsed.success || !title || !(confidence >= 0 && confidence <= 1)) {
      invalidCount++;
      continue;
    }
    const { document } = parsed.data;
    // The search returns the variation that matched first.
    const variation = document.variations?.[0];
    const highlight = highlightedAnswer(variation);
    const answer = highlight ?? document.answer?.trim() ?? '';
    // The answer first, then the article, so the card's excerpt answers and opening it reads in full.
    const body = bodyText(variation);
    const content = !answer ? body : !body || body.startsWith(answer) ? body || answer : `${answer}\n\n${body}`;
    const knowledgeBaseId = document.knowledgeBase?.id ?? context.knowledgeBaseId;
    const versionId = variation?.documentVersion?.id ?? document.documentVersion?.id;
    const knowledge: KnowledgeRef | undefined =
      variation?.id && versionId
        ? {
            documentId: document.id,
            knowledgeBaseId,
            variationId: variation.id,
            versionId,
            ...(context.searchId !== undefined && { searchId: context.searchId }),
            surfacing: answer ? 'Highlight' : 'Snippet',
            queryType: context.queryType,
            ...(context.mediaType !== undefined && { mediaType: context.mediaType }),
          }
        : undefined;
    items.push({
      id: document.id,
      title: clip(title, MAX_TITLE),
      content: clip(content, MAX_CONTENT),
      relevanceScore: confidence,
      // Knowledge documents are edited in place: the last change is what makes one current.
      publishedDate: validDate(document.dateModified) ?? validDate(variation?.dateModified) ?? validDate(document.datePublished),
      sourceId: knowledgeBaseId,
      ...(knowledgeBaseId === context.knowledgeBaseId && context.knowledgeBaseName !== undefined && { sourceName: context.knowledgeBaseName }),
      ...(document.externalUrl !== undefined && { url: document.externalUrl }),
      ...(knowledge && { knowledge }),
    });
  }
  return { items, invalidCount };
}
