import { randomBytes } from 'node:crypto';
import { challengeFromVerifier, SIMULATOR_CLIENT_ID } from './pkce';

/**
 * What the extension does over HTTP, for the simulator's own tests (and handy for e2e setup that
 * needs a token without a browser): build the authorize URL, approve the login page, exchange.
 */

/** A Chrome identity redirect URI: 32 letters a–p, like a real extension id. */
export const TEST_REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function newPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: challengeFromVerifier(verifier) };
}

export function authorizeParams(pkce: Pkce, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: SIMULATOR_CLIENT_ID,
    redirect_uri: TEST_REDIRECT_URI,
    state: randomBytes(8).toString('hex'),
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export function authorizeUrl(origin: string, params: Record<string, string>): string {
  return `${origin}/oauth/authorize?${new URLSearchParams(params).toString()}`;
}

/** Submits the login page's form as the Sign in (approve) or Cancel (deny) button would. */
export function submitDecision(origin: string, params: Record<string, string>, decision: 'approve' | 'deny', cookie?: string): Promise<Response> {
  return fetch(`${origin}/oauth/authorize/decision`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams({ ...params, decision }).toString(),
  });
}

export function exchangeCode(origin: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${origin}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The `sim_session=…` pair from a response's Set-Cookie, for the next request's Cookie header. */
export function sessionCookieFrom(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('sim_session=') && pair !== 'sim_session=');
}

/** The full interactive sign-in: authorize → Sign in → token. */
export async function signIn(origin: string, loginHint?: string): Promise<{ token: string; cookie: string; expiresIn: number }> {
  const pkce = newPkce();
  const params = authorizeParams(pkce, { login_hint: loginHint });
  const decision = await submitDecision(origin, params, 'approve');
  const location = new URL(decision.headers.get('location') ?? '');
  const code = location.searchParams.get('code');
  const cookie = sessionCookieFrom(decision);
  if (!code || !cookie) throw new Error(`Sign-in failed: ${decision.status} ${location.toString()}`);
  const response = await exchangeCode(origin, {
    grant_type: 'authorization_code',
    code,
    code_verifier: pkce.verifier,
    client_id: params.client_id ?? '',
    redirect_uri: params.redirect_uri ?? '',
  });
  const body = (await response.json()) as { access_token: string; expires_in: number };
  return { token: body.access_token, cookie, expiresIn: body.expires_in };
}
