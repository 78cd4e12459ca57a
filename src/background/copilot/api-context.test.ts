import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import type { DesktopContext } from '../../shared/messages';
import type { ApiCall, ApiClient, ApiResult } from '../genesys/api-client';
import { ACTIVE_CONVERSATIONS_TTL_MS, createApiContextResolver } from './api-context';

const AGENT = 'agent-1';
const conversation = (id: string, media: 'messages' | 'calls') => ({ id, participants: [{ purpose: 'agent', userId: AGENT, [media]: [{ state: 'connected' }] }] });
const PAGE: DesktopContext = { conversationId: 'm-1', channel: 'chat', transcript: [{ role: 'customer', text: 'as the page shows it' }], profileId: 'p' };

function fakeApi(responses: Record<string, unknown>) {
  const calls: ApiCall<never>[] = [];
  const api: ApiClient = {
    async request<S extends z.ZodMiniType | undefined>(call: ApiCall<S>): Promise<ApiResult<S>> {
      calls.push(call as ApiCall<never>);
      const key = `${call.method} ${call.path}`;
      if (!(key in responses)) throw new Error(`unexpected ${key}`);
      return responses[key] as ApiResult<S>;
    },
  };
  return { api, calls };
}

describe('createApiContextResolver', () => {
  it('confirms the conversation, takes its channel from the API and its messaging transcript from the messages API', async () => {
    let clock = 0;
    const { api, calls } = fakeApi({
      'GET /api/v2/conversations': { entities: [conversation('m-1', 'messages'), conversation('v-1', 'calls'), { broken: true }] },
      'GET /api/v2/conversations/messages/m-1': { id: 'm-1', participants: [{ purpose: 'customer', messages: [{ messageId: 'x1' }] }, { purpose: 'agent', messages: [{ messageId: 'x2' }] }] },
      'POST /api/v2/conversations/messages/m-1/messages/bulk': {
        entities: [
          { id: 'x2', timestamp: '2025-01-01T00:00:02Z', direction: 'outbound', normalizedMessage: { text: 'Agent reply' } },
          { id: 'x1', timestamp: '2025-01-01T00:00:01Z', direction: 'inbound', normalizedMessage: { text: 'Customer asks' } },
        ],
      },
    });
    const resolver = createApiContextResolver({ api, agentId: async () => AGENT, now: () => clock });
    const resolved = await resolver.resolve(PAGE, new AbortController().signal);
    expect(resolved).toEqual({
      ...PAGE,
      channel: 'message',
      transcript: [
        { role: 'customer', text: 'Customer asks' },
        { role: 'agent', text: 'Agent reply' },
      ],
    });
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual(['x1', 'x2']);

    // A conversation event marks the transcript changed: the ids are read again, only new bodies fetched.
    clock = 1000;
    resolver.onConversationEvent(conversation('m-1', 'messages'), AGENT);
    calls.length = 0;
    await resolver.resolve(PAGE, new AbortController().signal);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /api/v2/conversations/messages/m-1']);

    // The active list is reused within its TTL.
    clock = ACTIVE_CONVERSATIONS_TTL_MS + 1;
    calls.length = 0;
    await resolver.resolve({ ...PAGE, conversationId: 'v-1', channel: null }, new AbortController().signal);
    expect(calls.map((call) => call.path)).toEqual(['/api/v2/conversations']);
  });

  it('keeps the page transcript when the messaging transcript cannot be read, and the page when it cannot tell', async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const { api } = fakeApi({ 'GET /api/v2/conversations': { entities: [conversation('m-1', 'messages'), conversation('v-1', 'calls')] } });
      const resolver = createApiContextResolver({ api, agentId: async () => AGENT });
      expect(await resolver.resolve(PAGE, new AbortController().signal)).toEqual({ ...PAGE, channel: 'message' });
      expect(await resolver.resolve({ ...PAGE, conversationId: null, channel: null }, new AbortController().signal)).toEqual({ ...PAGE, conversationId: null, channel: null });
    } finally {
      console.warn = warn;
    }
  });
});
