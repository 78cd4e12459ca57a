import { type Exchange, genesysCodeFor, sendGenesysError, sendText } from './http-helpers';
import { FAULTABLE_ROUTES, type FaultableRoute } from './routing';

/**
 * Injected failures (`POST /__sim/faults`), so tests can reproduce every failure the extension must
 * survive (docs/performance.md R2): error statuses with or without Retry-After, latency, broken bodies,
 * hung and reset connections, and tokens that expire mid-session.
 */

export const FAULT_KINDS = ['status', 'latency', 'malformed-json', 'invalid-items', 'hang', 'reset', 'expired-token'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultTarget = FaultableRoute | 'any';

export interface FaultRule {
  /** Default 'query'. */
  route?: FaultTarget;
  kind: FaultKind;
  /** `status` kind: the status to answer (400–599). */
  status?: number;
  /** `status` kind: the Retry-After header value, sent as given (delta-seconds or an HTTP date). */
  retryAfter?: string;
  /** `status` 403 only: answer as Genesys does for a permission the user's roles lack (`missing.permissions`). */
  missingPermission?: string;
  /** `latency` kind: extra delay before the normal answer. */
  latencyMs?: number;
  /** How many requests the rule applies to; absent means every request until cleared. */
  times?: number;
}

/** A rule as installed: defaults filled, with what is left of it. */
export interface ActiveFault {
  rule: Required<Pick<FaultRule, 'route' | 'kind'>> & Omit<FaultRule, 'route' | 'kind'>;
  /** Requests it will still apply to; null = unlimited. */
  remaining: number | null;
  applied: number;
}

const RULE_KEYS = new Set(['route', 'kind', 'status', 'retryAfter', 'missingPermission', 'latencyMs', 'times']);
const TARGETS: readonly string[] = [...FAULTABLE_ROUTES, 'any'];
export const MAX_FAULT_LATENCY_MS = 600_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseRule(raw: unknown, index: number): ActiveFault | string {
  const where = `rules[${index}]`;
  if (!isRecord(raw)) return `${where} must be an object`;
  for (const key of Object.keys(raw)) if (!RULE_KEYS.has(key)) return `${where}.${key} is not a fault rule field`;
  const { route = 'query', kind, status, retryAfter, missingPermission, latencyMs, times } = raw;
  if (typeof route !== 'string' || !TARGETS.includes(route)) return `${where}.route must be one of ${TARGETS.join(', ')}`;
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) return `${where}.kind must be one of ${FAULT_KINDS.join(', ')}`;
  const rule: ActiveFault['rule'] = { route: route as FaultTarget, kind: kind as FaultKind };
  if (kind === 'status') {
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) return `${where}.status must be an integer 400–599`;
    rule.status = status;
  } else if (status !== undefined) return `${where}.status only goes with kind "status"`;
  if (retryAfter !== undefined) {
    if (typeof retryAfter !== 'string' && typeof retryAfter !== 'number') return `${where}.retryAfter must be a string (seconds or an HTTP date)`;
    if (kind !== 'status') return `${where}.retryAfter only goes with kind "status"`;
    rule.retryAfter = String(retryAfter);
  }
  if (missingPermission !== undefined) {
    if (status !== 403) return `${where}.missingPermission only goes with kind "status" and status 403`;
    if (typeof missingPermission !== 'string' || !/^[\w*-]+:[\w*-]+:[\w*-]+$/.test(missingPermission)) return `${where}.missingPermission must be a permission (domain:entity:action)`;
    rule.missingPermission = missingPermission;
  }
  if (kind === 'latency') {
    if (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > MAX_FAULT_LATENCY_MS) {
      return `${where}.latencyMs must be a number 0–${MAX_FAULT_LATENCY_MS}`;
    }
    rule.latencyMs = latencyMs;
  } else if (latencyMs !== undefined) return `${where}.latencyMs only goes with kind "latency"`;
  if (times !== undefined) {
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) return `${where}.times must be a positive integer`;
    rule.times = times;
  }
  return { rule, remaining: rule.times ?? null, applied: 0 };
}

/** Validates `{rules: FaultRule[]}`; the message says which field is wrong. */
export function parseFaultRules(body: unknown): { faults: ActiveFault[] } | { error: string } {
  if (!isRecord(body) || !Array.isArray(body.rules)) return { error: 'The body must be {"rules": [...]}' };
  if (body.rules.length > 100) return { error: 'At most 100 rules' };
  const faults: ActiveFault[] = [];
  for (const [index, raw] of body.rules.entries()) {
    const parsed = parseRule(raw, index);
    if (typeof parsed === 'string') return { error: parsed };
    faults.push(parsed);
  }
  return { faults };
}

/** Whether a kind means anything on a route (invalid items exist only in query answers...). */
function appliesTo(kind: FaultKind, route: FaultableRoute): boolean {
  if (kind === 'invalid-items') return route === 'query';
  if (kind === 'expired-token') return route === 'query' || route === 'users-me' || route === 'tokens-me';
  return true;
}

export interface FaultDecision {
  /** Sum of the matching latency rules. */
  extraLatencyMs: number;
  /** The first matching rule of another kind: it decides the answer. */
  terminal: ActiveFault | null;
}

/**
 * The faults a request on `route` gets, consuming one use of each rule that applies: every
 * matching latency rule adds up, and the first other matching rule (in order) decides the answer.
 */
export function takeFaults(faults: readonly ActiveFault[], route: FaultableRoute): FaultDecision {
  let extraLatencyMs = 0;
  let terminal: ActiveFault | null = null;
  for (const fault of faults) {
    const { rule } = fault;
    if (fault.remaining === 0 || (rule.route !== 'any' && rule.route !== route) || !appliesTo(rule.kind, route)) continue;
    if (rule.kind === 'latency') extraLatencyMs += rule.latencyMs ?? 0;
    else if (terminal) continue;
    else terminal = fault;
    fault.applied++;
    if (fault.remaining !== null) fault.remaining--;
  }
  return { extraLatencyMs, terminal };
}

/** A 200 whose JSON stops half way, as a proxy cutting a response would leave it. */
const TRUNCATED_BODIES: Readonly<Record<FaultableRoute, string>> = {
  query: '{"items":[{"id":"billing-double-charge","title":"Refund a duplicate charge","content":"<p>Check the',
  'users-me': '{"id":"7d3b8c1a-4f5e-4a9b-9c2d-1e2f3a4b5c6d","name":"Alex Ag',
  'tokens-me': '{"organization":{"id":"b5c1f0e2',
  token: '{"access_token":"sim-at-',
  webhook: '{"status":"acc',
  suggestions: '{"entities":[{"id":"5d0c',
  notifications: '{"connectUri":"ws://',
  engagement: '{"engagementT',
  'knowledge-search': '{"results":[{"confid',
  'knowledge-bases': '{"entities":[{"id":"kb-bil',
  'knowledge-engagement': '{"documentVariat',
  responses: '{"id":"resp-refund-raised","na',
};

const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  429: 'Rate limit exceeded the maximum [300] requests within [60] seconds',
  500: 'The server encountered an unexpected condition (simulated fault).',
  502: 'Bad gateway (simulated fault).',
  503: 'The service is currently unavailable (simulated fault).',
  504: 'The request timed out (simulated fault).',
};

export interface FaultHooks {
  /** `expired-token`: mark the caller's token as expired from now on. */
  expirePresentedToken(): void;
  /** `invalid-items`: the items array to send (valid and broken mixed). */
  invalidItems(): unknown[];
}

export type FaultOutcome = 'answered' | 'hung' | 'reset';

/** Answers (or refuses to answer) as the rule says. */
export function respondWithFault(exchange: Exchange, fault: ActiveFault, route: FaultableRoute, hooks: FaultHooks): FaultOutcome {
  const { rule } = fault;
  switch (rule.kind) {
    case 'status': {
      const status = rule.status ?? 500;
      const headers: Record<string, string> = rule.retryAfter === undefined ? {} : { 'Retry-After': rule.retryAfter };
      if (rule.missingPermission !== undefined) {
        const message = `Unable to perform the requested action. You are missing the following permission(s): [${rule.missingPermission}]`;
        sendGenesysError(exchange, 403, 'missing.permissions', message, headers);
        return 'answered';
      }
      sendGenesysError(exchange, status, genesysCodeFor(status), STATUS_MESSAGES[status] ?? `Simulated HTTP ${status}.`, headers);
      return 'answered';
    }
    case 'malformed-json':
      sendText(exchange, 200, TRUNCATED_BODIES[route], 'application/json; charset=utf-8');
      return 'answered';
    case 'invalid-items':
      sendText(exchange, 200, JSON.stringify({ items: hooks.invalidItems() }), 'application/json; charset=utf-8');
      return 'answered';
    case 'expired-token':
      hooks.expirePresentedToken();
      sendGenesysError(exchange, 401, 'bad.credentials', 'Authentication failed.');
      return 'answered';
    case 'hang':
      // Never answer: the client's timeout or abort ends it (or close() at shutdown).
      return 'hung';
    case 'reset':
      exchange.req.socket.destroy();
      return 'reset';
    case 'latency':
      // Latency rules are never terminal (takeFaults), kept for exhaustiveness.
      return 'answered';
  }
}
