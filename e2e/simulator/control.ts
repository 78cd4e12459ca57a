import type { RequestsRecord } from './control-api';
import { COPILOT_CONTROL_ENDPOINTS, handleCopilotControl, isCopilotControlPath } from './copilot-control';
import { resetCopilot } from './copilot-state';
import { handleKnowledgeControl, isKnowledgeControlPath, KNOWLEDGE_CONTROL_ENDPOINTS, resetKnowledge } from './knowledge';
import { expireAllTokens } from './credentials';
import { parseFaultRules } from './faults';
import { type Exchange, type ParsedBody, sendEmpty, sendGenesysError, sendJson } from './http-helpers';
import { listRequests } from './request-log';
import { resetState, type SimulatorConfig, type SimulatorState } from './state';
import { webhookSummary } from './webhook';

/**
 * The control API under `/__sim/` (no auth, JSON): what tests use to inject faults, change
 * settings and read what the simulator received. Not part of anything Genesys offers.
 */

const ENDPOINTS = [
  'POST /__sim/faults {rules: FaultRule[]}  (replaces the rules)',
  'GET /__sim/faults',
  'DELETE /__sim/faults',
  'GET|POST /__sim/config {latencyMs?, hostileContent?, silentLogin?, tokenLifetimeSeconds?}',
  'POST /__sim/expire-all-tokens',
  'POST /__sim/reset',
  'GET /__sim/requests?route=query',
  'DELETE /__sim/requests',
  'GET /__sim/webhook',
  'GET /__sim/hostile-executed?id=',
  'GET /__sim/hostile-hits',
  ...COPILOT_CONTROL_ENDPOINTS,
  ...KNOWLEDGE_CONTROL_ENDPOINTS,
];

const MAX_LATENCY_MS = 600_000;
const MAX_TOKEN_LIFETIME_SECONDS = 172_800; // Genesys allows 48 h at most

/** A partial config, or what is wrong with it. */
export function parseConfigPatch(body: unknown): { patch: Partial<SimulatorConfig> } | { error: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: 'The body must be a JSON object' };
  const patch: Partial<SimulatorConfig> = {};
  for (const [key, value] of Object.entries(body)) {
    switch (key) {
      case 'latencyMs':
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_LATENCY_MS) return { error: `latencyMs must be 0–${MAX_LATENCY_MS}` };
        patch.latencyMs = value;
        break;
      case 'tokenLifetimeSeconds':
        if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TOKEN_LIFETIME_SECONDS) {
          return { error: `tokenLifetimeSeconds must be > 0 and ≤ ${MAX_TOKEN_LIFETIME_SECONDS}` };
        }
        patch.tokenLifetimeSeconds = value;
        break;
      case 'hostileContent':
      case 'silentLogin':
        if (typeof value !== 'boolean') return { error: `${key} must be true or false` };
        patch[key] = value;
        break;
      default:
        return { error: `${key} is not a simulator setting` };
    }
  }
  return { patch };
}

function badRequest(exchange: Exchange, message: string): void {
  sendGenesysError(exchange, 400, 'bad.request', message);
}

function jsonBody(body: ParsedBody): unknown {
  if (body.kind === 'none') return {};
  return body.kind === 'json' ? body.value : undefined;
}

export function handleControl(exchange: Exchange, state: SimulatorState, body: ParsedBody): void {
  const method = exchange.req.method ?? 'GET';
  const path = exchange.url.pathname.replace(/\/+$/, '');
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET /__sim':
      return sendJson(exchange, 200, { endpoints: ENDPOINTS });
    case 'GET /__sim/faults':
      return sendJson(exchange, 200, { rules: state.faults });
    case 'POST /__sim/faults': {
      const parsed = parseFaultRules(jsonBody(body));
      if ('error' in parsed) return badRequest(exchange, parsed.error);
      state.faults = parsed.faults;
      return sendJson(exchange, 200, { rules: state.faults });
    }
    case 'DELETE /__sim/faults':
      state.faults = [];
      return sendEmpty(exchange, 204);
    case 'GET /__sim/config':
      return sendJson(exchange, 200, state.config);
    case 'POST /__sim/config': {
      const parsed = parseConfigPatch(jsonBody(body));
      if ('error' in parsed) return badRequest(exchange, parsed.error);
      state.config = { ...state.config, ...parsed.patch };
      return sendJson(exchange, 200, state.config);
    }
    case 'POST /__sim/expire-all-tokens':
      return sendJson(exchange, 200, { expired: expireAllTokens(state) });
    case 'POST /__sim/reset':
      resetState(state);
      resetCopilot(state);
      resetKnowledge(state);
      return sendJson(exchange, 200, { config: state.config });
    case 'GET /__sim/requests':
      return sendJson(exchange, 200, { requests: listRequests(state, exchange.url.searchParams.get('route')) } satisfies RequestsRecord);
    case 'DELETE /__sim/requests':
      state.requests = [];
      return sendEmpty(exchange, 204);
    case 'GET /__sim/webhook':
      return sendJson(exchange, 200, webhookSummary(state.webhook));
    case 'GET /__sim/hostile-hits':
      return sendJson(exchange, 200, { hits: [...state.hostileHits] });
    default:
      if (isCopilotControlPath(path)) return handleCopilotControl(exchange, state, body);
      if (isKnowledgeControlPath(path)) return handleKnowledgeControl(exchange, state, body);
      // Any method: a payload may use fetch, a beacon or an image.
      if (path === '/__sim/hostile-executed') {
        state.hostileHits.push(exchange.url.searchParams.get('id') ?? '(no id)');
        return sendEmpty(exchange, 204);
      }
      return sendGenesysError(exchange, 404, 'not.found', `No control endpoint ${key}; GET /__sim lists them`);
  }
}
