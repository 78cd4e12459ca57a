import { randomBytes } from 'node:crypto';
import type { AccessTokenRecord, AuthorizationCode, LoginSession, SimulatorState } from './state';

/** Authorization codes, access tokens and login sessions: issue, look up, expire, revoke. */

export const CODE_LIFETIME_MS = 60_000;

function randomString(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function issueCode(state: SimulatorState, grant: Pick<AuthorizationCode, 'clientId' | 'redirectUri' | 'codeChallenge' | 'userId'>): string {
  const code = randomString('sim-code-');
  state.codes.set(code, { ...grant, code, expiresAt: state.now() + CODE_LIFETIME_MS, used: false, issuedToken: null });
  return code;
}

export type CodeLookup = { ok: true; grant: AuthorizationCode } | { ok: false; reason: string };

/**
 * Takes a code for exchange. Any attempt uses it up, a failed one too (so a verifier cannot be
 * guessed); a replayed code also revokes the token it was first exchanged for.
 */
export function redeemCode(state: SimulatorState, code: string): CodeLookup {
  const grant = state.codes.get(code);
  if (!grant) return { ok: false, reason: 'The authorization code is unknown' };
  if (grant.used) {
    if (grant.issuedToken) revokeToken(state, grant.issuedToken);
    return { ok: false, reason: 'The authorization code was already used' };
  }
  grant.used = true;
  if (grant.expiresAt <= state.now()) return { ok: false, reason: 'The authorization code expired' };
  return { ok: true, grant };
}

export function issueToken(state: SimulatorState, grant: AuthorizationCode): AccessTokenRecord {
  const issuedAt = state.now();
  const record: AccessTokenRecord = {
    token: randomString('sim-at-'),
    userId: grant.userId,
    clientId: grant.clientId,
    issuedAt,
    expiresAt: issuedAt + state.config.tokenLifetimeSeconds * 1000,
    revoked: false,
  };
  state.tokens.set(record.token, record);
  grant.issuedToken = record.token;
  return record;
}

export type TokenLookup =
  | { ok: true; record: AccessTokenRecord }
  | { ok: false; reason: 'missing' | 'unknown' | 'expired' | 'revoked' };

/** Reads `Authorization: Bearer <token>` and says whether the token may be used now. */
export function checkBearer(state: SimulatorState, authorization: string | undefined): TokenLookup {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return { ok: false, reason: 'missing' };
  const record = state.tokens.get(match[1]);
  if (!record) return { ok: false, reason: 'unknown' };
  if (record.revoked) return { ok: false, reason: 'revoked' };
  if (record.expiresAt <= state.now()) return { ok: false, reason: 'expired' };
  return { ok: true, record };
}

export function revokeToken(state: SimulatorState, token: string): void {
  const record = state.tokens.get(token);
  if (record) record.revoked = true;
}

export function expireToken(state: SimulatorState, token: string): void {
  const record = state.tokens.get(token);
  if (record) record.expiresAt = Math.min(record.expiresAt, state.now());
}

/** Expires every live token; returns how many were live. */
export function expireAllTokens(state: SimulatorState): number {
  let count = 0;
  const now = state.now();
  for (const record of state.tokens.values()) {
    if (!record.revoked && record.expiresAt > now) count++;
    record.expiresAt = Math.min(record.expiresAt, now);
  }
  return count;
}

export function createSession(state: SimulatorState, userId: string): LoginSession {
  const session: LoginSession = { id: randomString(''), userId, createdAt: state.now() };
  state.sessions.set(session.id, session);
  return session;
}

export function findSession(state: SimulatorState, id: string | undefined): LoginSession | undefined {
  return id === undefined ? undefined : state.sessions.get(id);
}

export function endSession(state: SimulatorState, id: string): void {
  state.sessions.delete(id);
}
