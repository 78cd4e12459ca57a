import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Endpoints } from '../../shared/settings';
import { AuthError, createAuthRequest, exchangeCode, readAuthResponse, type AuthRequest } from './authorization-code';

const ENDPOINTS: Endpoints = { loginBaseUrl: 'https://login.mypurecloud.ie', apiBaseUrl: 'https://api.mypurecloud.ie' };
const CLIENT_ID = 'client-123';
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const VERIFIER_ALPHABET = /^[A-Za-z0-9\-._~]{43,128}$/;

function base64url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function authError(run: () => unknown): Promise<AuthError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    return error as AuthError;
  }
  throw new Error('expected an AuthError');
}

describe('createAuthRequest', () => {
  it('builds the authorize URL on the login host with every PKCE parameter', async () => {
    const request = await createAuthRequest(ENDPOINTS, CLIENT_ID, REDIRECT);
    const url = new URL(request.url);
    expect(url.origin).toBe('https://login.mypurecloud.ie');
    expect(url.pathname).toBe('/oauth/authorize');
    const params = url.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe(CLIENT_ID);
    expect(params.get('redirect_uri')).toBe(REDIRECT);
    expect(params.get('state')).toBe(request.state);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(request.redirectUri).toBe(REDIRECT);
  });

  it('uses a verifier of 43–128 unreserved characters that never appears in the URL', async () => {
    const request = await createAuthRequest(ENDPOINTS, CLIENT_ID, REDIRECT);
    expect(request.codeVerifier).toMatch(VERIFIER_ALPHABET);
    expect(request.url).not.toContain(request.codeVerifier);
  });

  it('sends code_challenge = base64url(SHA-256(verifier)) without padding', async () => {
    const request = await createAuthRequest(ENDPOINTS, CLIENT_ID, REDIRECT);
    const challenge = new URL(request.url).searchParams.get('code_challenge')!;
    expect(challenge).toBe(base64url(createHash('sha256').update(request.codeVerifier).digest()));
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes, no '=' padding
  });

  it('uses a new verifier and state every time', async () => {
    const [a, b] = await Promise.all([createAuthRequest(ENDPOINTS, CLIENT_ID, REDIRECT), createAuthRequest(ENDPOINTS, CLIENT_ID, REDIRECT)]);
    expect(a.state).not.toBe(b.state);
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
    expect(a.state.length).toBeGreaterThanOrEqual(22); // at least 128 bits of base64url
  });

  it('encodes parameters safely', async () => {
    const request = await createAuthRequest(ENDPOINTS, 'id with&odd=chars', REDIRECT);
    expect(new URL(request.url).searchParams.get('client_id')).toBe('id with&odd=chars');
  });
});

describe('readAuthResponse', () => {
  it('returns the parameters when the state matches', () => {
    const params = readAuthResponse(ENDPOINTS, CLIENT_ID, `${REDIRECT}?code=the-code&state=s-1`, 's-1');
    expect(params.get('code')).toBe('the-code');
  });

  it('refuses a wrong state', async () => {
    const error = await authError(() => readAuthResponse(ENDPOINTS, CLIENT_ID, `${REDIRECT}?code=the-code&state=evil`, 's-1'));
    expect(error.kind).toBe('invalid-response');
  });

  it('refuses a missing state', async () => {
    const error = await authError(() => readAuthResponse(ENDPOINTS, CLIENT_ID, `${REDIRECT}?code=the-code`, 's-1'));
    expect(error.kind).toBe('invalid-response');
  });

  it('refuses a response from another issuer', async () => {
    const error = await authError(() => readAuthResponse(ENDPOINTS, CLIENT_ID, `${REDIRECT}?code=c&state=s-1&iss=${encodeURIComponent('https://login.evil.example')}`, 's-1'));
    expect(error.kind).toBe('invalid-response');
  });

  it('surfaces access_denied as denied with its description', async () => {
    const error = await authError(() =>
      readAuthResponse(ENDPOINTS, CLIENT_ID, `${REDIRECT}?error=access_denied&error_description=${encodeURIComponent('The user said no')}&state=s-1`, 's-1'),
    );
    expect(error.kind).toBe('denied');
    expect(error.message).toBe('The user said no');
  });

  it('surfaces another error code, using the code when there is no description', async () => {
    const error = await authError(() => readAuthResponse(ENDPOINTS, CLIENT_ID, `${REDIRECT}?error=unauthorized_client&state=s-1`, 's-1'));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toBe('unauthorized_client');
  });

  it('refuses a parameter given twice, and a token in the fragment', async () => {
    expect((await authError(() => readAuthResponse(ENDPOINTS, CLIENT_ID, `${REDIRECT}?code=c&state=s-1&state=s-1`, 's-1'))).kind).toBe('invalid-response');
    expect((await authError(() => readAuthResponse(ENDPOINTS, CLIENT_ID, `${REDIRECT}?code=c&code=d&state=s-1`, 's-1'))).kind).toBe('invalid-response');
    expect((await authError(() => readAuthResponse(ENDPOINTS, CLIENT_ID, `${REDIRECT}?state=s-1#access_token=abc`, 's-1'))).kind).toBe('invalid-response');
  });

  it('accepts the login host as issuer', () => {
    const params = readAuthResponse(ENDPOINTS, CLIENT_ID, `${REDIRECT}?code=c&state=s-1&iss=${encodeURIComponent(ENDPOINTS.loginBaseUrl)}`, 's-1');
    expect(params.get('code')).toBe('c');
  });

  it('refuses an implicit-grant token in the redirect', async () => {
    const error = await authError(() => readAuthResponse(ENDPOINTS, CLIENT_ID, `${REDIRECT}?token=abc&state=s-1`, 's-1'));
    expect(error.kind).toBe('invalid-response');
  });
});

describe('exchangeCode', () => {
  const request: AuthRequest = { url: 'unused', state: 's-1', codeVerifier: 'v'.repeat(43), redirectUri: REDIRECT };
  const callback = () => readAuthResponse(ENDPOINTS, CLIENT_ID, `${REDIRECT}?code=the-code&state=s-1`, 's-1');

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function stubTokenEndpoint(status: number, body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify(body), { status, headers }));
    vi.stubGlobal('fetch', fetch);
    return fetch;
  }

  it('posts the form-encoded code, verifier, client id and redirect URI to the token endpoint', async () => {
    const fetch = stubTokenEndpoint(200, { access_token: 'tok-1', token_type: 'bearer', expires_in: 86_400 });
    const tokens = await exchangeCode(ENDPOINTS, CLIENT_ID, callback(), request, () => 1_000_000);
    expect(tokens).toEqual({ accessToken: 'tok-1', expiresAt: 1_000_000 + 86_400_000 });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://login.mypurecloud.ie/oauth/token');
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(headers.get('authorization')).toBeNull(); // public client: no secret
    expect(init?.body).toBeInstanceOf(URLSearchParams);
    const body = new URLSearchParams(init?.body as URLSearchParams);
    expect(body.get('grant_type')).toBe('authorization_code');
    expect(body.get('code')).toBe('the-code');
    expect(body.get('code_verifier')).toBe(request.codeVerifier);
    expect(body.get('client_id')).toBe(CLIENT_ID);
    expect(body.get('redirect_uri')).toBe(REDIRECT);
    expect(body.has('client_secret')).toBe(false);
  });

  it('assumes the shortest Genesys lifetime (300 s) when expires_in is absent', async () => {
    stubTokenEndpoint(200, { access_token: 'tok-2', token_type: 'Bearer' });
    const tokens = await exchangeCode(ENDPOINTS, CLIENT_ID, callback(), request, () => 5000);
    expect(tokens).toEqual({ accessToken: 'tok-2', expiresAt: 5000 + 300_000 });
  });

  it('reports an OAuth error body as exchange-failed with code and description', async () => {
    stubTokenEndpoint(400, { error: 'invalid_grant', error_description: 'code verifier mismatch' });
    const error = await authError(() => exchangeCode(ENDPOINTS, CLIENT_ID, callback(), request));
    expect(error.kind).toBe('exchange-failed');
    expect(error.message).toBe('invalid_grant: code verifier mismatch');
  });

  it('reports a token response without access_token as exchange-failed', async () => {
    stubTokenEndpoint(200, { token_type: 'bearer', expires_in: 60 });
    const error = await authError(() => exchangeCode(ENDPOINTS, CLIENT_ID, callback(), request));
    expect(error.kind).toBe('exchange-failed');
  });

  it('refuses a token that is not a bearer token, or has no positive lifetime, and a non-OAuth error answer', async () => {
    for (const [status, body] of [
      [200, { access_token: 'tok', token_type: 'mac' }],
      [200, { access_token: 'tok' }],
      [200, { access_token: '', token_type: 'bearer' }],
      [200, { access_token: 'tok', token_type: 'bearer', expires_in: 0 }],
      [200, 'not json'],
      [502, { message: 'bad gateway' }],
    ] as const) {
      stubTokenEndpoint(status, body);
      expect((await authError(() => exchangeCode(ENDPOINTS, CLIENT_ID, callback(), request))).kind).toBe('exchange-failed');
    }
  });

  it('never follows a redirect of the token request', async () => {
    const fetch = stubTokenEndpoint(200, { access_token: 'tok', token_type: 'bearer' });
    await exchangeCode(ENDPOINTS, CLIENT_ID, callback(), request);
    expect(fetch.mock.calls[0]![1]?.redirect).toBe('manual');
  });

  it('reports a callback without a code as exchange-failed, sending nothing', async () => {
    const fetch = stubTokenEndpoint(200, { access_token: 'tok', token_type: 'bearer' });
    const params = readAuthResponse(ENDPOINTS, CLIENT_ID, `${REDIRECT}?state=s-1`, 's-1');
    expect((await authError(() => exchangeCode(ENDPOINTS, CLIENT_ID, params, request))).kind).toBe('exchange-failed');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reports a network failure as exchange-failed', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await authError(() => exchangeCode(ENDPOINTS, CLIENT_ID, callback(), request));
    expect(error.kind).toBe('exchange-failed');
    expect(error.message).toBe('Failed to fetch');
  });

  it('refuses plain-http login hosts outside simulator builds, sending nothing', async () => {
    const fetch = stubTokenEndpoint(200, { access_token: 'tok', token_type: 'bearer' });
    const loopback: Endpoints = { loginBaseUrl: 'http://127.0.0.1:8787', apiBaseUrl: 'http://127.0.0.1:8787' };
    const params = readAuthResponse(loopback, CLIENT_ID, `${REDIRECT}?code=c&state=s-1`, 's-1');
    const error = await authError(() => exchangeCode(loopback, CLIENT_ID, params, request));
    expect(error.kind).toBe('exchange-failed');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses callback parameters that did not come from readAuthResponse', async () => {
    const fetch = stubTokenEndpoint(200, { access_token: 'tok', token_type: 'bearer' });
    const error = await authError(() => exchangeCode(ENDPOINTS, CLIENT_ID, new URLSearchParams('code=forged&state=s-1'), request));
    expect(error.kind).toBe('exchange-failed');
    expect(fetch).not.toHaveBeenCalled();
  });
});
