import { describe, expect, it } from 'vitest';
import { activeConversationsFrom, applyConversationEvent, resolveConversation, transcriptFromMessages } from './active-conversations';

const AGENT = 'agent-1';
const conversation = (id: string, media: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id,
  startTime: '2025-03-20T11:00:00Z',
  participants: [
    { id: `${id}-customer`, purpose: 'customer', messages: [{ state: 'connected' }] },
    { id: `${id}-agent`, purpose: 'agent', userId: AGENT, ...media },
  ],
  ...extra,
});

describe('activeConversationsFrom', () => {
  it('keeps the conversations the agent is connected to, with the channel of the agent media', () => {
    const list = activeConversationsFrom(
      [
        conversation('m', { messages: [{ id: 'x', state: 'connected' }] }),
        conversation('c', { chats: [{ state: 'alerting' }] }),
        conversation('v', { calls: [{ state: 'disconnected' }, { state: 'connected' }] }),
        conversation('e', { emails: [{ state: 'connected' }] }),
        conversation('cb', { callbacks: [{ state: 'connected' }] }),
        conversation('ended-media', { messages: [{ state: 'disconnected' }] }),
        conversation('ended', { messages: [{ state: 'connected' }] }, { endTime: '2025-03-20T11:30:00Z' }),
        { id: 'not-mine', participants: [{ userId: 'someone-else', messages: [{ state: 'connected' }] }] },
      ],
      AGENT,
    );
    expect(list).toEqual([
      { id: 'm', channel: 'message' },
      { id: 'c', channel: 'chat' },
      { id: 'v', channel: 'voice' },
      { id: 'e', channel: 'email' },
      { id: 'cb', channel: 'callback' },
    ]);
  });

  it('applies conversation events: new, changed and ended', () => {
    let list = applyConversationEvent([], conversation('a', { chats: [{ state: 'connected' }] }), AGENT);
    list = applyConversationEvent(list, conversation('b', { messages: [{ state: 'connected' }] }), AGENT);
    list = applyConversationEvent(list, conversation('a', { calls: [{ state: 'connected' }] }), AGENT);
    expect(list).toEqual([
      { id: 'b', channel: 'message' },
      { id: 'a', channel: 'voice' },
    ]);
    list = applyConversationEvent(list, conversation('b', { messages: [{ state: 'disconnected' }] }), AGENT);
    expect(list).toEqual([{ id: 'a', channel: 'voice' }]);
  });
});

describe('resolveConversation', () => {
  const active = [
    { id: 'a', channel: 'message' as const },
    { id: 'b', channel: 'voice' as const },
  ];
  it('takes the API channel for the page conversation', () => {
    expect(resolveConversation({ conversationId: 'b', channel: 'chat' }, active)).toEqual({ conversationId: 'b', channel: 'voice', confirmed: true });
  });
  it('takes the only active conversation when the page has none or an unknown one', () => {
    expect(resolveConversation({ conversationId: null, channel: null }, [active[0]!])).toEqual({ conversationId: 'a', channel: 'message', confirmed: true });
    expect(resolveConversation({ conversationId: 'stale', channel: 'chat' }, [active[0]!])).toEqual({ conversationId: 'a', channel: 'message', confirmed: true });
  });
  it('keeps the page when it cannot tell', () => {
    expect(resolveConversation({ conversationId: null, channel: null }, active)).toEqual({ conversationId: null, channel: null, confirmed: false });
    expect(resolveConversation({ conversationId: 'old', channel: 'email' }, active)).toEqual({ conversationId: 'old', channel: 'email', confirmed: false });
    expect(resolveConversation({ conversationId: 'x', channel: 'chat' }, [])).toEqual({ conversationId: 'x', channel: 'chat', confirmed: false });
  });
});

describe('transcriptFromMessages', () => {
  it('orders by time and maps inbound to the customer, skipping empty and receipt-only messages', () => {
    expect(
      transcriptFromMessages([
        { id: '2', timestamp: '2025-03-20T11:00:02Z', direction: 'outbound', normalizedMessage: { text: 'Hi  there' } },
        { id: '1', timestamp: '2025-03-20T11:00:01Z', direction: 'inbound', normalizedMessage: { text: 'I was charged twice' } },
        { id: '3', timestamp: '2025-03-20T11:00:03Z', direction: 'inbound' },
        { id: '4', timestamp: '2025-03-20T11:00:04Z', direction: 'Inbound', normalizedMessage: { text: ' ' } },
      ]),
    ).toEqual([
      { role: 'customer', text: 'I was charged twice' },
      { role: 'agent', text: 'Hi there' },
    ]);
  });
});
