import * as z from 'zod/mini';
import { SIMULATOR_BUILD } from '../../shared/build-flags';
import type { Endpoints } from '../../shared/settings';

/**
 * Authorization Code + PKCE (RFC 6749, RFC 7636) against the Genesys login host
 * (docs/genesys-api.md "Sign-in"): a public client, no refresh token, no ID token. The protocol
 * checks are written out here (state, issuer, error responses, the token response's shape against
 * a schema) rather than taken from a general OAuth library, which cost the worker about 6 KB
 * gzipped for the four calls it made (docs/performance.md P8).
 */

export class AuthError extends Error {
  constructor(
    readonly kind: 'cancelled' | 'interaction-required' | 'denied' | 'invalid-response' | 'exchange-failed' | 'not-configured' | 'page-failed' | 'wrong-user',
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

export interface AuthRequest {
  url: string;
  state: string;
  codeVerifier: string;
  redirectUri: string;
}

export interface TokenSet {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

const authorizeUrl = (endpoints: Endpoints) => `${endpoints.loginBaseUrl}/oauth/authorize`;
const tokenUrl = (endpoints: Endpoints) => `${endpoints.loginBaseUrl}/oauth/token`;

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes, base64url: 43 unreserved characters (a verifier RFC 7636 allows, and 256 bits of state). */
function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function s256(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/**
 * A fresh authorize URL with a new S256 challenge and state. The verifier never leaves the worker.
 * `prompt: 'login'` makes Genesys ask for credentials even when its login session would answer
 * at once (its documented "force prompt" parameter): how a sign-out or a user switch gets a real
 * login page.
 */
export async function createAuthRequest(endpoints: Endpoints, clientId: string, redirectUri: string, prompt?: 'login'): Promise<AuthRequest> {
  const codeVerifier = randomToken();
  const state = randomToken();
  const url = new URL(authorizeUrl(endpoints));
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    state,
    code_challenge: await s256(codeVerifier),
    code_challenge_method: 'S256',
    ...(prompt && { prompt }),
  }).toString();
  return { url: url.toString(), state, codeVerifier, redirectUri };
}

/** Parameters readAuthResponse checked: exchangeCode takes no others, so a forged callback never reaches the token endpoint. */
const checked = new WeakSet<URLSearchParams>();

/** The one value of `name`, or undefined; a parameter given twice is refused (which one would the server mean?). */
function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new AuthError('invalid-response', `"${name}" given more than once`);
  return values[0];
}

/**
 * Checks the redirect the login host sent back: the state must match, an `iss` must be the login
 * host, there must be no error and no token (an implicit-grant answer is never accepted).
 */
export function readAuthResponse(endpoints: Endpoints, _clientId: string, redirectedTo: string, expectedState: string): URLSearchParams {
  let url: URL;
  try {
    url = new URL(redirectedTo);
  } catch {
    throw new AuthError('invalid-response', 'the redirect is not a URL');
  }
  const params = url.searchParams;
  const fragment = new URLSearchParams(url.hash.slice(1));
  // This client asked for a code; a token in the redirect is the implicit grant's answer, never ours.
  if (['access_token', 'token', 'id_token'].some((name) => params.has(name) || fragment.has(name))) throw new AuthError('invalid-response', 'a token came in the redirect');
  const iss = single(params, 'iss');
  if (iss !== undefined && iss !== endpoints.loginBaseUrl) throw new AuthError('invalid-response', 'the response came from another issuer');
  const state = single(params, 'state');
  if (state === undefined) throw new AuthError('invalid-response', 'the response has no state');
  if (state !== expectedState) throw new AuthError('invalid-response', 'the response state does not match the request');
  const error = single(params, 'error');
  if (error !== undefined) throw new AuthError(error === 'access_denied' ? 'denied' : 'invalid-response', single(params, 'error_description') || error);
  single(params, 'code');
  const result = new URLSearchParams(params);
  checked.add(result);
  return result;
}

/** What the token endpoint answers (RFC 6749 5.1); Genesys sends no refresh or ID token to a PKCE client. */
const TokenResponse = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.string().check(z.regex(/^bearer$/i)),
  expires_in: z.optional(z.number().check(z.gt(0))),
});

/** An error answer (RFC 6749 5.2). */
const TokenError = z.object({ error: z.string(), error_description: z.optional(z.string()) });

/** Exchanges the code for a token (POST /oauth/token with the verifier). */
export async function exchangeCode(
  endpoints: Endpoints,
  clientId: string,
  callbackParameters: URLSearchParams,
  request: AuthRequest,
  now: () => number = Date.now,
): Promise<TokenSet> {
  const fail = (message: string) => new AuthError('exchange-failed', message);
  if (!checked.has(callbackParameters)) throw fail('the callback parameters were not checked');
  const code = callbackParameters.get('code');
  if (!code) throw fail('the response has no authorization code');
  const url = new URL(tokenUrl(endpoints));
  // Loopback http is the simulator; store builds compile this to false.
  if (url.protocol !== 'https:' && !(SIMULATOR_BUILD && url.protocol === 'http:')) throw fail('the token endpoint must use https');
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(url.href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: request.redirectUri, code_verifier: request.codeVerifier, client_id: clientId }),
      // The answer carries the token: never follow it anywhere else.
      redirect: 'manual',
    });
    body = await response.json().catch(() => undefined);
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  if (response.status !== 200) {
    const oauthError = TokenError.safeParse(body);
    if (oauthError.success) throw fail(`${oauthError.data.error}${oauthError.data.error_description ? `: ${oauthError.data.error_description}` : ''}`);
    throw fail(`the token endpoint answered ${response.status}`);
  }
  const tokens = TokenResponse.safeParse(body);
  if (!tokens.success) throw fail('the token response is not a bearer token');
  // Genesys tokens last 300 s to 48 h depending on the OAuth client; assume the shortest if unsaid.
  const lifetimeSeconds = tokens.data.expires_in ?? 300;
  return { accessToken: tokens.data.access_token, expiresAt: now() + lifetimeSeconds * 1000 };
}
