/**
 * Deterministic relevance scoring: keyword overlap between a transcript and each article, nothing
 * random, nothing learned, so a test can say in advance what a conversation will surface.
 *
 * - Terms: lower case, letters and digits, stop words dropped, crude stemming.
 * - Transcript weights: when lines say who spoke ("Customer: …" / "Agent: …", the extension's
 *   format), customer words weigh 1 and agent words 0.5; otherwise every word weighs 1.
 * - Article evidence: each keyword phrase whose terms all occur adds the weight of its weakest term
 *   (strong); each title term that occurs adds 0.35 of its weight (medium).
 * - Score: 1 − e^(−0.75 × evidence), capped at 0.99 and at the article's `scoreCap`: one keyword
 *   from the customer gives ≈ 0.5, three give ≈ 0.9.
 */

export interface ScorableArticle {
  id: string;
  title: string;
  /** Phrases; all of a phrase's terms must occur (anywhere) for it to count. */
  keywords: readonly string[];
  /** The knowledge base. */
  sourceId: string;
  /** Upper bound on the score, to make some relevant articles deliberately weak. */
  scoreCap?: number;
}

export interface RankOptions {
  /** Only these knowledge bases, when non-empty. */
  knowledgeBaseIds?: readonly string[];
  limit?: number;
  minScore?: number;
}

export interface RankedArticle<A> {
  article: A;
  /** 0..1, three decimals. */
  score: number;
}

export const DEFAULT_LIMIT = 12;
export const DEFAULT_MIN_SCORE = 0.3;
const KEYWORD_WEIGHT = 1;
const TITLE_WEIGHT = 0.35;
const STEEPNESS = 0.75;
const MAX_SCORE = 0.99;
const CUSTOMER_LINE_WEIGHT = 1;
const OTHER_LINE_WEIGHT = 0.5;

const STOP_WORDS = new Set(
  (
    'a about after again all also am an and any are as at be been before being both but by can could did didn do does doesn ' +
    'don during each either for from get got had has have haven having he her here hers him his how i if im in into is isn ' +
    'it its ive just let ll me more most my no nor not now of off ok okay on once one only or other our ours out over own ' +
    'please re really same she should so some still such sure than thank thanks that the their them then there these they ' +
    'this those through to too under until up us ve very was wasn we were what when where which while who whom why will ' +
    'with won would yes yeah you your yours hi hello dear um uh er erm oh well right'
  ).split(' '),
);

/** Crude, consistent stemming: charge/charges/charged/charging → charg. Both sides use it. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.length > 5) w = w.replace(/isation$/, 'ization').replace(/is(e|ed|es|ing)$/, 'iz$1').replace(/our$/, 'or');
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (/(?:ch|sh|x|ss|z)es$/.test(w) && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w !== word && /([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1); // shipped → ship
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** The terms of a text, in order, repeats kept. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/);
  for (const word of words) {
    if (word.length < 2 || /^\d+$/.test(word) || STOP_WORDS.has(word)) continue;
    terms.push(stem(word));
  }
  return terms;
}

const SPEAKER = /^\s*(customer|agent|system)\s*:\s*/i;

/** Each transcript term with its weight (the highest of its occurrences). */
export function transcriptTerms(transcript: string): Map<string, number> {
  const lines = transcript.split(/\r?\n/);
  const speakerAware = lines.some((line) => /^\s*customer\s*:/i.test(line));
  const weights = new Map<string, number>();
  for (const line of lines) {
    const speaker = SPEAKER.exec(line)?.[1]?.toLowerCase();
    if (speaker === 'system') continue;
    const weight = !speakerAware || speaker === 'customer' ? CUSTOMER_LINE_WEIGHT : OTHER_LINE_WEIGHT;
    for (const term of tokenize(line.replace(SPEAKER, ''))) {
      weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    }
  }
  return weights;
}

interface ArticleTerms {
  keywordPhrases: string[][];
  titleTerms: string[];
}

const articleTermsCache = new WeakMap<ScorableArticle, ArticleTerms>();

function termsOf(article: ScorableArticle): ArticleTerms {
  let terms = articleTermsCache.get(article);
  if (!terms) {
    terms = {
      keywordPhrases: article.keywords.map((keyword) => [...new Set(tokenize(keyword))]).filter((phrase) => phrase.length > 0),
      titleTerms: [...new Set(tokenize(article.title))],
    };
    articleTermsCache.set(article, terms);
  }
  return terms;
}

/** The article's score for these transcript terms, unrounded, 0..0.99. */
export function scoreArticle(article: ScorableArticle, terms: ReadonlyMap<string, number>): number {
  const { keywordPhrases, titleTerms } = termsOf(article);
  let evidence = 0;
  for (const phrase of keywordPhrases) {
    evidence += KEYWORD_WEIGHT * Math.min(...phrase.map((term) => terms.get(term) ?? 0));
  }
  for (const term of titleTerms) evidence += TITLE_WEIGHT * (terms.get(term) ?? 0);
  if (evidence === 0) return 0;
  const score = 1 - Math.exp(-STEEPNESS * evidence);
  return Math.min(score, MAX_SCORE, article.scoreCap ?? 1);
}

/** The article's keyword phrases whose terms all occur in the transcript: what a card says it matched. */
export function matchedKeywords(article: ScorableArticle, transcript: string): string[] {
  const terms = transcriptTerms(transcript);
  return article.keywords.filter((keyword) => {
    const phrase = [...new Set(tokenize(keyword))];
    return phrase.length > 0 && phrase.every((term) => terms.has(term));
  });
}

export function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** The best articles for a transcript: score ≥ minScore, highest first (ties by id), at most `limit`. */
export function rankArticles<A extends ScorableArticle>(articles: readonly A[], transcript: string, options: RankOptions = {}): RankedArticle<A>[] {
  const { knowledgeBaseIds = [], limit = DEFAULT_LIMIT, minScore = DEFAULT_MIN_SCORE } = options;
  if (transcript.trim() === '') return [];
  const terms = transcriptTerms(transcript);
  const ranked: RankedArticle<A>[] = [];
  for (const article of articles) {
    if (knowledgeBaseIds.length > 0 && !knowledgeBaseIds.includes(article.sourceId)) continue;
    const score = roundScore(scoreArticle(article, terms));
    if (score >= minScore) ranked.push({ article, score });
  }
  ranked.sort((a, b) => b.score - a.score || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  return ranked.slice(0, limit);
}
