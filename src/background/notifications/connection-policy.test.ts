import { describe, expect, it } from 'vitest';
import {
  CHANNEL_RENEW_MARGIN_MS,
  channelExpiry,
  DEFAULT_CHANNEL_LIFETIME_MS,
  isAllowedConnectUri,
  isSilent,
  needsNewChannel,
  reconnectDelay,
  renewalTime,
  shouldPoll,
  SILENCE_LIMIT_MS,
} from './connection-policy';

describe('reconnectDelay', () => {
  it('reconnects at once after a clean close, then backs off with jitter up to a minute', () => {
    expect(reconnectDelay(0)).toBe(0);
    expect(reconnectDelay(1, () => 0.999)).toBeLessThanOrEqual(1000);
    expect(reconnectDelay(3, () => 0.999)).toBeLessThanOrEqual(4000);
    expect(reconnectDelay(3, () => 0.999)).toBeGreaterThan(3000);
    expect(reconnectDelay(30, () => 0.999)).toBeLessThanOrEqual(60_000);
    expect(reconnectDelay(30, () => 0)).toBe(500);
  });
});

describe('liveness', () => {
  it('calls a socket dead after the silence limit, not before', () => {
    expect(isSilent(0, SILENCE_LIMIT_MS)).toBe(false);
    expect(isSilent(0, SILENCE_LIMIT_MS + 1)).toBe(true);
  });

  it('polls after five failures in a row', () => {
    expect(shouldPoll(4)).toBe(false);
    expect(shouldPoll(5)).toBe(true);
  });
});

describe('channel renewal', () => {
  const created = Date.parse('2025-03-20T00:00:00Z');
  it('reads expires, or assumes a little under 24 h', () => {
    expect(channelExpiry('2025-03-21T00:00:00Z', created)).toBe(created + 86_400_000);
    expect(channelExpiry(undefined, created)).toBe(created + DEFAULT_CHANNEL_LIFETIME_MS);
    expect(channelExpiry('tomorrow', created)).toBe(created + DEFAULT_CHANNEL_LIFETIME_MS);
  });

  it('renews an hour before a 24 h channel expires, and at 80 % of a short one', () => {
    const day = created + 86_400_000;
    expect(renewalTime(day, created)).toBe(day - CHANNEL_RENEW_MARGIN_MS);
    expect(renewalTime(created + 10_000, created)).toBe(created + 8000);
    expect(needsNewChannel(null, created)).toBe(true);
    expect(needsNewChannel({ createdAt: created, expiresAt: day }, day - CHANNEL_RENEW_MARGIN_MS - 1)).toBe(false);
    expect(needsNewChannel({ createdAt: created, expiresAt: day }, day - CHANNEL_RENEW_MARGIN_MS)).toBe(true);
  });
});

describe('isAllowedConnectUri', () => {
  it('accepts the streaming host of the region we signed in to', () => {
    expect(isAllowedConnectUri('wss://streaming.mypurecloud.ie/channels/streaming-0-abc', 'https://api.mypurecloud.ie', false)).toBe(true);
    expect(isAllowedConnectUri('wss://streaming.mypurecloud.com/channels/x', 'https://api.mypurecloud.ie', false)).toBe(false);
    expect(isAllowedConnectUri('ws://streaming.mypurecloud.ie/channels/x', 'https://api.mypurecloud.ie', false)).toBe(false);
    expect(isAllowedConnectUri('wss://evil.example/channels/x', 'https://api.mypurecloud.ie', false)).toBe(false);
    expect(isAllowedConnectUri('wss://user:pw@streaming.mypurecloud.ie/x', 'https://api.mypurecloud.ie', false)).toBe(false);
    expect(isAllowedConnectUri('not a url', 'https://api.mypurecloud.ie', false)).toBe(false);
  });

  it('accepts the loopback simulator only in simulator builds', () => {
    expect(isAllowedConnectUri('ws://127.0.0.1:4010/channels/x', 'http://127.0.0.1:4010', true)).toBe(true);
    expect(isAllowedConnectUri('ws://127.0.0.1:4011/channels/x', 'http://127.0.0.1:4010', true)).toBe(false);
    expect(isAllowedConnectUri('ws://127.0.0.1:4010/channels/x', 'http://127.0.0.1:4010', false)).toBe(false);
  });
});
