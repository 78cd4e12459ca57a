import { describe, expect, it } from 'vitest';
import { activeConversationsFrom, applyConversationEvent, mergeTranscripts, resolveConversation, START_TIME_TOLERANCE_MS, transcriptFromMessages } from './active-conversations';

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
    const started = { startTime: '2025-03-20T11:00:00Z' };
    expect(list).toEqual([
      { id: 'm', channel: 'message', ...started },
      { id: 'c', channel: 'chat', ...started },
      { id: 'v', channel: 'voice', ...started },
      { id: 'e', channel: 'email', ...started },
      { id: 'cb', channel: 'callback', ...started },
    ]);
  });

  it('applies conversation events: new, changed and ended', () => {
    let list = applyConversationEvent([], conversation('a', { chats: [{ state: 'connected' }] }), AGENT);
    list = applyConversationEvent(list, conversation('b', { messages: [{ state: 'connected' }] }), AGENT);
    list = applyConversationEvent(list, conversation('a', { calls: [{ state: 'connected' }] }), AGENT);
    expect(list).toMatchObject([
      { id: 'b', channel: 'message' },
      { id: 'a', channel: 'voice' },
    ]);
    list = applyConversationEvent(list, conversation('b', { messages: [{ state: 'disconnected' }] }), AGENT);
    expect(list).toMatchObject([{ id: 'a', channel: 'voice' }]);
    expect(list).toHaveLength(1);
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

describe('resolveConversation with what the page shows but no id', () => {
  const START = '2025-03-20T11:00:00.000Z';
  const later = (ms: number) => new Date(Date.parse(START) + ms).toISOString();
  const active = [
    { id: 'jordan', channel: 'message' as const, customerName: 'Jordan Lee', startTime: START },
    { id: 'priya', channel: 'chat' as const, customerName: 'Priya Shah', startTime: START },
    { id: 'jordan-call', channel: 'voice' as const, customerName: 'Jordan Lee', startTime: later(30 * 60_000) },
  ];

  it('reads the customer name from the API and matches it (case, accents and spacing aside)', () => {
    const [conversation] = activeConversationsFrom(
      [{ id: 'x', startTime: START, participants: [{ purpose: 'customer', name: 'Zoë  Adams' }, { purpose: 'agent', userId: AGENT, messages: [{ state: 'connected' }] }] }],
      AGENT,
    );
    expect(conversation).toEqual({ id: 'x', channel: 'message', customerName: 'Zoë  Adams', startTime: START });
    expect(resolveConversation({ conversationId: null, channel: null, participantName: 'zoe adams' }, [conversation!])).toMatchObject({ conversationId: 'x', confirmed: true });
  });

  it('matches by customer name and channel', () => {
    expect(resolveConversation({ conversationId: null, channel: 'chat', participantName: 'Priya Shah' }, active)).toEqual({ conversationId: 'priya', channel: 'chat', confirmed: true });
    expect(resolveConversation({ conversationId: null, channel: 'message', participantName: 'Jordan Lee' }, active)).toEqual({ conversationId: 'jordan', channel: 'message', confirmed: true });
  });

  it('tells two conversations of the same customer apart by start time', () => {
    expect(resolveConversation({ conversationId: null, channel: null, participantName: 'Jordan Lee', startedAt: later(30 * 60_000 + 20_000) }, active)).toMatchObject({ conversationId: 'jordan-call' });
    expect(resolveConversation({ conversationId: null, channel: null, participantName: 'Jordan Lee', startedAt: later(START_TIME_TOLERANCE_MS) }, active)).toMatchObject({ conversationId: 'jordan' });
  });

  it('matches by channel alone when the page shows nothing else and one conversation has it', () => {
    expect(resolveConversation({ conversationId: null, channel: 'voice' }, active)).toMatchObject({ conversationId: 'jordan-call', confirmed: true });
  });

  it('does not guess when the hints fit several or none', () => {
    expect(resolveConversation({ conversationId: null, channel: null, participantName: 'Jordan Lee' }, active)).toEqual({ conversationId: null, channel: null, confirmed: false });
    expect(resolveConversation({ conversationId: null, channel: 'email', participantName: 'Jordan Lee' }, active)).toEqual({ conversationId: null, channel: 'email', confirmed: false });
    // Even with a single active conversation: the page shows someone else.
    expect(resolveConversation({ conversationId: null, channel: 'message', participantName: 'Sam Other' }, [active[0]!])).toMatchObject({ conversationId: null, confirmed: false });
  });

  it('lets the API win over an id it does not know when the hints match one of its conversations', () => {
    expect(resolveConversation({ conversationId: 'stale-id', channel: 'chat', participantName: 'Priya Shah' }, active)).toEqual({ conversationId: 'priya', channel: 'chat', confirmed: true });
  });
});

describe('mergeTranscripts', () => {
  const turn = (role: 'customer' | 'agent', text: string) => ({ role, text });

  it("takes who said what from the API, and adds the page's lines the API has not listed yet", () => {
    const page = [turn('agent', 'My parcel is lost'), turn('agent', 'Let me check'), turn('customer', 'It was a birthday present')];
    const api = [turn('customer', 'My parcel is lost'), turn('agent', 'Let me check')];
    expect(mergeTranscripts(page, api)).toEqual([turn('customer', 'My parcel is lost'), turn('agent', 'Let me check'), turn('customer', 'It was a birthday present')]);
  });

  it("drops a page transcript that shares nothing with the API's, and keeps the page's when the API has none", () => {
    expect(mergeTranscripts([turn('customer', 'something else')], [turn('customer', 'hello')])).toEqual([turn('customer', 'hello')]);
    expect(mergeTranscripts([turn('customer', 'hello')], [])).toEqual([turn('customer', 'hello')]);
  });

  it('compares texts whatever their spacing and case', () => {
    expect(mergeTranscripts([turn('customer', ' HELLO  there'), turn('customer', 'new')], [turn('customer', 'hello there')])).toEqual([turn('customer', 'hello there'), turn('customer', 'new')]);
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
