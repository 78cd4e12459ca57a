import type { CopilotRecord, NotificationsRecord, SimSuggestionRecord } from './control-api';
import { copilotStateOf, DEFAULT_COPILOT_CONFIG, type CopilotConfig } from './copilot-state';
import { type Exchange, type ParsedBody, sendGenesysError, sendJson } from './http-helpers';
import { announceSocketClosing, dropSockets, expireAllChannels } from './notifications';
import type { SimulatorState } from './state';

/**
 * Control endpoints for Copilot and notifications (under `/__sim/`, like the rest of control.ts):
 *
 * | call | effect |
 * |---|---|
 * | `GET /__sim/copilot` | `{config, conversations: {id: {messages, suggestions}}, engagements, searches}` |
 * | `POST /__sim/copilot/config {suggestionDelayMs?, heartbeatMs?, channelLifetimeSeconds?}` | patch |
 * | `POST /__sim/copilot/end {conversationId}` | the agent leaves it (no longer active) |
 * | `GET /__sim/notifications` | `{channels: [{id, userId, subscriptions, connected, expired, expiresAt}], connections, delivered}` |
 * | `POST /__sim/notifications/socket-closing {closeAfterMs?}` | `v2.system.socket_closing`, then the close (default 1000 ms) |
 * | `POST /__sim/notifications/drop` | cut every socket without a word |
 * | `POST /__sim/notifications/expire` | expire every channel (its socket closes) |
 */
export const COPILOT_CONTROL_ENDPOINTS = [
  'GET /__sim/copilot',
  'POST /__sim/copilot/config {suggestionDelayMs?, heartbeatMs?, channelLifetimeSeconds?}',
  'POST /__sim/copilot/end {conversationId}',
  'GET /__sim/notifications',
  'POST /__sim/notifications/socket-closing {closeAfterMs?}',
  'POST /__sim/notifications/drop',
  'POST /__sim/notifications/expire',
];

export function isCopilotControlPath(path: string): boolean {
  return path === '/__sim/copilot' || path.startsWith('/__sim/copilot/') || path === '/__sim/notifications' || path.startsWith('/__sim/notifications/');
}

function bodyOf(body: ParsedBody): Record<string, unknown> | null {
  if (body.kind === 'none') return {};
  return body.kind === 'json' && typeof body.value === 'object' && body.value !== null && !Array.isArray(body.value) ? (body.value as Record<string, unknown>) : null;
}

const LIMITS: Record<keyof CopilotConfig, [number, number]> = {
  suggestionDelayMs: [0, 60_000],
  heartbeatMs: [50, 600_000],
  channelLifetimeSeconds: [1, 86_400],
};

export function handleCopilotControl(exchange: Exchange, state: SimulatorState, body: ParsedBody): void {
  const copilot = copilotStateOf(state);
  const key = `${exchange.req.method ?? 'GET'} ${exchange.url.pathname.replace(/\/+$/, '')}`;
  const value = bodyOf(body);
  if (value === null) return sendGenesysError(exchange, 400, 'bad.request', 'The body must be a JSON object');
  switch (key) {
    case 'GET /__sim/copilot':
      return sendJson(exchange, 200, {
        config: copilot.config,
        conversations: Object.fromEntries([...copilot.conversations].map(([id, conversation]) => [id, { messages: conversation.messages, suggestions: conversation.suggestions.map((entry) => entry.suggestion as SimSuggestionRecord), endedAt: conversation.endedAt }])),
        engagements: copilot.engagements,
        searches: copilot.searches,
      } satisfies CopilotRecord);
    case 'POST /__sim/copilot/config': {
      const patch: Partial<CopilotConfig> = {};
      for (const [name, raw] of Object.entries(value)) {
        const limits = LIMITS[name as keyof CopilotConfig];
        if (!limits) return sendGenesysError(exchange, 400, 'bad.request', `${name} is not a Copilot setting (${Object.keys(DEFAULT_COPILOT_CONFIG).join(', ')})`);
        if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < limits[0] || raw > limits[1]) return sendGenesysError(exchange, 400, 'bad.request', `${name} must be ${limits[0]}–${limits[1]}`);
        patch[name as keyof CopilotConfig] = raw;
      }
      copilot.config = { ...copilot.config, ...patch };
      return sendJson(exchange, 200, copilot.config);
    }
    case 'POST /__sim/copilot/end': {
      const id = value.conversationId;
      if (typeof id !== 'string' || !copilot.conversations.has(id)) return sendGenesysError(exchange, 400, 'bad.request', 'conversationId must name a conversation the desktop showed');
      copilot.conversations.get(id)!.endedAt = new Date(state.now()).toISOString();
      return sendJson(exchange, 200, { ended: id });
    }
    case 'GET /__sim/notifications':
      return sendJson(exchange, 200, {
        channels: [...copilot.channels.values()].map((channel) => ({
          id: channel.id,
          userId: channel.userId,
          subscriptions: [...channel.subscriptions],
          connected: channel.socket !== null,
          expired: channel.expired,
          expiresAt: channel.expiresAt,
        })),
        connections: copilot.connections,
        delivered: copilot.delivered,
      } satisfies NotificationsRecord);
    case 'POST /__sim/notifications/socket-closing': {
      const closeAfterMs = value.closeAfterMs ?? 1000;
      if (typeof closeAfterMs !== 'number' || closeAfterMs < 0 || closeAfterMs > 60_000) return sendGenesysError(exchange, 400, 'bad.request', 'closeAfterMs must be 0–60000');
      return sendJson(exchange, 200, { announced: announceSocketClosing(state, closeAfterMs) });
    }
    case 'POST /__sim/notifications/drop':
      return sendJson(exchange, 200, { dropped: dropSockets(state) });
    case 'POST /__sim/notifications/expire':
      return sendJson(exchange, 200, { expired: expireAllChannels(state) });
    default:
      return sendGenesysError(exchange, 404, 'not.found', `No control endpoint ${key}; GET /__sim lists them`);
  }
}
