import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as z from 'zod/mini';
import type { ApiCall, ApiClient, ApiResult } from '../genesys/api-client';
import { FAILURES_BEFORE_POLLING, PING_INTERVAL_MS, SILENCE_LIMIT_MS } from './connection-policy';
import { createLiveChannel, type LiveChannelDeps, type SocketLike, type StoredChannel } from './live-channel';

class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  sent: string[] = [];
  closed = false;
  constructor(readonly url: string) {}
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(topicName: string, eventBody: unknown) {
    this.onmessage?.({ data: JSON.stringify({ topicName, eventBody }) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
}

function setup(options: { failOpen?: boolean } = {}) {
  const calls: ApiCall<never>[] = [];
  let channels = 0;
  const api: ApiClient = {
    async request<S extends z.ZodMiniType | undefined>(call: ApiCall<S>): Promise<ApiResult<S>> {
      calls.push(call as ApiCall<never>);
      if (call.path === '/api/v2/notifications/channels') {
        channels++;
        return { id: `ch-${channels}`, connectUri: `ws://127.0.0.1:4010/channels/ch-${channels}`, expires: new Date(Date.now() + 86_400_000).toISOString() } as ApiResult<S>;
      }
      return { entities: [] } as ApiResult<S>;
    },
  };
  const sockets: FakeSocket[] = [];
  let saved: StoredChannel | null = null;
  const events = { connected: [] as number[], frames: [] as unknown[], gaveUp: [] as number[] };
  const deps: LiveChannelDeps = {
    api,
    apiBaseUrl: async () => 'http://127.0.0.1:4010',
    allowLoopback: true,
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      queueMicrotask(() => (options.failOpen ? socket.drop() : socket.open()));
      return socket;
    },
    loadChannel: async () => saved,
    saveChannel: async (channel) => {
      saved = channel;
    },
    onFrame: (frame) => events.frames.push(frame),
    onConnected: (at) => events.connected.push(at),
    onGiveUp: (until) => events.gaveUp.push(until),
    random: () => 0.5,
  };
  return { channel: createLiveChannel(deps), calls, sockets, events, saved: () => saved };
}

const TOPICS = ['v2.users.u-1.conversations', 'v2.conversations.c-1.suggestions.knowledge.search'];

describe('createLiveChannel', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('creates a channel, opens the socket, subscribes, and says since when topics flow', async () => {
    const { channel, calls, sockets, events, saved } = setup();
    expect(await channel.ensure(TOPICS)).toBe(true);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /api/v2/notifications/channels', 'PUT /api/v2/notifications/channels/ch-1/subscriptions']);
    expect(calls[1]!.body).toEqual(TOPICS.map((id) => ({ id })));
    expect(calls[1]!.query).toEqual({ ignoreErrors: 'true' });
    expect(sockets.map((socket) => socket.url)).toEqual(['ws://127.0.0.1:4010/channels/ch-1']);
    expect(channel.subscribedSince(TOPICS[1]!)).toBe(Date.now());
    expect(events.connected).toHaveLength(1);
    expect(saved()?.id).toBe('ch-1');

    // The same topics again cost nothing; a new topic is one PUT with the whole list.
    expect(await channel.ensure(TOPICS)).toBe(true);
    expect(calls).toHaveLength(2);
    expect(await channel.ensure([...TOPICS, 'v2.conversations.c-2.suggestions.script'])).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('passes suggestion events on, pings every 20 s, and treats a silent socket as dead', async () => {
    const { channel, sockets, events } = setup();
    await channel.ensure(TOPICS);
    sockets[0]!.receive('v2.conversations.c-1.suggestions.knowledge.search', { suggestionId: 's-1', knowledgeSearch: { title: 'T', confidence: 0.9 } });
    sockets[0]!.receive('channel.metadata', { message: 'WebSocket Heartbeat' });
    expect(events.frames).toMatchObject([{ kind: 'suggestion', conversationId: 'c-1', suggestion: { id: 's-1' } }]);
    await vi.advanceTimersByTimeAsync(PING_INTERVAL_MS);
    expect(sockets[0]!.sent).toEqual(['{"message":"ping"}']);
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS + PING_INTERVAL_MS);
    expect(sockets[0]!.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sockets).toHaveLength(2);
    expect(events.connected).toHaveLength(2);
  });

  it('moves to a new socket at once on socket_closing, keeping the channel, and reports the reconnect', async () => {
    const { channel, calls, sockets, events } = setup();
    await channel.ensure(TOPICS);
    sockets[0]!.receive('v2.system.socket_closing', { message: 'closing' });
    expect(sockets[0]!.closed).toBe(true);
    expect(channel.subscribedSince(TOPICS[0]!)).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(2);
    expect(sockets[1]!.url).toBe(sockets[0]!.url);
    expect(events.connected).toHaveLength(2);
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
    expect(channel.subscribedSince(TOPICS[0]!)).not.toBeNull();
  });

  it('reconnects with backoff after a dropped socket', async () => {
    const { channel, sockets, events } = setup();
    await channel.ensure(TOPICS);
    sockets[0]!.drop();
    expect(channel.subscribedSince(TOPICS[0]!)).toBeNull();
    await vi.advanceTimersByTimeAsync(400);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(2);
    expect(events.connected).toHaveLength(2);
  });

  it('gives up and asks for polling after repeated failures, with a new channel each time', async () => {
    const { channel, calls, events } = setup({ failOpen: true });
    for (let attempt = 0; attempt < FAILURES_BEFORE_POLLING; attempt++) {
      expect(await channel.ensure(TOPICS)).toBe(false);
    }
    expect(events.gaveUp).toHaveLength(1);
    expect(calls.filter((call) => call.path === '/api/v2/notifications/channels')).toHaveLength(FAILURES_BEFORE_POLLING);
    expect(await channel.ensure(TOPICS)).toBe(false);
    expect(calls.filter((call) => call.path === '/api/v2/notifications/channels')).toHaveLength(FAILURES_BEFORE_POLLING);
  });

  it('refuses a socket URL that is not the API host', async () => {
    const { channel, sockets } = setup();
    const refused = createLiveChannel({
      api: { request: async () => ({ id: 'x', connectUri: 'wss://evil.example/x' }) as never },
      apiBaseUrl: async () => 'https://api.mypurecloud.com',
      allowLoopback: false,
      openSocket: () => {
        throw new Error('must not open');
      },
      loadChannel: async () => null,
      saveChannel: async () => undefined,
      onFrame: () => undefined,
      onConnected: () => undefined,
      onGiveUp: () => undefined,
    });
    expect(await refused.ensure(TOPICS)).toBe(false);
    refused.stop();
    channel.stop();
    expect(sockets).toHaveLength(0);
  });

  it('stop closes the socket and follows nothing', async () => {
    const { channel, sockets } = setup();
    await channel.ensure(TOPICS);
    channel.stop();
    expect(sockets[0]!.closed).toBe(true);
    expect(channel.subscribedSince(TOPICS[0]!)).toBeNull();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sockets).toHaveLength(1);
  });
});
