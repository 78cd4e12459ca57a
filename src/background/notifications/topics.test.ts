import { describe, expect, it } from 'vitest';
import { classifyTopic, suggestionTopics, topicsFor, userConversationsTopic } from './topics';

describe('topic names', () => {
  it('names the agent topic and the suggestion topics of a conversation, both spellings of response and script', () => {
    expect(userConversationsTopic('u-1')).toBe('v2.users.u-1.conversations');
    expect(suggestionTopics('c-1')).toEqual([
      'v2.conversations.c-1.suggestions.knowledge.search',
      'v2.conversations.c-1.suggestions.knowledge.article',
      'v2.conversations.c-1.suggestions.response',
      'v2.conversations.c-1.suggestions.script',
      'v2.conversations.c-1.suggestions.knowledge.response',
      'v2.conversations.c-1.suggestions.knowledge.script',
    ]);
  });

  it('lists every topic once, sorted, and skips ids that are not ids', () => {
    const topics = topicsFor('u-1', ['c-2', 'c-1', 'c-2', 'bad id', '../x']);
    expect(topics).toHaveLength(13);
    expect(topics).toEqual([...topics].sort());
    expect(topics).toContain('v2.users.u-1.conversations');
    expect(topics.some((topic) => topic.includes('bad'))).toBe(false);
    expect(topicsFor('', [])).toEqual([]);
  });

  it('classifies what arrives, accepting both spellings of the response and script topics', () => {
    expect(classifyTopic('channel.metadata')).toEqual({ kind: 'heartbeat' });
    expect(classifyTopic('v2.system.socket_closing')).toEqual({ kind: 'socket-closing' });
    expect(classifyTopic('v2.users.u-1.conversations')).toEqual({ kind: 'user-conversations', userId: 'u-1' });
    expect(classifyTopic('v2.conversations.c.1.suggestions.knowledge.search')).toEqual({ kind: 'suggestion', conversationId: 'c.1', suggestionKind: 'knowledge.search' });
    expect(classifyTopic('v2.conversations.c-1.suggestions.knowledge.article')).toMatchObject({ suggestionKind: 'knowledge.article' });
    expect(classifyTopic('v2.conversations.c-1.suggestions.response')).toMatchObject({ suggestionKind: 'response' });
    expect(classifyTopic('v2.conversations.c-1.suggestions.knowledge.response')).toMatchObject({ suggestionKind: 'response' });
    expect(classifyTopic('v2.conversations.c-1.suggestions.knowledge.script')).toMatchObject({ conversationId: 'c-1', suggestionKind: 'script' });
    expect(classifyTopic('v2.conversations.c-1.transcription')).toEqual({ kind: 'other' });
    expect(classifyTopic('v2.users.u-1.conversations.summaries')).toEqual({ kind: 'other' });
  });
});
