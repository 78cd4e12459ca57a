import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Turn } from '../../src/shared/conversation';
import { buildAutoQuery } from '../../src/background/knowledge/auto-query';
import { toKnowledgeEngagement } from '../../src/background/knowledge/engagement';
import { mapKnowledgeResults } from '../../src/background/knowledge/search-results';
import { buildAutoSearchRequest } from '../../src/background/providers/knowledge-search';
import { INITIAL_LINES, seedConversations } from './conversations';
import { knowledgeBases } from './corpus';
import { documentSearch } from './knowledge';
import { startSimulator, type RunningSimulator } from './server';
import { signIn } from './test-client';

const turnsOf = (lines: readonly { author: 'customer' | 'agent'; text: string }[]): Turn[] => lines.map((line) => ({ role: line.author, text: line.text }));
const search = (query: string, conversationId: string) =>
  knowledgeBases
    .flatMap((base) => documentSearch(base.id, buildAutoSearchRequest(query, conversationId, 'message', { minRelevanceScore: 0.8 }), Date.now(), 'http://127.0.0.1').results)
    .sort((a, b) => b.confidence - a.confidence);

describe('the automatic query against the seed conversations', () => {
  it.each(seedConversations.map((seed) => [seed.expected.topic, seed] as const))('%s: the customer’s latest words find what the conversation needs', (_topic, seed) => {
    const opening = buildAutoQuery(turnsOf(seed.timeline.slice(0, INITIAL_LINES)));
    const whole = buildAutoQuery(turnsOf(seed.timeline));
    for (const query of [opening, whole]) {
      expect(query).not.toBeNull();
      // Agent lines never go in.
      for (const line of seed.timeline.filter((entry) => entry.author === 'agent')) expect(query).not.toContain(line.text);
      const results = search(query!, seed.id);
      // The best answer is one the conversation is about, and clears the default threshold.
      expect(seed.expected.visible).toContain(results[0]!.document.id);
      expect(results[0]!.confidence).toBeGreaterThanOrEqual(0.8);
    }
    // By the end, the stale article is found too, so the age threshold (not the search) hides it.
    expect(search(whole!, seed.id).map((result) => result.document.id)).toEqual(expect.arrayContaining(seed.expected.stale));
  });

  it('keeps the last customer turns within the budget, and asks nothing for small talk', () => {
    expect(buildAutoQuery([{ role: 'agent', text: 'Hello, how can I help?' }])).toBeNull();
    expect(buildAutoQuery([{ role: 'customer', text: ' ok ' }])).toBeNull();
    const query = buildAutoQuery([
      { role: 'customer', text: 'first' },
      { role: 'customer', text: 'my card was charged twice' },
      { role: 'agent', text: 'let me look' },
      { role: 'customer', text: 'for the March bill' },
      { role: 'customer', text: 'thanks' },
    ]);
    expect(query).toBe('my card was charged twice for the March bill thanks');
    expect(buildAutoQuery([{ role: 'customer', text: 'word '.repeat(200) }])!.length).toBeLessThanOrEqual(400);
  });
});

describe('simulated Genesys Knowledge endpoints', () => {
  let sim: RunningSimulator;
  let token: string;
  const post = async (path: string, json: unknown) => {
    const response = await fetch(`${sim.origin}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(json) });
    return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
  };
  const control = async (path: string, json?: unknown) =>
    (await fetch(`${sim.origin}/__sim/${path}`, { method: json === undefined ? 'GET' : 'POST', body: json === undefined ? undefined : JSON.stringify(json) })).json() as Promise<Record<string, unknown>>;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control('reset', {});
    token = (await signIn(sim.origin)).token;
  });

  it('answers an AutoSearch with variations, versions and answer highlights, and takes every engagement built from it', async () => {
    const seed = seedConversations[0]!;
    const request = buildAutoSearchRequest('I was charged twice, the same amount, I want a refund', seed.id, 'message', { minRelevanceScore: 0.8 });
    const answer = await post('/api/v2/knowledge/knowledgebases/kb-billing/documents/search', request);
    expect(answer.status).toBe(200);
    const mapped = mapKnowledgeResults((answer.body!.results as unknown[]) ?? [], { knowledgeBaseId: 'kb-billing', searchId: answer.body!.searchId as string, queryType: 'AutoSearch', mediaType: 'Message' });
    const top = mapped.items[0]!;
    expect(top.knowledge).toMatchObject({ documentId: 'billing-double-charge', surfacing: 'Highlight', searchId: answer.body!.searchId });
    for (const action of ['impression', 'open', 'copy', 'insert', 'helpful', 'not_helpful'] as const) {
      const request = toKnowledgeEngagement({ action, conversationId: seed.id, reason: 'out-of-date: old fee', knowledge: top.knowledge! })!;
      expect((await post(request.path, request.body)).status, action).toBeLessThan(300);
    }
    const recorded = (await control('knowledge')).engagements as { kind: string }[];
    expect(recorded.map((entry) => entry.kind)).toEqual(['presentations', 'views', 'copies', 'copies', 'feedback', 'feedback']);
    // A field outside the typings, or a variation from another document, is refused.
    expect((await post('/api/v2/knowledge/knowledgebases/kb-billing/documents/billing-double-charge/views', { documentVariationId: 'x', documentVersionId: 'y', application: { type: 'SmartAdvisor' } })).status).toBe(400);
    expect((await post('/api/v2/knowledge/knowledgebases/kb-billing/documents/search', { ...request, extra: true })).status).toBe(400);
  });

  it('refuses a search in a forbidden knowledge base with 403, and a query under 3 characters with 400', async () => {
    await control('knowledge/forbid', { knowledgeBaseIds: ['kb-devices'] });
    const request = buildAutoSearchRequest('phone not charging', 'c', null, { minRelevanceScore: 0.8 });
    const forbidden = await post('/api/v2/knowledge/knowledgebases/kb-devices/documents/search', request);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body!.message).toContain('knowledge:knowledgebase:search');
    expect((await post('/api/v2/knowledge/knowledgebases/kb-billing/documents/search', request)).status).toBe(200);
    expect((await post('/api/v2/knowledge/knowledgebases/kb-billing/documents/search', { ...request, query: 'ab' })).status).toBe(400);
  });
});
