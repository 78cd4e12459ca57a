import type { RecordedRequest } from './control-api';
import type { ActiveFault } from './faults';
import type { FeedbackEvent } from './webhook';

/** Everything the simulator remembers. In memory only: a restart (or `POST /__sim/reset`) forgets it. */

export interface SimulatorConfig {
  /** Delay before every `/api/v2/...` answer. */
  latencyMs: number;
  /** Serve `hostileArticles` along with the corpus. */
  hostileContent: boolean;
  /** Whether a login session answers authorize requests without the login page. */
  silentLogin: boolean;
  /** Lifetime of tokens issued from now on. */
  tokenLifetimeSeconds: number;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  userId: string;
  /** Epoch ms. */
  expiresAt: number;
  used: boolean;
  /** The token it was exchanged for: revoked if someone replays the code (RFC 6749 §4.1.2). */
  issuedToken: string | null;
}

export interface AccessTokenRecord {
  token: string;
  userId: string;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export interface LoginSession {
  id: string;
  userId: string;
  createdAt: number;
}

/** A request as the log keeps it and `GET /__sim/requests` lists it. */
export type RequestLogEntry = RecordedRequest;

export interface WebhookStore {
  /** Unique by eventId, in arrival order. */
  events: FeedbackEvent[];
  seen: Set<string>;
  duplicates: number;
  /** Every accepted POST, duplicates included. */
  received: number;
}

export interface SimulatorState {
  /** The config the simulator started with; reset returns to it. */
  readonly initialConfig: Readonly<SimulatorConfig>;
  config: SimulatorConfig;
  faults: ActiveFault[];
  codes: Map<string, AuthorizationCode>;
  tokens: Map<string, AccessTokenRecord>;
  sessions: Map<string, LoginSession>;
  requests: RequestLogEntry[];
  webhook: WebhookStore;
  /** Article ids whose hostile payload ran somewhere (GET /__sim/hostile-executed). */
  hostileHits: string[];
  /** Epoch ms; replaceable in tests. */
  now: () => number;
}

/** Oldest entries are dropped past this, so long benchmarks do not grow memory without bound. */
export const MAX_REQUEST_LOG = 20_000;

export function createState(config: SimulatorConfig, now: () => number = Date.now): SimulatorState {
  return {
    initialConfig: Object.freeze({ ...config }),
    config: { ...config },
    faults: [],
    codes: new Map(),
    tokens: new Map(),
    sessions: new Map(),
    requests: [],
    webhook: { events: [], seen: new Set(), duplicates: 0, received: 0 },
    hostileHits: [],
    now,
  };
}

/** Back to how the simulator started: faults, config, tokens, sessions, codes, logs, webhook store. */
export function resetState(state: SimulatorState): void {
  state.config = { ...state.initialConfig };
  state.faults = [];
  state.codes.clear();
  state.tokens.clear();
  state.sessions.clear();
  state.requests = [];
  state.webhook = { events: [], seen: new Set(), duplicates: 0, received: 0 };
  state.hostileHits = [];
}
