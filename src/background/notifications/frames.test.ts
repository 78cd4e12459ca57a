import { describe, expect, it } from 'vitest';
import { mapSuggestions } from '../copilot/suggestion-mapping';
import { MAX_FRAME_CHARS, parseFrame } from './frames';

const frame = (topicName: string, eventBody: unknown) => JSON.stringify({ topicName, version: '2', eventBody, metadata: { CorrelationId: 'x' } });

describe('parseFrame', () => {
  it('recognises heartbeats, pongs and socket_closing', () => {
    expect(parseFrame(frame('channel.metadata', { message: 'WebSocket Heartbeat' }))).toEqual({ kind: 'heartbeat' });
    expect(parseFrame(frame('channel.metadata', { message: 'pong' }))).toEqual({ kind: 'heartbeat' });
    expect(parseFrame(frame('v2.system.socket_closing', { message: 'closing' }))).toEqual({ kind: 'socket-closing' });
  });

  it('turns a knowledge search event into a REST-shaped suggestion that maps like a backfilled one', () => {
    const parsed = parseFrame(
      frame('v2.conversations.c-1.suggestions.knowledge.search', {
        eventTime: '2025-03-20T12:00:00.000Z',
        conversationId: 'c-1',
        suggestionId: 's-1',
        state: 'Suggested',
        triggerType: 'Fallback',
        knowledgeSearch: {
          title: 'Refund a duplicate charge',
          uri: '/api/v2/knowledge/knowledgebases/kb-billing/documents/doc-1',
          snippets: ['Check the payment history.'],
          confidence: 0.9,
          searchId: 'q-1',
          documentId: 'doc-1',
          versionId: 'v-1',
        },
      }),
    );
    expect(parsed).toMatchObject({ kind: 'suggestion', conversationId: 'c-1', suggestion: { id: 's-1', type: 'KnowledgeSearch', state: 'Suggested' } });
    if (parsed.kind !== 'suggestion') throw new Error('not a suggestion');
    expect(mapSuggestions([parsed.suggestion]).items).toEqual([
      {
        id: 's-1',
        title: 'Refund a duplicate charge',
        content: 'Check the payment history.',
        relevanceScore: 0.9,
        publishedDate: null,
        sourceId: 'kb-billing',
        kind: 'KnowledgeSearch',
        trigger: 'Fallback',
      },
    ]);
  });

  it('turns article, canned response and script events into suggestions of their type', () => {
    const article = parseFrame(frame('v2.conversations.c-1.suggestions.knowledge.article', { suggestionId: 's-2', triggerType: 'Intent', knowledgeArticle: { title: 'T', documentId: 'd' } }));
    const canned = parseFrame(frame('v2.conversations.c-1.suggestions.response', { suggestionId: 's-3', cannedResponse: { responseId: 'r', libraryId: 'l' } }));
    const script = parseFrame(frame('v2.conversations.c-1.suggestions.knowledge.script', { suggestionId: 's-4', script: { scriptId: 'sc', pageId: 'p', data: { a: 'b' } } }));
    const mapped = mapSuggestions([article, canned, script].map((entry) => (entry.kind === 'suggestion' ? entry.suggestion : null)));
    expect(mapped.invalidCount).toBe(0);
    expect(mapped.items.map((item) => [item.id, item.kind, item.sourceId])).toEqual([['s-2', 'KnowledgeArticle', 'd']]);
    expect(mapped.others.map((item) => [item.id, item.kind, item.title])).toEqual([
      ['s-3', 'CannedResponse', 'r'],
      ['s-4', 'Script', 'sc › p'],
    ]);
  });

  it('reads conversation events and ignores topics we do not use', () => {
    expect(parseFrame(frame('v2.users.u-1.conversations', { id: 'c-1', participants: [] }))).toEqual({ kind: 'conversation', conversation: { id: 'c-1', participants: [] } });
    expect(parseFrame(frame('v2.users.u-1.presence', {}))).toEqual({ kind: 'ignored', topicName: 'v2.users.u-1.presence' });
  });

  it('calls anything else invalid, never throwing', () => {
    for (const data of [42, null, 'not json', '[]', '{"eventBody":{}}', frame('v2.conversations.c.suggestions.knowledge.search', { knowledgeSearch: {} }), frame('v2.users.u.conversations', { id: 5 }), 'x'.repeat(MAX_FRAME_CHARS + 1)]) {
      expect(parseFrame(data).kind).toBe('invalid');
    }
  });
});
