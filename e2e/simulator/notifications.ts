import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { type ApiContext } from './api';
import { topicEventBody } from './copilot';
import { copilotStateOf, type SimChannel, type SimSuggestion } from './copilot-state';
import { findSeedConversation } from './conversations';
import { type Exchange, type ParsedBody, sendEmpty, sendGenesysError, sendJson } from './http-helpers';
import type { SimulatorState } from './state';
import { ORGANIZATION } from './users';

/**
 * The notifications service (docs/genesys-api.md, "Notifications"): channels (`POST
 * /api/v2/notifications/channels` → `Channel {id, connectUri, expires}`), their subscriptions
 * (`ChannelTopicEntityListing`), and the WebSocket at `connectUri` that delivers
 * `{topicName, version, eventBody, metadata}` frames, heartbeats (`channel.metadata`) and answers
 * `{"message":"ping"}`. One socket per channel (a second replaces the first), no replay, channels
 * expire. The control API can send `v2.system.socket_closing`, drop sockets and expire channels.
 */

const SUGGESTION_TOPIC = /^v2\.conversations\.([^.]+(?:\.[^.]+)*?)\.suggestions\.(knowledge\.search|knowledge\.article|response|script)$/;
const USER_CONVERSATIONS = /^v2\.users\.([^.]+)\.conversations$/;
const MAX_TOPICS = 1000;
const MAX_DELIVERED_LOG = 5000;

function channelTopicState(topic: string, userId: string): { id: string; state: string; rejectionReason?: string } {
  const user = USER_CONVERSATIONS.exec(topic);
  if (user) return user[1] === userId ? { id: topic, state: 'Permitted' } : { id: topic, state: 'Rejected', rejectionReason: 'Missing permission for another user' };
  const suggestion = SUGGESTION_TOPIC.exec(topic);
  if (suggestion && findSeedConversation(suggestion[1]!)) return { id: topic, state: 'Permitted' };
  return { id: topic, state: 'Rejected', rejectionReason: 'Unknown topic' };
}

function frame(topicName: string, eventBody: unknown): string {
  return JSON.stringify({ topicName, version: '2', eventBody, metadata: { CorrelationId: randomUUID() } });
}

function isLive(channel: SimChannel, now: number): boolean {
  if (!channel.expired && now >= channel.expiresAt) expireChannel(channel);
  return !channel.expired;
}

function expireChannel(channel: SimChannel): void {
  channel.expired = true;
  channel.subscriptions.clear();
  closeSocket(channel, 4000, 'Channel expired');
}

function closeSocket(channel: SimChannel, code: number, reason: string): void {
  if (channel.heartbeat) clearInterval(channel.heartbeat);
  channel.heartbeat = null;
  const socket = channel.socket;
  channel.socket = null;
  if (socket && socket.readyState === WebSocket.OPEN) socket.close(code, reason);
}

/** Sends an event to every open socket subscribed to the topic. */
export function publish(state: SimulatorState, topicName: string, eventBody: unknown, suggestionId?: string): number {
  const copilot = copilotStateOf(state);
  let sent = 0;
  for (const channel of copilot.channels.values()) {
    if (!isLive(channel, state.now()) || !channel.subscriptions.has(topicName)) continue;
    if (!channel.socket || channel.socket.readyState !== WebSocket.OPEN) continue;
    channel.socket.send(frame(topicName, eventBody));
    copilot.delivered.push({ channelId: channel.id, topicName, ...(suggestionId && { suggestionId }), at: state.now() });
    sent++;
  }
  if (copilot.delivered.length > MAX_DELIVERED_LOG) copilot.delivered.splice(0, copilot.delivered.length - MAX_DELIVERED_LOG);
  return sent;
}

export function publishSuggestion(state: SimulatorState, conversationId: string, entry: SimSuggestion): void {
  if (!entry.topicSuffix) return;
  publish(state, `v2.conversations.${conversationId}.suggestions.${entry.topicSuffix}`, topicEventBody(conversationId, entry), entry.suggestion.id);
}

export function publishConversation(state: SimulatorState, userId: string, body: Record<string, unknown>): void {
  publish(state, `v2.users.${userId}.conversations`, body);
}

function readTopics(body: ParsedBody): string[] | string {
  const value = body.kind === 'json' ? body.value : undefined;
  if (!Array.isArray(value)) return 'The body must be an array of {"id": "<topic>"}';
  if (value.length > MAX_TOPICS) return `At most ${MAX_TOPICS} topics`;
  const topics: string[] = [];
  for (const [index, entry] of value.entries()) {
    const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || id === '') return `[${index}].id must be a topic name`;
    topics.push(id);
  }
  return topics;
}

export function handleNotificationsApi(exchange: Exchange, context: ApiContext, body: ParsedBody): void {
  const { state } = context;
  const copilot = copilotStateOf(state);
  const [, , , , , channelId, tail] = exchange.url.pathname.split('/');
  const method = exchange.req.method ?? 'GET';
  if (!channelId) {
    if (method === 'GET') {
      const mine = [...copilot.channels.values()].filter((channel) => channel.userId === context.token.userId && isLive(channel, state.now()));
      return sendJson(exchange, 200, { entities: mine.map((channel) => ({ id: channel.id, connectUri: channel.connectUri, expires: new Date(channel.expiresAt).toISOString() })) });
    }
    if (method !== 'POST') return sendGenesysError(exchange, 405, 'method.not.allowed', 'Use GET or POST', { Allow: 'GET, POST' });
    const id = `streaming-0-${randomUUID().replace(/-/g, '').slice(0, 26)}`;
    const createdAt = state.now();
    const channel: SimChannel = {
      id,
      userId: context.token.userId,
      connectUri: `${context.origin.replace(/^http/, 'ws')}/channels/${id}`,
      createdAt,
      expiresAt: createdAt + copilot.config.channelLifetimeSeconds * 1000,
      subscriptions: new Set(),
      socket: null,
      heartbeat: null,
      expired: false,
    };
    copilot.channels.set(id, channel);
    return sendJson(exchange, 200, { connectUri: channel.connectUri, id, expires: new Date(channel.expiresAt).toISOString() });
  }
  const channel = copilot.channels.get(decodeURIComponent(channelId));
  if (!channel || channel.userId !== context.token.userId || !isLive(channel, state.now())) return sendGenesysError(exchange, 404, 'not.found', `Channel ${channelId} not found`);
  if (!tail) {
    if (method === 'HEAD') return sendEmpty(exchange, 200);
    return sendGenesysError(exchange, 405, 'method.not.allowed', 'Use HEAD', { Allow: 'HEAD' });
  }
  const listing = () => ({ entities: [...channel.subscriptions].map((id) => ({ id, state: 'Permitted', selfUri: `/api/v2/notifications/channels/${channel.id}/subscriptions` })) });
  switch (method) {
    case 'GET':
      return sendJson(exchange, 200, listing());
    case 'DELETE':
      channel.subscriptions.clear();
      return sendEmpty(exchange, 204);
    case 'PUT':
    case 'POST': {
      const topics = readTopics(body);
      if (typeof topics === 'string') return sendGenesysError(exchange, 400, 'bad.request', topics);
      const states = topics.map((topic) => channelTopicState(topic, context.token.userId));
      const rejected = states.filter((entry) => entry.state !== 'Permitted');
      if (rejected.length > 0 && exchange.url.searchParams.get('ignoreErrors') !== 'true') {
        return sendGenesysError(exchange, 400, 'notification.subscription.invalid', `Topics refused: ${rejected.map((entry) => entry.id).join(', ')}`);
      }
      if (method === 'PUT') channel.subscriptions.clear();
      for (const entry of states) if (entry.state === 'Permitted') channel.subscriptions.add(entry.id);
      return sendJson(exchange, 200, { entities: [...listing().entities.filter((entry) => !rejected.some((refused) => refused.id === entry.id)), ...rejected] });
    }
    default:
      return sendGenesysError(exchange, 405, 'method.not.allowed', 'Use GET, PUT, POST or DELETE', { Allow: 'GET, PUT, POST, DELETE' });
  }
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Serves the channel sockets on the simulator's own port (`ws://127.0.0.1:<port>/channels/<id>`).
 * Returns a closer: upgraded sockets are not HTTP connections, so `server.close()` would wait on them.
 */
export function attachNotificationSockets(server: Server, state: () => SimulatorState): () => void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/channels\/([^/]+)$/.exec(url.pathname);
    const simulator = state();
    const copilot = copilotStateOf(simulator);
    const channel = match ? copilot.channels.get(decodeURIComponent(match[1]!)) : undefined;
    if (!channel || !isLive(channel, simulator.now())) return refuseUpgrade(socket, 404, 'Not Found');
    sockets.handleUpgrade(req, socket, head, (ws) => {
      // One socket per channel: the newest wins.
      closeSocket(channel, 4001, 'Replaced by a new connection');
      channel.socket = ws;
      copilot.connections++;
      channel.heartbeat = setInterval(() => {
        if (!isLive(channel, simulator.now())) return;
        if (ws.readyState === WebSocket.OPEN) ws.send(frame('channel.metadata', { message: 'WebSocket Heartbeat' }));
      }, copilot.config.heartbeatMs);
      ws.on('message', (data: Buffer) => {
        let message: unknown;
        try {
          message = JSON.parse(data.toString('utf8'));
        } catch {
          return;
        }
        if (typeof message === 'object' && message !== null && (message as { message?: unknown }).message === 'ping') ws.send(frame('channel.metadata', { message: 'pong' }));
      });
      ws.on('close', () => {
        if (channel.socket === ws) {
          if (channel.heartbeat) clearInterval(channel.heartbeat);
          channel.heartbeat = null;
          channel.socket = null;
        }
      });
    });
  });
  return () => {
    for (const client of sockets.clients) client.terminate();
    for (const channel of copilotStateOf(state()).channels.values()) if (channel.heartbeat) clearInterval(channel.heartbeat);
    sockets.close();
  };
}

/** `v2.system.socket_closing` on every open socket, then the close it announces. */
export function announceSocketClosing(state: SimulatorState, closeAfterMs: number): number {
  let count = 0;
  for (const channel of copilotStateOf(state).channels.values()) {
    const socket = channel.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) continue;
    socket.send(
      frame('v2.system.socket_closing', {
        channelId: channel.id,
        systemTopicType: 'socket_closing',
        correlationId: randomUUID(),
        organizationId: ORGANIZATION.id,
        userId: channel.userId,
        reason: 'Maintenance',
        message: 'This socket will close within a minute; reconnect.',
      }),
    );
    count++;
    setTimeout(() => {
      if (channel.socket === socket) closeSocket(channel, 1001, 'Closing for maintenance');
      else if (socket.readyState === WebSocket.OPEN) socket.close(1001, 'Closing for maintenance');
    }, closeAfterMs);
  }
  return count;
}

/** Cuts every socket without a word (a network drop). */
export function dropSockets(state: SimulatorState): number {
  let count = 0;
  for (const channel of copilotStateOf(state).channels.values()) {
    if (!channel.socket) continue;
    if (channel.heartbeat) clearInterval(channel.heartbeat);
    channel.heartbeat = null;
    channel.socket.terminate();
    channel.socket = null;
    count++;
  }
  return count;
}

export function expireAllChannels(state: SimulatorState): number {
  let count = 0;
  for (const channel of copilotStateOf(state).channels.values()) {
    if (channel.expired) continue;
    expireChannel(channel);
    count++;
  }
  return count;
}
