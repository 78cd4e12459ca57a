import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { challengeFromVerifier, isAllowedRedirectUri, isValidCodeChallenge, isValidCodeVerifier, verifierMatchesChallenge } from './pkce';
import { startSimulator, type RunningSimulator } from './server';
import { authorizeParams, authorizeUrl, exchangeCode, newPkce, type Pkce, sessionCookieFrom, submitDecision, TEST_REDIRECT_URI } from './test-client';

describe('PKCE checks', () => {
  it('computes the RFC 7636 appendix B challenge', () => {
    expect(challengeFromVerifier('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('accepts only 43–128 unreserved characters as a verifier', () => {
    expect(isValidCodeVerifier('a'.repeat(43))).toBe(true);
    expect(isValidCodeVerifier('A-._~9'.repeat(20))).toBe(true);
    expect(isValidCodeVerifier('a'.repeat(42))).toBe(false);
    expect(isValidCodeVerifier('a'.repeat(129))).toBe(false);
    expect(isValidCodeVerifier(`${'a'.repeat(43)}+`)).toBe(false);
  });

  it('accepts only unpadded 43-character base64url challenges', () => {
    expect(isValidCodeChallenge('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toBe(true);
    expect(isValidCodeChallenge('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGEjc9FrjM=')).toBe(false);
    expect(isValidCodeChallenge('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGEjc9Frj+')).toBe(false);
  });

  it('matches a verifier to its challenge only', () => {
    const pkce = newPkce();
    expect(verifierMatchesChallenge(pkce.verifier, pkce.challenge)).toBe(true);
    expect(verifierMatchesChallenge(newPkce().verifier, pkce.challenge)).toBe(false);
  });

  it('knows Chrome and Firefox extension redirect URIs and nothing else', () => {
    expect(isAllowedRedirectUri(TEST_REDIRECT_URI)).toBe(true);
    expect(isAllowedRedirectUri('https://0123abcd.extensions.allizom.org/')).toBe(true);
    expect(isAllowedRedirectUri('https://abcdefghijklmnopabcdefghijklmnoq.chromiumapp.org/')).toBe(false); // q is not a–p
    expect(isAllowedRedirectUri(`${TEST_REDIRECT_URI}callback`)).toBe(false);
    expect(isAllowedRedirectUri('https://evil.example/')).toBe(false);
    expect(isAllowedRedirectUri('http://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/')).toBe(false);
  });
});

describe('OAuth endpoints', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ latencyMs: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    await fetch(`${sim.origin}/__sim/reset`, { method: 'POST' });
  });

  async function approve(pkce: Pkce, overrides: Record<string, string | undefined> = {}) {
    const params = authorizeParams(pkce, overrides);
    const response = await submitDecision(sim.origin, params, 'approve');
    const location = new URL(response.headers.get('location') ?? 'about:blank');
    return { params, response, location, code: location.searchParams.get('code') ?? '' };
  }

  function tokenFields(params: Record<string, string>, code: string, verifier: string): Record<string, string> {
    return { grant_type: 'authorization_code', code, code_verifier: verifier, client_id: params.client_id ?? '', redirect_uri: params.redirect_uri ?? '' };
  }

  it('shows an escaped login page with the sign-in and cancel buttons', async () => {
    const params = authorizeParams(newPkce(), { state: '"><script>alert(1)</script>' });
    const response = await fetch(authorizeUrl(sim.origin, params), { redirect: 'manual' });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<title>Genesys Cloud (simulator) – Sign in</title>');
    expect(html).toContain('Alex Agent');
    expect(html).toContain('<button id="sign-in"');
    expect(html).toContain('<button id="deny"');
    expect(html).toContain('action="/oauth/authorize/decision"');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#34;&#62;&#60;script&#62;');
  });

  it('redirects back with a code and the state on Sign in, and sets the session cookie', async () => {
    const { response, location, params } = await approve(newPkce());
    expect(response.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(TEST_REDIRECT_URI);
    expect(location.searchParams.get('code')).toMatch(/.{20,}/);
    expect(location.searchParams.get('state')).toBe(params.state);
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/sim_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
  });

  it('redirects back with access_denied on Cancel', async () => {
    const params = authorizeParams(newPkce());
    const response = await submitDecision(sim.origin, params, 'deny');
    const location = new URL(response.headers.get('location') ?? '');
    expect(response.status).toBe(302);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_description')).toBe('The user denied access');
    expect(location.search).toContain('error_description=The+user+denied+access');
    expect(location.searchParams.get('state')).toBe(params.state);
  });

  it('exchanges a code with the right verifier for a bearer token', async () => {
    const pkce = newPkce();
    const { params, code } = await approve(pkce);
    const response = await exchangeCode(sim.origin, tokenFields(params, code, pkce.verifier));
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 3600 });
    expect(body).not.toHaveProperty('refresh_token');
  });

  it('rejects a wrong verifier with invalid_grant', async () => {
    const pkce = newPkce();
    const { params, code } = await approve(pkce);
    const response = await exchangeCode(sim.origin, tokenFields(params, code, newPkce().verifier));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant', error_description: 'PKCE verification failed' });
  });

  it('rejects a reused code with invalid_grant and revokes the token it gave', async () => {
    const pkce = newPkce();
    const { params, code } = await approve(pkce);
    const first = await exchangeCode(sim.origin, tokenFields(params, code, pkce.verifier));
    const { access_token: token } = (await first.json()) as { access_token: string };
    const second = await exchangeCode(sim.origin, tokenFields(params, code, pkce.verifier));
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ error: 'invalid_grant' });
    const me = await fetch(`${sim.origin}/api/v2/users/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
  });

  it('rejects a redirect_uri different from the authorize request', async () => {
    const pkce = newPkce();
    const { params, code } = await approve(pkce);
    const fields = { ...tokenFields(params, code, pkce.verifier), redirect_uri: 'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/' };
    const response = await exchangeCode(sim.origin, fields);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('rejects an expired code', async () => {
    const pkce = newPkce();
    const { params, code } = await approve(pkce);
    const grant = sim.state.codes.get(code);
    if (grant) grant.expiresAt = Date.now() - 1;
    const response = await exchangeCode(sim.origin, tokenFields(params, code, pkce.verifier));
    expect(await response.json()).toMatchObject({ error: 'invalid_grant', error_description: 'The authorization code expired' });
  });

  it('names the token request problem', async () => {
    const pkce = newPkce();
    const { params, code } = await approve(pkce);
    const good = tokenFields(params, code, pkce.verifier);
    const cases: [Record<string, string>, string][] = [
      [{ ...good, grant_type: 'refresh_token' }, 'unsupported_grant_type'],
      [{ ...good, client_id: 'someone-else' }, 'invalid_client'],
      [{ ...good, code_verifier: 'short' }, 'invalid_request'],
      [{ ...good, code: '' }, 'invalid_request'],
    ];
    for (const [fields, error] of cases) {
      const response = await exchangeCode(sim.origin, fields);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error });
    }
    const json = await fetch(`${sim.origin}/oauth/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(good) });
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('shows an error page, never a redirect, for an unknown client or redirect URI', async () => {
    for (const overrides of [{ client_id: 'evil' }, { redirect_uri: 'https://evil.example/' }, { redirect_uri: undefined }]) {
      const response = await fetch(authorizeUrl(sim.origin, authorizeParams(newPkce(), overrides)), { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('content-type')).toContain('text/html');
    }
  });

  it('sends other bad parameters back to the redirect URI as invalid_request', async () => {
    for (const overrides of [{ code_challenge_method: 'plain' }, { code_challenge: 'too-short' }, { code_challenge_method: undefined }]) {
      const params = authorizeParams(newPkce(), overrides);
      const response = await fetch(authorizeUrl(sim.origin, params), { redirect: 'manual' });
      const location = new URL(response.headers.get('location') ?? '');
      expect(response.status).toBe(302);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('error_description')).toBeTruthy();
      expect(location.searchParams.get('state')).toBe(params.state);
    }
  });

  it('answers silently with a code when a login session exists', async () => {
    const first = await approve(newPkce());
    const cookie = sessionCookieFrom(first.response) ?? '';
    const pkce = newPkce();
    const params = authorizeParams(pkce);
    const response = await fetch(authorizeUrl(sim.origin, params), { redirect: 'manual', headers: { Cookie: cookie } });
    const location = new URL(response.headers.get('location') ?? '');
    expect(response.status).toBe(302);
    const code = location.searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    const token = await exchangeCode(sim.origin, tokenFields(params, code, pkce.verifier));
    expect(token.status).toBe(200);
  });

  it('shows the login page to prompt=login despite a session, and ends that session', async () => {
    const first = await approve(newPkce());
    const cookie = sessionCookieFrom(first.response) ?? '';
    const forced = await fetch(authorizeUrl(sim.origin, authorizeParams(newPkce(), { prompt: 'login' })), { redirect: 'manual', headers: { Cookie: cookie } });
    expect(forced.status).toBe(200);
    expect(await forced.text()).toContain('id="sign-in"');
    expect(forced.headers.getSetCookie().join('')).toContain('Max-Age=0');
    // The old session is gone: a silent request with its cookie no longer gets a code.
    const silent = await fetch(authorizeUrl(sim.origin, authorizeParams(newPkce(), { prompt: 'none' })), { redirect: 'manual', headers: { Cookie: cookie } });
    expect(new URL(silent.headers.get('location') ?? '').searchParams.get('error')).toBe('login_required');
  });

  it('answers login_required to a session once silent login is off, then shows the page again', async () => {
    const first = await approve(newPkce());
    const cookie = sessionCookieFrom(first.response) ?? '';
    await fetch(`${sim.origin}/__sim/config`, { method: 'POST', body: JSON.stringify({ silentLogin: false }) });
    const silent = await fetch(authorizeUrl(sim.origin, authorizeParams(newPkce())), { redirect: 'manual', headers: { Cookie: cookie } });
    expect(silent.status).toBe(302);
    expect(new URL(silent.headers.get('location') ?? '').searchParams.get('error')).toBe('login_required');
    expect(silent.headers.getSetCookie().join('')).toContain('Max-Age=0');
    const interactive = await fetch(authorizeUrl(sim.origin, authorizeParams(newPkce())), { redirect: 'manual' });
    expect(interactive.status).toBe(200);
  });

  it('forgets sessions on reset: the old cookie gets the login page (and prompt=none gets login_required)', async () => {
    const first = await approve(newPkce());
    const cookie = sessionCookieFrom(first.response) ?? '';
    await fetch(`${sim.origin}/__sim/reset`, { method: 'POST' });
    const page = await fetch(authorizeUrl(sim.origin, authorizeParams(newPkce())), { redirect: 'manual', headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="sign-in"');
    const none = await fetch(authorizeUrl(sim.origin, authorizeParams(newPkce(), { prompt: 'none' })), { redirect: 'manual', headers: { Cookie: cookie } });
    expect(new URL(none.headers.get('location') ?? '').searchParams.get('error')).toBe('login_required');
  });

  it('signs in the supervisor with login_hint=supervisor', async () => {
    const pkce = newPkce();
    const page = await fetch(authorizeUrl(sim.origin, authorizeParams(pkce, { login_hint: 'supervisor' })));
    expect(await page.text()).toContain('Sam Supervisor');
    const { params, code } = await approve(pkce, { login_hint: 'supervisor' });
    const token = (await (await exchangeCode(sim.origin, tokenFields(params, code, pkce.verifier))).json()) as { access_token: string };
    const me = await fetch(`${sim.origin}/api/v2/users/me`, { headers: { Authorization: `Bearer ${token.access_token}` } });
    expect(await me.json()).toMatchObject({ id: '2c9e6a4d-8b1f-4e3a-a7d5-6f0b9c8e1a2b', name: 'Sam Supervisor' });
  });

  it('records every token request', async () => {
    const pkce = newPkce();
    const { params, code } = await approve(pkce);
    await exchangeCode(sim.origin, tokenFields(params, code, pkce.verifier));
    await exchangeCode(sim.origin, tokenFields(params, code, pkce.verifier));
    const log = (await (await fetch(`${sim.origin}/__sim/requests?route=token`)).json()) as { requests: { status: number; body: Record<string, string> }[] };
    expect(log.requests.map((entry) => entry.status)).toEqual([200, 400]);
    expect(log.requests[0]?.body.code_verifier).toBe(pkce.verifier);
  });
});
