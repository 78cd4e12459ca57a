import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { seedConversations } from './conversations';
import { startSimulator, type RunningSimulator } from './server';
import { signIn } from './test-client';
import { AGENT } from './users';

const [billing, devices] = seedConversations;
if (!billing || !devices) throw new Error('no seed conversations');

interface Frame {
  topicName: string;
  eventBody: Record<string, unknown>;
}

describe('simulated Agent Copilot and notifications', () => {
  let sim: RunningSimulator;
  let token: string;

  const api = async (path: string, init: { method?: string; json?: unknown } = {}) => {
    const response = await fetch(`${sim.origin}${path}`, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${token}`, ...(init.json !== undefined && { 'Content-Type': 'application/json' }) },
      ...(init.json !== undefined && { body: JSON.stringify(init.json) }),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> & { entities?: Record<string, unknown>[] } };
  };
  const control = (path: string, json?: unknown) => fetch(`${sim.origin}/__sim/${path}`, { method: json === undefined ? 'GET' : 'POST', body: json === undefined ? undefined : JSON.stringify(json) }).then((response) => response.json() as Promise<Record<string, unknown>>);
  const say = (conversationId: string, author: 'customer' | 'agent', text: string) =>
    fetch(`${sim.origin}/desktop/api/conversations/${conversationId}/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ author, text }) });
  const waitFor = async <T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 3000): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (ok(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const suggestionsOf = async (conversationId: string) => (await api(`/api/v2/conversations/${conversationId}/suggestions?pageSize=200`)).body.entities ?? [];

  async function openChannel(topics: string[]) {
    const created = await api('/api/v2/notifications/channels', { method: 'POST', json: {} });
    const channel = created.body as { id: string; connectUri: string; expires: string };
    const subscribed = await api(`/api/v2/notifications/channels/${channel.id}/subscriptions?ignoreErrors=true`, { method: 'PUT', json: topics.map((id) => ({ id })) });
    const socket = new WebSocket(channel.connectUri);
    const frames: Frame[] = [];
    socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString('utf8')) as Frame));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return { channel, subscribed: subscribed.body, socket, frames };
  }

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, latencyMs: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    await control('reset', {});
    await control('copilot/config', { suggestionDelayMs: 0 });
    ({ token } = await signIn(sim.origin));
  });

  it('makes knowledge search and rule suggestions from customer lines, listed with cursor paging', async () => {
    await say(billing.id, 'customer', 'I was charged twice, the same amount two times. I would like a refund for the double charge.');
    const listed = await waitFor(() => suggestionsOf(billing.id), (entities) => entities.length >= 2);
    const types = listed.map((entry) => entry.type);
    expect(types).toContain('KnowledgeSearch');
    expect(types).toContain('CannedResponse');
    const search = listed.find((entry) => entry.type === 'KnowledgeSearch') as { knowledgeSearch: { confidence: number; document: { selfUri: string } }; state: string; triggerType: string };
    expect(search).toMatchObject({ state: 'Suggested', triggerType: 'Fallback' });
    expect(search.knowledgeSearch.confidence).toBeGreaterThan(0);
    expect(search.knowledgeSearch.document.selfUri).toMatch(/^\/api\/v2\/knowledge\/knowledgebases\/kb-billing\/documents\//);

    const first = await api(`/api/v2/conversations/${billing.id}/suggestions?pageSize=1`);
    expect(first.body.entities).toHaveLength(1);
    expect(first.body.nextUri).toBe(`/api/v2/conversations/${billing.id}/suggestions?pageSize=1&after=1`);
    const second = await api(String(first.body.nextUri));
    expect((second.body.entities ?? [])[0]?.id).toBe(listed[1]?.id);
    expect((await api('/api/v2/conversations/nope/suggestions')).status).toBe(404);
  });

  it('pushes suggestions to subscribed sockets, answers pings, sends heartbeats and socket_closing', async () => {
    await control('copilot/config', { heartbeatMs: 50 });
    const topics = [`v2.users.${AGENT.id}.conversations`, `v2.conversations.${billing.id}.suggestions.knowledge.search`, `v2.conversations.${billing.id}.suggestions.response`, 'v2.bogus.topic'];
    const { subscribed, socket, frames } = await openChannel(topics);
    expect(subscribed.entities?.find((entry) => entry.id === 'v2.bogus.topic')).toMatchObject({ state: 'Rejected' });

    socket.send(JSON.stringify({ message: 'ping' }));
    await say(billing.id, 'customer', 'I was charged twice and want a refund for the double charge.');
    await waitFor(
      async () => frames,
      (list) => list.some((entry) => entry.topicName.endsWith('.response')) && list.some((entry) => entry.eventBody.message === 'pong') && list.some((entry) => entry.eventBody.message === 'WebSocket Heartbeat'),
    );
    expect(frames.some((entry) => entry.topicName === 'channel.metadata' && entry.eventBody.message === 'WebSocket Heartbeat')).toBe(true);
    const conversationEvent = frames.find((entry) => entry.topicName === `v2.users.${AGENT.id}.conversations`);
    expect(conversationEvent?.eventBody.id).toBe(billing.id);
    const searchEvent = frames.find((entry) => entry.topicName.endsWith('.knowledge.search'));
    expect(searchEvent?.eventBody).toMatchObject({ conversationId: billing.id, state: 'Suggested', knowledgeSearch: { documentId: expect.any(String), confidence: expect.any(Number) } });

    const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
    expect(await control('notifications/socket-closing', { closeAfterMs: 20 })).toEqual({ announced: 1 });
    expect(await closed).toBe(1001);
    expect(frames.some((entry) => entry.topicName === 'v2.system.socket_closing')).toBe(true);
  });

  it('records engagements and changes the suggestion state; refuses bad ones', async () => {
    await say(billing.id, 'customer', 'I need a refund for the double charge please.');
    const [suggestion] = await waitFor(() => suggestionsOf(billing.id), (entities) => entities.length > 0);
    const path = `/api/v2/conversations/${billing.id}/suggestions/${String(suggestion!.id)}/engagement`;
    expect((await api(path, { method: 'POST', json: { engagementType: 'Feedback', feedback: { rating: 'Positive' } } })).status).toBe(200);
    expect((await api(path, { method: 'POST', json: { engagementType: 'Dismissed' } })).status).toBe(200);
    expect((await api(path, { method: 'POST', json: { engagementType: 'Feedback' } })).status).toBe(400);
    expect((await api(path, { method: 'POST', json: { engagementType: 'Liked' } })).status).toBe(400);
    expect((await api(`/api/v2/conversations/${billing.id}/suggestions/none/engagement`, { method: 'POST', json: { engagementType: 'Opened' } })).status).toBe(404);
    const recorded = (await control('copilot')) as { engagements: { suggestionId: string; body: unknown }[] };
    expect(recorded.engagements.map((entry) => entry.body)).toEqual([{ engagementType: 'Feedback', feedback: { rating: 'Positive' } }, { engagementType: 'Dismissed' }]);
    expect((await suggestionsOf(billing.id)).find((entry) => entry.id === suggestion!.id)?.state).toBe('Dismissed');
  });

  it('lists the agent active conversations and serves messaging transcripts by ids then bulk', async () => {
    await say(billing.id, 'customer', 'Hello, I was charged twice.');
    await say(billing.id, 'agent', 'Let me check that for you.');
    const active = await api('/api/v2/conversations');
    expect(active.body.entities?.map((entry) => entry.id)).toEqual(seedConversations.map((seed) => seed.id));
    const agentParticipant = (active.body.entities?.[0]?.participants as { userId?: string; messages?: { state: string }[] }[]).find((participant) => participant.userId === AGENT.id);
    expect(agentParticipant?.messages?.[0]?.state).toBe('connected');

    const conversation = await api(`/api/v2/conversations/messages/${billing.id}`);
    const ids = (conversation.body.participants as { messages: { messageId: string }[] }[]).flatMap((participant) => participant.messages.map((message) => message.messageId));
    expect(ids).toHaveLength(2);
    const bulk = await api(`/api/v2/conversations/messages/${billing.id}/messages/bulk`, { method: 'POST', json: ids });
    expect(bulk.body.entities?.map((entry) => [entry.direction, (entry.normalizedMessage as { text: string }).text])).toEqual([
      ['inbound', 'Hello, I was charged twice.'],
      ['outbound', 'Let me check that for you.'],
    ]);
    expect((await api(`/api/v2/conversations/messages/${devices.id}`)).status).toBe(400);

    await control('copilot/end', { conversationId: billing.id });
    expect((await api('/api/v2/conversations')).body.entities?.map((entry) => entry.id)).not.toContain(billing.id);
  });

  it('answers knowledge searches and records them', async () => {
    const bases = await api('/api/v2/knowledge/knowledgebases');
    expect(bases.body.entities?.map((entry) => entry.id)).toEqual(['kb-billing', 'kb-devices', 'kb-shipping', 'kb-accounts']);
    const body = { query: 'refund charged twice', pageSize: 5, queryType: 'ManualSearch', conversationContext: { conversationId: billing.id } };
    const search = await api('/api/v2/knowledge/knowledgebases/kb-billing/documents/search', { method: 'POST', json: body });
    expect(search.status).toBe(200);
    const results = search.body.results as { confidence: number; document: { id: string; datePublished: string; knowledgeBase: { id: string } } }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.document.knowledgeBase.id).toBe('kb-billing');
    expect((await api('/api/v2/knowledge/knowledgebases/kb-billing/documents/search', { method: 'POST', json: { query: 'x', queryType: 'Guess' } })).status).toBe(400);
    expect((await api('/api/v2/knowledge/knowledgebases/nope/documents/search', { method: 'POST', json: body })).status).toBe(404);
    expect(((await control('copilot')) as { searches: { body: unknown }[] }).searches.map((entry) => entry.body)).toEqual([body]);
  });

  it('expires channels: their socket closes and cannot reconnect', async () => {
    const { channel, socket } = await openChannel([`v2.users.${AGENT.id}.conversations`]);
    const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
    await control('notifications/expire', {});
    expect(await closed).toBe(4000);
    const again = new WebSocket(channel.connectUri);
    const outcome = await new Promise<string>((resolve) => {
      again.once('open', () => resolve('open'));
      again.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
    expect((await api(`/api/v2/notifications/channels/${channel.id}/subscriptions`)).status).toBe(404);
  });
});
