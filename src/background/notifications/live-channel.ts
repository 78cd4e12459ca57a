import type { ApiClient } from '../genesys/api-client';
import { ChannelTopicListing, NotificationChannel } from '../genesys/copilot-schemas';
import {
  channelExpiry,
  CONNECT_TIMEOUT_MS,
  isAllowedConnectUri,
  isSilent,
  needsNewChannel,
  PING_INTERVAL_MS,
  POLLING_COOLDOWN_MS,
  reconnectDelay,
  renewalTime,
  shouldPoll,
  SOCKET_CLOSING_RECONNECT_MS,
} from './connection-policy';
import { parseFrame, PING_FRAME, type Frame } from './frames';
import { createSerialQueue } from '../serial-queue';

/**
 * The worker's notification channel and its WebSocket (docs/genesys-api.md "Real-time"). The open
 * socket keeps the worker alive (Chrome 116+, pings every 20 s), but the worker can still be
 * killed: everything here is in memory and rebuilt on demand, and the channel (not the socket) is
 * kept in storage.session so a restarted worker reuses it instead of creating another (Genesys
 * keeps 20 per user and app). No replay exists, so every (re)connect reports `onConnected` and the
 * caller backfills over REST.
 *
 * WebSockets need no host permission (they are not subject to CORS); the socket URL is checked
 * against the API host instead (`isAllowedConnectUri`). The channel id in the URL is the only
 * credential: the bearer token never travels over the socket.
 */

export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface StoredChannel {
  id: string;
  connectUri: string;
  createdAt: number;
  expiresAt: number;
}

export interface LiveChannelDeps {
  api: ApiClient;
  /** The API host we are signed in to, to check the socket URL against; null when signed out. */
  apiBaseUrl(): Promise<string | null>;
  allowLoopback: boolean;
  openSocket?(url: string): SocketLike;
  loadChannel(): Promise<StoredChannel | null>;
  saveChannel(channel: StoredChannel | null): Promise<void>;
  /** A suggestion or conversation event. */
  onFrame(frame: Extract<Frame, { kind: 'suggestion' | 'conversation' }>): void;
  /** The socket is (again) up and subscribed: events may have been missed before `at`. */
  onConnected(at: number): void;
  /** Too many failures in a row: poll until `until`. */
  onGiveUp(until: number): void;
  now?: () => number;
  random?: () => number;
}

export interface LiveChannel {
  /** Connects and subscribes to exactly these topics; resolves true when they flow. */
  ensure(topics: readonly string[]): Promise<boolean>;
  /** Since when events for this topic flow on the open socket (epoch ms), or null. */
  subscribedSince(topic: string): number | null;
  /** Closes the socket and forgets the topics (sign-out, another provider). */
  stop(): void;
}

const OPEN = 1;

export function createLiveChannel(deps: LiveChannelDeps): LiveChannel {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const openSocket = deps.openSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);

  let channel: StoredChannel | null = null;
  let channelLoaded = false;
  let socket: SocketLike | null = null;
  let desired: string[] = [];
  /** Topics the channel holds (server side), and since when each flows on the current socket. */
  let subscribed = new Set<string>();
  const since = new Map<string, number>();
  let lastFrameAt = 0;
  let failures = 0;
  let pollingUntil = 0;
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let renewTimer: ReturnType<typeof setTimeout> | null = null;
  // One connect-and-subscribe at a time: each reads and changes the socket and the subscribed topics.
  const connecting = createSerialQueue();

  function clearTimers(): void {
    if (pingTimer !== null) clearInterval(pingTimer);
    if (reconnectTimer !== null) clearTimeout(reconnectTimer);
    if (renewTimer !== null) clearTimeout(renewTimer);
    pingTimer = reconnectTimer = renewTimer = null;
  }

  /** Closes the current socket on purpose: its close event must not count as a failure. */
  function dropSocket(reason: string): void {
    const current = socket;
    socket = null;
    since.clear();
    if (pingTimer !== null) clearInterval(pingTimer);
    pingTimer = null;
    if (current) {
      current.onclose = current.onerror = current.onmessage = current.onopen = null;
      try {
        current.close(1000, reason);
      } catch {
        // already closed
      }
    }
  }

  function scheduleReconnect(delayMs: number): void {
    if (reconnectTimer !== null || desired.length === 0) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      void ensure(desired);
    }, delayMs);
  }

  function onUnexpectedClose(): void {
    dropSocket('closed');
    failures++;
    scheduleReconnect(reconnectDelay(failures, random));
  }

  async function createChannel(): Promise<StoredChannel> {
    const apiBaseUrl = await deps.apiBaseUrl();
    if (!apiBaseUrl) throw new Error('Not signed in');
    const created = await deps.api.request({ method: 'POST', path: '/api/v2/notifications/channels', body: {}, schema: NotificationChannel });
    if (!isAllowedConnectUri(created.connectUri, apiBaseUrl, deps.allowLoopback)) throw new Error(`Refusing notification socket ${created.connectUri}`);
    const createdAt = now();
    const stored: StoredChannel = { id: created.id, connectUri: created.connectUri, createdAt, expiresAt: channelExpiry(created.expires, createdAt) };
    await deps.saveChannel(stored).catch(() => undefined);
    return stored;
  }

  function connect(target: StoredChannel): Promise<SocketLike> {
    return new Promise((resolve, reject) => {
      let opened: SocketLike;
      try {
        opened = openSocket(target.connectUri);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const timer = setTimeout(() => fail('timed out'), CONNECT_TIMEOUT_MS);
      function fail(reason: string): void {
        clearTimeout(timer);
        opened.onopen = opened.onclose = opened.onerror = null;
        try {
          opened.close();
        } catch {
          // never opened
        }
        reject(new Error(`The notification socket did not open: ${reason}`));
      }
      opened.onerror = () => fail('error');
      opened.onclose = () => fail('closed');
      opened.onopen = () => {
        clearTimeout(timer);
        resolve(opened);
      };
    });
  }

  function watchSocket(open: SocketLike): void {
    lastFrameAt = now();
    open.onmessage = (event) => {
      lastFrameAt = now();
      const frame = parseFrame(event.data);
      if (frame.kind === 'socket-closing') {
        // The service closes this socket within a minute: move to a new one now (no replay, so the
        // caller backfills once we are back).
        dropSocket('socket_closing');
        scheduleReconnect(SOCKET_CLOSING_RECONNECT_MS);
      } else if (frame.kind === 'suggestion' || frame.kind === 'conversation') {
        deps.onFrame(frame);
      } else if (frame.kind === 'invalid') {
        console.warn('[agent-assist] ignored a notification frame:', frame.reason);
      }
    };
    open.onclose = open.onerror = () => {
      if (socket === open) onUnexpectedClose();
    };
    pingTimer = setInterval(() => {
      if (socket !== open) return;
      if (isSilent(lastFrameAt, now())) {
        onUnexpectedClose();
        return;
      }
      try {
        open.send(PING_FRAME);
      } catch {
        onUnexpectedClose();
      }
    }, PING_INTERVAL_MS);
  }

  function scheduleRenewal(current: StoredChannel): void {
    if (renewTimer !== null) clearTimeout(renewTimer);
    // setTimeout caps at 2^31-1 ms; a 24 h channel is well inside it.
    const wait = Math.max(0, Math.min(renewalTime(current.expiresAt, current.createdAt) - now(), 2_147_000_000));
    renewTimer = setTimeout(() => {
      renewTimer = null;
      channel = null;
      subscribed = new Set();
      dropSocket('renewing');
      scheduleReconnect(0);
    }, wait);
  }

  async function connectAndSubscribe(): Promise<void> {
    if (!channelLoaded) {
      channelLoaded = true;
      channel = await deps.loadChannel().catch(() => null);
      subscribed = new Set();
    }
    if (needsNewChannel(channel, now())) {
      dropSocket('new channel');
      channel = await createChannel();
      subscribed = new Set();
    }
    const current = channel!;
    let reconnected = false;
    if (!socket || socket.readyState !== OPEN) {
      dropSocket('reopening');
      try {
        socket = await connect(current);
      } catch (error) {
        // The channel may have expired or been removed: the next attempt starts with a new one.
        channel = null;
        await deps.saveChannel(null).catch(() => undefined);
        throw error;
      }
      watchSocket(socket);
      scheduleRenewal(current);
      reconnected = true;
    }
    const wanted = new Set(desired);
    const same = wanted.size === subscribed.size && [...wanted].every((topic) => subscribed.has(topic));
    if (!same) {
      const answer = await deps.api.request({
        method: 'PUT',
        path: `/api/v2/notifications/channels/${encodeURIComponent(current.id)}/subscriptions`,
        query: { ignoreErrors: 'true' },
        body: [...wanted].map((id) => ({ id })),
        schema: ChannelTopicListing,
      });
      const rejected = (answer.entities ?? []).filter((topic) => topic.state === 'Rejected' || topic.rejectionReason !== undefined);
      if (rejected.length) console.warn('[agent-assist] notification topics refused', rejected);
      subscribed = wanted;
    }
    const at = now();
    for (const topic of [...since.keys()]) if (!wanted.has(topic)) since.delete(topic);
    for (const topic of wanted) if (!since.has(topic)) since.set(topic, at);
    if (reconnected) deps.onConnected(at);
  }

  function ensure(topics: readonly string[]): Promise<boolean> {
    desired = [...topics];
    return connecting.run('socket', async () => {
      if (desired.length === 0) {
        dropSocket('nothing to follow');
        return false;
      }
      if (now() < pollingUntil) return false;
      try {
        await connectAndSubscribe();
        failures = 0;
        return true;
      } catch (error) {
        failures++;
        console.warn('[agent-assist] notifications unavailable', error);
        if (shouldPoll(failures)) {
          pollingUntil = now() + POLLING_COOLDOWN_MS;
          failures = 0;
          deps.onGiveUp(pollingUntil);
        } else {
          scheduleReconnect(reconnectDelay(failures, random));
        }
        return false;
      }
    });
  }

  return {
    ensure,
    subscribedSince: (topic) => (socket && socket.readyState === OPEN ? (since.get(topic) ?? null) : null),
    stop() {
      desired = [];
      clearTimers();
      dropSocket('stopped');
    },
  };
}
