/**
 * Pure decisions for the notification socket (docs/genesys-api.md "Real-time"): when to ping, when a
 * silent socket counts as dead, how long to wait before reconnecting, when to renew the channel
 * before its 24 h expiry, when to stop trying and poll instead, and which socket URLs are ours.
 */

/** Chrome 116+ keeps a worker alive while WebSocket traffic flows at least every 30 s. */
export const PING_INTERVAL_MS = 20_000;
/** Heartbeats come about every 30 s and pings are answered: this much silence means a dead socket. */
export const SILENCE_LIMIT_MS = 65_000;
/** `socket_closing` gives us up to a minute: reconnect at once so nothing waits on the old socket. */
export const SOCKET_CLOSING_RECONNECT_MS = 0;
/** Renew this long before the channel's stated expiry. */
export const CHANNEL_RENEW_MARGIN_MS = 60 * 60_000;
/** Channels live 24 h; when `expires` is missing or unreadable, assume a little less. */
export const DEFAULT_CHANNEL_LIFETIME_MS = 23 * 60 * 60_000;
/** After this many failed connections in a row, poll instead. */
export const FAILURES_BEFORE_POLLING = 5;
/** How long to poll before trying the socket again. */
export const POLLING_COOLDOWN_MS = 5 * 60_000;
/** How long opening a socket may take. */
export const CONNECT_TIMEOUT_MS = 10_000;

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;

/** Wait before reconnect attempt `failures + 1`: at once after a clean close, then full-jitter backoff. */
export function reconnectDelay(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const cap = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 16));
  return Math.max(FIRST_RETRY_MS / 2, Math.floor(random() * cap));
}

export function isSilent(lastFrameAt: number, now: number): boolean {
  return now - lastFrameAt > SILENCE_LIMIT_MS;
}

/** Epoch ms when the channel expires, from its `expires` (ISO 8601) or the default lifetime. */
export function channelExpiry(expires: string | undefined, createdAt: number): number {
  const parsed = expires === undefined ? Number.NaN : Date.parse(expires);
  return Number.isNaN(parsed) ? createdAt + DEFAULT_CHANNEL_LIFETIME_MS : parsed;
}

/** When to replace the channel with a fresh one. */
export function renewalTime(expiresAt: number, createdAt: number): number {
  // A short-lived channel (tests, odd servers) is renewed at 80 % of its life rather than never.
  const life = expiresAt - createdAt;
  return life > CHANNEL_RENEW_MARGIN_MS * 2 ? expiresAt - CHANNEL_RENEW_MARGIN_MS : createdAt + Math.floor(life * 0.8);
}

export function needsNewChannel(channel: { expiresAt: number; createdAt: number } | null, now: number): boolean {
  return channel === null || now >= renewalTime(channel.expiresAt, channel.createdAt);
}

export function shouldPoll(consecutiveFailures: number): boolean {
  return consecutiveFailures >= FAILURES_BEFORE_POLLING;
}

/**
 * The socket URL the API gave must be the notifications host of the API we signed in to:
 * `wss://streaming.{env}` for `https://api.{env}`; in simulator builds the API's own loopback host
 * over ws: or wss:. Anything else is refused (a tampered answer must not send us elsewhere).
 */
export function isAllowedConnectUri(connectUri: string, apiBaseUrl: string, allowLoopback: boolean): boolean {
  let socket: URL;
  let api: URL;
  try {
    socket = new URL(connectUri);
    api = new URL(apiBaseUrl);
  } catch {
    return false;
  }
  if (socket.username || socket.password) return false;
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(api.hostname);
  if (allowLoopback && loopback) return (socket.protocol === 'ws:' || socket.protocol === 'wss:') && socket.host === api.host;
  if (socket.protocol !== 'wss:' || api.protocol !== 'https:') return false;
  const streamingHost = api.hostname.replace(/^api\./, 'streaming.');
  return streamingHost !== api.hostname && socket.hostname === streamingHost;
}
