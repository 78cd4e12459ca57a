import { describe, expect, it } from 'vitest';
import { seedConversations, formatTimeline } from './conversations';
import { articles, hostileArticles, HOSTILE_ORIGIN_PLACEHOLDER, knowledgeBases } from './corpus';
import { rankArticles } from './scoring';

/** The extension's default filters (docs/settings.md: `minRelevanceScore`, `maxContentAgeDays`). */
const MIN_RELEVANCE = 0.8;
const MAX_AGE_DAYS = 7;

describe('the corpus', () => {
  it('has at least 44 articles in at least 4 named knowledge bases, unique ids', () => {
    expect(articles.length).toBeGreaterThanOrEqual(44);
    const ids = new Set(articles.map((article) => article.id));
    expect(ids.size).toBe(articles.length);
    const kbIds = new Set(knowledgeBases.map((kb) => kb.id));
    expect(kbIds.size).toBeGreaterThanOrEqual(4);
    for (const article of articles) expect(kbIds).toContain(article.sourceId);
    for (const kb of knowledgeBases) expect(articles.filter((article) => article.sourceId === kb.id).length).toBeGreaterThanOrEqual(11);
  });

  it('has stale, capped and marked-up articles', () => {
    expect(articles.filter((article) => article.ageDays >= 30).length).toBeGreaterThanOrEqual(4);
    expect(articles.filter((article) => (article.scoreCap ?? 1) < 0.8).length).toBeGreaterThanOrEqual(4);
    const html = articles.map((article) => article.content).join('');
    for (const tag of ['<p>', '<ul><li>', '<strong>', '<a href=']) expect(html).toContain(tag);
  });

  it('keeps hostile payloads apart, each reporting to the beacon with its own id', () => {
    expect(hostileArticles.length).toBeGreaterThanOrEqual(4);
    const ids = new Set(articles.map((article) => article.id));
    for (const hostile of hostileArticles) {
      expect(ids.has(hostile.id)).toBe(false);
      expect(hostile.content).toContain(`${HOSTILE_ORIGIN_PLACEHOLDER}/__sim/hostile-executed?id=${hostile.id}`);
    }
    const payloads = hostileArticles.map((hostile) => hostile.content).join('\n');
    for (const vector of ['<script>', 'onerror=', 'javascript:', '<svg', 'onload=']) expect(payloads).toContain(vector);
  });

  it('surfaces hostile articles for the seeded double-charge conversation', () => {
    const billing = seedConversations.find((conversation) => conversation.channel === 'message');
    const ranked = rankArticles([...hostileArticles, ...articles], formatTimeline(billing?.timeline ?? []));
    const shown = ranked.filter((entry) => entry.score >= MIN_RELEVANCE && entry.article.ageDays <= MAX_AGE_DAYS).map((entry) => entry.article.id);
    for (const hostile of hostileArticles) expect(shown).toContain(hostile.id);
  });
});

describe('seed conversations', () => {
  it('are four, with fixed UUIDs and four channels', () => {
    expect(seedConversations).toHaveLength(4);
    expect(new Set(seedConversations.map((conversation) => conversation.channel))).toEqual(new Set(['message', 'chat', 'voice', 'email']));
    for (const conversation of seedConversations) {
      expect(conversation.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(conversation.timeline.length).toBeGreaterThanOrEqual(6);
      expect(conversation.timeline.length).toBeLessThanOrEqual(10);
      expect(conversation.timeline[0]?.author).toBe('customer');
    }
  });

  describe.each(seedConversations.map((conversation) => [conversation.channel, conversation] as const))('%s conversation', (_channel, conversation) => {
    const ranked = rankArticles(articles, formatTimeline(conversation.timeline));
    const byId = new Map(ranked.map((entry) => [entry.article.id, entry]));
    const shown = ranked.filter((entry) => entry.score >= MIN_RELEVANCE && entry.article.ageDays <= MAX_AGE_DAYS);

    it('shows at least two fresh articles scoring ≥ 0.80, the expected ones among them', () => {
      expect(shown.length).toBeGreaterThanOrEqual(2);
      for (const id of conversation.expected.visible) expect(shown.map((entry) => entry.article.id)).toContain(id);
    });

    it('has a fresh matching article below 0.80 (hidden for its score)', () => {
      for (const id of conversation.expected.lowScore) {
        const entry = byId.get(id);
        expect(entry?.score).toBeGreaterThanOrEqual(0.3);
        expect(entry?.score).toBeLessThan(MIN_RELEVANCE);
        expect(entry?.article.ageDays).toBeLessThanOrEqual(MAX_AGE_DAYS);
      }
    });

    it('has a stale article scoring ≥ 0.80 (hidden for its age)', () => {
      for (const id of conversation.expected.stale) {
        const entry = byId.get(id);
        expect(entry?.score).toBeGreaterThanOrEqual(MIN_RELEVANCE);
        expect(entry?.article.ageDays).toBeGreaterThan(MAX_AGE_DAYS);
      }
    });

    it("keeps to its own knowledge base for everything it shows", () => {
      const kb = byId.get(conversation.expected.visible[0] ?? '')?.article.sourceId;
      for (const entry of shown) expect(entry.article.sourceId).toBe(kb);
    });
  });
});
