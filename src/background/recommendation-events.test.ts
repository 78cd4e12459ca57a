import { describe, expect, it, vi } from 'vitest';
import { emptyViewState } from '../shared/view-state';
import { createEventRecorder, findKnowledgeRef } from './recommendation-events';

const input = { conversationId: 'c-1', recommendationId: 'r-1', sourceId: 'kb-billing', action: 'copy' as const };

describe('createEventRecorder', () => {
  it('adds id, agent and time, and resolves only after listeners have the event', async () => {
    const order: string[] = [];
    const emit = vi.fn(async () => {
      await Promise.resolve();
      order.push('listeners done');
    });
    const record = createEventRecorder({ agentId: async () => 'agent-7', now: () => Date.UTC(2026, 10, 25, 12), newId: () => 'id-1', emit });
    const event = await record(input);
    order.push('acknowledged');
    expect(event).toEqual({ ...input, eventId: 'id-1', agentId: 'agent-7', timestamp: '2026-11-25T12:00:00.000Z' });
    expect(emit).toHaveBeenCalledWith({ type: 'recommendation-event', event });
    expect(order).toEqual(['listeners done', 'acknowledged']);
  });

  it('refuses when nobody is signed in', async () => {
    const record = createEventRecorder({ agentId: async () => null, emit: vi.fn() });
    await expect(record(input)).rejects.toThrow(/Sign in/);
  });

  it('attaches the Knowledge ids of the card from the worker’s own views, never from the page', async () => {
    const ref = { documentId: 'd', knowledgeBaseId: 'kb', variationId: 'v', versionId: 'ver', surfacing: 'Snippet' as const, queryType: 'AutoSearch' as const };
    const card = { id: 'r-1', title: 'T', content: '', relevanceScore: 0.9, publishedDate: null, sourceId: 'kb', knowledge: ref };
    const views = [
      { ...emptyViewState(1, 'ready'), conversationId: 'other', recommendations: [{ ...card, knowledge: { ...ref, documentId: 'wrong' } }] },
      { ...emptyViewState(2, 'ready'), conversationId: 'c-1', hidden: [{ recommendation: card, reason: 'low-score' as const }] },
    ];
    expect(findKnowledgeRef(views, 'c-1', 'r-1')).toEqual(ref);
    expect(findKnowledgeRef(views, 'c-1', 'r-2')).toBeUndefined();
    const record = createEventRecorder({ agentId: async () => 'a', knowledgeRef: async (conversationId, id) => findKnowledgeRef(views, conversationId, id), emit: vi.fn() });
    expect((await record(input)).knowledge).toEqual(ref);
  });
});
