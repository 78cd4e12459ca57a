import { createSession, endSession, findSession, issueCode, issueToken, redeemCode } from './credentials';
import { type Exchange, type ParsedBody, readCookies, redirect, sendJson, sendText } from './http-helpers';
import { errorPage, loginPage } from './oauth-pages';
import { isAllowedRedirectUri, isValidCodeChallenge, isValidCodeVerifier, SIMULATOR_CLIENT_ID, verifierMatchesChallenge } from './pkce';
import type { SimulatorState } from './state';
import { userForLoginHint } from './users';

/**
 * The login host: Authorization Code + PKCE for a public client (docs/genesys-api.md, "Sign-in").
 * `GET /oauth/authorize` → login page or silent redirect; `POST /oauth/authorize/decision` ← the
 * page's form; `POST /oauth/token` exchanges the code after checking the verifier.
 */

export const SESSION_COOKIE = 'sim_session';

/** The authorize parameters the login page carries through its form. */
const AUTHORIZE_PARAMS = ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'login_hint'] as const;
type AuthorizeParams = Partial<Record<(typeof AUTHORIZE_PARAMS)[number], string>> & { prompt?: string };

function pickParams(source: (name: string) => string | null | undefined): AuthorizeParams {
  const params: AuthorizeParams = {};
  for (const name of [...AUTHORIZE_PARAMS, 'prompt'] as const) {
    const value = source(name);
    if (typeof value === 'string') params[name] = value;
  }
  return params;
}

function html(exchange: Exchange, status: number, body: string, headers: Record<string, string> = {}): void {
  // No form-action: the form's answer redirects to the extension, which form-action would block.
  sendText(exchange, status, body, 'text/html; charset=utf-8', {
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    ...headers,
  });
}

function sessionCookie(value: string, maxAgeSeconds?: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax${maxAgeSeconds === undefined ? '' : `; Max-Age=${maxAgeSeconds}`}`;
}

function redirectWith(exchange: Exchange, redirectUri: string, params: Record<string, string | undefined>, headers: Record<string, string> = {}): void {
  const target = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) target.searchParams.set(name, value);
  redirect(exchange, target.toString(), headers);
}

type Check = { ok: true; clientId: string; redirectUri: string; codeChallenge: string } | { ok: false; page: string } | { ok: false; error: string; description: string };

/**
 * Untrusted client or redirect URI → an error page (never redirect there); anything else wrong →
 * an error sent back to the (now trusted) redirect URI.
 */
function checkAuthorizeParams(params: AuthorizeParams): Check {
  if (params.client_id !== SIMULATOR_CLIENT_ID) return { ok: false, page: `Unknown client_id. The simulator's OAuth client is "${SIMULATOR_CLIENT_ID}".` };
  if (!params.redirect_uri || !isAllowedRedirectUri(params.redirect_uri)) {
    return { ok: false, page: 'The redirect_uri is not registered for this client (expected https://<extension-id>.chromiumapp.org/).' };
  }
  if (params.response_type === undefined) return { ok: false, error: 'invalid_request', description: 'response_type is required' };
  if (params.response_type !== 'code') return { ok: false, error: 'unsupported_response_type', description: 'Only response_type=code is supported' };
  if (params.code_challenge_method !== 'S256') return { ok: false, error: 'invalid_request', description: 'code_challenge_method must be S256' };
  if (!params.code_challenge || !isValidCodeChallenge(params.code_challenge)) {
    return { ok: false, error: 'invalid_request', description: 'code_challenge must be 43 characters of base64url' };
  }
  return { ok: true, clientId: params.client_id, redirectUri: params.redirect_uri, codeChallenge: params.code_challenge };
}

/** Sends the failure for a check that did not pass. */
function refuse(exchange: Exchange, check: Exclude<Check, { ok: true }>, params: AuthorizeParams): void {
  if ('page' in check) html(exchange, 400, errorPage(check.page));
  else redirectWith(exchange, params.redirect_uri ?? '', { error: check.error, error_description: check.description, state: params.state });
}

/**
 * `GET /oauth/authorize`. With a live login session and silent login on, it redirects with a code
 * at once (what `launchWebAuthFlow({interactive: false})` needs). With silent login off, a session
 * gets `error=login_required` and is ended, so the agent's next (interactive) try shows the page.
 * `prompt=login` (Genesys's "force prompt the user for credentials") ignores and ends any session
 * and always shows the page.
 */
export function handleAuthorize(exchange: Exchange, state: SimulatorState): void {
  const params = pickParams((name) => exchange.url.searchParams.get(name));
  const check = checkAuthorizeParams(params);
  if (!check.ok) return refuse(exchange, check, params);

  const cookie = readCookies(exchange).get(SESSION_COOKIE);
  const forced = params.prompt === 'login';
  const found = findSession(state, cookie);
  if (found && forced) endSession(state, found.id);
  const session = forced ? undefined : found;
  if (session && state.config.silentLogin) {
    const code = issueCode(state, { clientId: check.clientId, redirectUri: check.redirectUri, codeChallenge: check.codeChallenge, userId: session.userId });
    return redirectWith(exchange, check.redirectUri, { code, state: params.state });
  }
  const clearCookie: Record<string, string> = cookie === undefined ? {} : { 'Set-Cookie': sessionCookie('', 0) };
  if (session || params.prompt === 'none') {
    if (session) endSession(state, session.id);
    return redirectWith(exchange, check.redirectUri, { error: 'login_required', error_description: 'The user must sign in', state: params.state }, clearCookie);
  }
  const formParams: Record<string, string> = {};
  for (const name of AUTHORIZE_PARAMS) {
    const value = params[name];
    if (value !== undefined) formParams[name] = value;
  }
  html(exchange, 200, loginPage(userForLoginHint(params.login_hint), formParams), clearCookie);
}

/** `POST /oauth/authorize/decision`: the login page's Sign in / Cancel. */
export function handleAuthorizeDecision(exchange: Exchange, state: SimulatorState, body: ParsedBody): void {
  const form = body.kind === 'form' ? body.value : {};
  const params = pickParams((name) => form[name]);
  const check = checkAuthorizeParams(params);
  if (!check.ok) return refuse(exchange, check, params);
  const decision = form.decision;
  if (decision === 'deny') {
    return redirectWith(exchange, check.redirectUri, { error: 'access_denied', error_description: 'The user denied access', state: params.state });
  }
  if (decision !== 'approve') {
    return redirectWith(exchange, check.redirectUri, { error: 'invalid_request', error_description: 'decision must be approve or deny', state: params.state });
  }
  const user = userForLoginHint(params.login_hint);
  const session = createSession(state, user.id);
  const code = issueCode(state, { clientId: check.clientId, redirectUri: check.redirectUri, codeChallenge: check.codeChallenge, userId: user.id });
  redirectWith(exchange, check.redirectUri, { code, state: params.state }, { 'Set-Cookie': sessionCookie(session.id) });
}

type TokenError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

function tokenError(exchange: Exchange, error: TokenError, description: string): void {
  sendJson(exchange, 400, { error, error_description: description }, { Pragma: 'no-cache' });
}

/** `POST /oauth/token` (form-encoded): authorization_code grant with the PKCE verifier. */
export function handleToken(exchange: Exchange, state: SimulatorState, body: ParsedBody): void {
  if (exchange.req.method !== 'POST') return tokenError(exchange, 'invalid_request', 'Use POST');
  if (body.kind !== 'form') return tokenError(exchange, 'invalid_request', 'The body must be application/x-www-form-urlencoded');
  const { grant_type: grantType, code, code_verifier: verifier, client_id: clientId, redirect_uri: redirectUri } = body.value;
  if (!grantType) return tokenError(exchange, 'invalid_request', 'grant_type is required');
  if (grantType !== 'authorization_code') return tokenError(exchange, 'unsupported_grant_type', 'Only authorization_code is supported');
  if (clientId !== SIMULATOR_CLIENT_ID) return tokenError(exchange, 'invalid_client', 'Unknown or missing client_id');
  if (!code) return tokenError(exchange, 'invalid_request', 'code is required');
  if (!redirectUri) return tokenError(exchange, 'invalid_request', 'redirect_uri is required');
  if (!verifier) return tokenError(exchange, 'invalid_request', 'code_verifier is required');
  if (!isValidCodeVerifier(verifier)) return tokenError(exchange, 'invalid_request', 'code_verifier must be 43–128 characters of [A-Za-z0-9-._~]');

  const redeemed = redeemCode(state, code);
  if (!redeemed.ok) return tokenError(exchange, 'invalid_grant', redeemed.reason);
  const { grant } = redeemed;
  if (grant.clientId !== clientId) return tokenError(exchange, 'invalid_grant', 'The code was issued to another client');
  if (grant.redirectUri !== redirectUri) return tokenError(exchange, 'invalid_grant', 'redirect_uri does not match the authorization request');
  if (!verifierMatchesChallenge(verifier, grant.codeChallenge)) return tokenError(exchange, 'invalid_grant', 'PKCE verification failed');

  const token = issueToken(state, grant);
  sendJson(exchange, 200, { access_token: token.token, token_type: 'bearer', expires_in: Math.max(0, Math.round((token.expiresAt - token.issuedAt) / 1000)) }, { Pragma: 'no-cache' });
}

