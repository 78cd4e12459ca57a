import { describe, expect, it } from 'vitest';
import { articles } from './corpus';
import { rankArticles, roundScore, scoreArticle, stem, tokenize, transcriptTerms, type ScorableArticle } from './scoring';

const article = (overrides: Partial<ScorableArticle> = {}): ScorableArticle => ({
  id: 'a',
  title: 'Refund a double charge',
  keywords: ['refund', 'double charge', 'charged twice', 'bank statement'],
  sourceId: 'kb-billing',
  ...overrides,
});

describe('tokenize and stem', () => {
  it('lower-cases, drops stop words, numbers and one-letter words', () => {
    expect(tokenize("Hi, I've been CHARGED twice for 42 pounds!")).toEqual(['charg', 'twic', 'pound']);
  });

  it('gives inflections one stem', () => {
    expect(new Set(['charge', 'charges', 'charged', 'charging'].map(stem))).toEqual(new Set(['charg']));
    expect(new Set(['refund', 'refunds', 'refunded', 'refunding'].map(stem))).toEqual(new Set(['refund']));
    expect(stem('batteries')).toBe(stem('battery'));
    expect(stem('shipped')).toBe(stem('ship'));
    expect(stem('authorisation')).toBe(stem('authorization'));
    expect(stem('address')).toBe('address');
  });
});

describe('transcriptTerms', () => {
  it('weighs customer words over agent words when lines name the speaker', () => {
    const terms = transcriptTerms('Customer: my refund\nAgent: the invoice\nSystem: transfer');
    expect(terms.get('refund')).toBe(1);
    expect(terms.get('invoic')).toBe(0.5);
    expect(terms.has('transfer')).toBe(false);
    expect(terms.has('customer')).toBe(false);
  });

  it('weighs every word fully in an unlabelled transcript', () => {
    const terms = transcriptTerms('my refund\nthe invoice');
    expect(terms.get('refund')).toBe(1);
    expect(terms.get('invoic')).toBe(1);
  });
});

describe('scoreArticle', () => {
  it('scores a strong match 0.85–0.99 and a single keyword 0.3–0.7', () => {
    const strong = scoreArticle(article(), transcriptTerms('Customer: I was charged twice, a double charge on my bank statement. I want a refund.'));
    const weak = scoreArticle(article(), transcriptTerms('Customer: can I get a refund?'));
    expect(strong).toBeGreaterThanOrEqual(0.85);
    expect(strong).toBeLessThanOrEqual(0.99);
    expect(weak).toBeGreaterThanOrEqual(0.3);
    expect(weak).toBeLessThanOrEqual(0.7);
  });

  it('counts a keyword phrase only when all its terms occur', () => {
    expect(scoreArticle(article({ title: 'x', keywords: ['double charge'] }), transcriptTerms('Customer: double trouble'))).toBe(0);
    expect(scoreArticle(article({ title: 'x', keywords: ['double charge'] }), transcriptTerms('Customer: a double charge'))).toBeGreaterThan(0);
  });

  it('lets the same words count less when only the agent says them', () => {
    const byCustomer = scoreArticle(article(), transcriptTerms('Customer: refund for the double charge\nAgent: ok'));
    const byAgent = scoreArticle(article(), transcriptTerms('Customer: hello\nAgent: refund for the double charge'));
    expect(byAgent).toBeLessThan(byCustomer);
  });

  it('never exceeds the article scoreCap', () => {
    const terms = transcriptTerms('Customer: charged twice, double charge, refund, bank statement');
    expect(scoreArticle(article({ scoreCap: 0.62 }), terms)).toBe(0.62);
  });

  it('follows the documented curve: 1 − e^(−0.75 × evidence)', () => {
    const single = article({ title: 'unrelated', keywords: ['refund'] });
    expect(roundScore(scoreArticle(single, transcriptTerms('Customer: refund')))).toBe(0.528);
    expect(roundScore(scoreArticle(single, transcriptTerms('Customer: hi\nAgent: refund')))).toBe(0.313);
    const titled = article({ title: 'Refund', keywords: ['refund', 'double charge'] });
    expect(roundScore(scoreArticle(titled, transcriptTerms('Customer: refund my double charge')))).toBe(roundScore(1 - Math.exp(-0.75 * 2.35)));
  });

  it('is 0 without any overlap', () => {
    expect(scoreArticle(article(), transcriptTerms('Customer: my parcel is late'))).toBe(0);
  });
});

describe('rankArticles', () => {
  const transcript = 'Customer: I was charged twice and want a refund\nAgent: sorry about the double charge';

  it('is deterministic', () => {
    expect(rankArticles(articles, transcript)).toEqual(rankArticles(articles, transcript));
  });

  it('sorts by score, keeps scores ≥ 0.30 with three decimals, at most 12', () => {
    const ranked = rankArticles(articles, transcript);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.length).toBeLessThanOrEqual(12);
    for (const [index, entry] of ranked.entries()) {
      expect(entry.score).toBeGreaterThanOrEqual(0.3);
      expect(Math.round(entry.score * 1000) / 1000).toBe(entry.score);
      if (index > 0) expect(entry.score).toBeLessThanOrEqual(ranked[index - 1]?.score ?? 1);
    }
    expect(ranked[0]?.article.id).toBe('billing-double-charge');
  });

  it('caps the list at the limit', () => {
    const everything = articles.map((entry) => entry.keywords.join(' ')).join('\n');
    expect(rankArticles(articles, everything)).toHaveLength(12);
    expect(rankArticles(articles, everything, { limit: 3 })).toHaveLength(3);
  });

  it('filters to the requested knowledge bases', () => {
    const mixed = 'Customer: I was charged twice and want a refund. Also my phone will not charge, the charging port is full of lint.';
    const all = rankArticles(articles, mixed);
    expect(new Set(all.map((entry) => entry.article.sourceId))).toEqual(new Set(['kb-billing', 'kb-devices']));
    const devicesOnly = rankArticles(articles, mixed, { knowledgeBaseIds: ['kb-devices'] });
    expect(devicesOnly.length).toBeGreaterThan(0);
    expect(devicesOnly.every((entry) => entry.article.sourceId === 'kb-devices')).toBe(true);
    expect(rankArticles(articles, mixed, { knowledgeBaseIds: ['kb-unknown'] })).toEqual([]);
  });

  it('answers nothing for an empty transcript', () => {
    expect(rankArticles(articles, '')).toEqual([]);
    expect(rankArticles(articles, '  \n ')).toEqual([]);
  });
});
