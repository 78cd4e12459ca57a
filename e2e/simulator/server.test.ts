import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatTimeline, seedConversations } from './conversations';
import { startSimulator, type RunningSimulator } from './server';
import { authorizeParams, newPkce, signIn, submitDecision, TEST_REDIRECT_URI } from './test-client';

const QUERY_PATH = '/api/v2/agentassist/recommendations/query';
const billingConversation = seedConversations[0];
if (!billingConversation) throw new Error('no seed conversations');

interface Item {
  id: string;
  title: string;
  content: string;
  relevanceScore: number;
  publishedDate: string;
  sourceId: string;
}

function queryBody(transcript: string, knowledgeBaseIds: string[] = []) {
  return {
    interactionContext: { conversationId: billingConversation?.id, transcript, channel: 'message' },
    agentProfile: { agentId: '7d3b8c1a-4f5e-4a9b-9c2d-1e2f3a4b5c6d', skills: ['Billing'] },
    knowledgeBaseIds,
  };
}

describe('simulator over HTTP', () => {
  let sim: RunningSimulator;
  let token: string;
  const seen: Response[] = [];

  /** fetch on the simulator, remembering every response for the correlation-id check. */
  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${sim.origin}${path}`, { redirect: 'manual', ...init });
    seen.push(response);
    return response;
  }

  function api(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const { json, ...rest } = init;
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...(rest.headers as Record<string, string> | undefined) };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    return call(path, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
  }

  function control(path: string, method: string, json?: unknown): Promise<Response> {
    return call(`/__sim/${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: json === undefined ? undefined : JSON.stringify(json) });
  }

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, latencyMs: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    await control('reset', 'POST');
    await control('config', 'POST', { latencyMs: 0 });
    ({ token } = await signIn(sim.origin));
  });

  it('listens on 127.0.0.1 with an ephemeral port', () => {
    expect(sim.origin).toBe(`http://127.0.0.1:${sim.port}`);
    expect(sim.port).toBeGreaterThan(0);
  });

  it('answers users/me?expand=authorization with the permissions: an agent lacks the supervisor one', async () => {
    const agent = (await (await api('/api/v2/users/me?expand=authorization')).json()) as { authorization: { permissions: string[]; roles: { name: string }[] } };
    expect(agent.authorization.roles.map((role) => role.name)).toContain('Agent');
    expect(agent.authorization.permissions).toContain('analytics:agentConversationDetail:view');
    expect(agent.authorization.permissions.some((permission) => permission.startsWith('analytics:conversationDetail') || permission.startsWith('analytics:*'))).toBe(false);
    const supervisor = await signIn(sim.origin, 'supervisor');
    const response = await fetch(new URL('/api/v2/users/me?expand=skills,authorization', sim.origin), { headers: { Authorization: `Bearer ${supervisor.token}` } });
    const body = (await response.json()) as { name: string; skills: unknown[]; authorization: { permissions: string[] } };
    expect(body).toMatchObject({ name: 'Sam Supervisor', skills: expect.any(Array) });
    expect(body.authorization.permissions).toContain('analytics:*:view');
  });

  it('offers the other user on the login page, keeping the authorize parameters', async () => {
    const params = authorizeParams(newPkce(), {});
    const page = await (await fetch(new URL(`/oauth/authorize?${new URLSearchParams(params).toString()}`, sim.origin))).text();
    const link = /<a id="as-supervisor" href="([^"]+)"/.exec(page)?.[1]?.replace(/&#38;/g, '&');
    expect(link).toBeDefined();
    const target = new URL(link!, sim.origin);
    expect(target.searchParams.get('login_hint')).toBe('supervisor');
    expect(target.searchParams.get('code_challenge')).toBe(params.code_challenge);
    const switched = await (await fetch(target)).text();
    expect(switched).toContain('Sam Supervisor');
    expect(switched).toContain('id="as-agent"');
  });

  it('goes authorize → token → users/me → query', async () => {
    const pkce = newPkce();
    const params = authorizeParams(pkce);
    const page = await call(`/oauth/authorize?${new URLSearchParams(params).toString()}`);
    expect(page.status).toBe(200);
    const decision = await submitDecision(sim.origin, params, 'approve');
    seen.push(decision);
    const code = new URL(decision.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const tokenResponse = await call('/oauth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: pkce.verifier, client_id: 'agent-assist-sim', redirect_uri: TEST_REDIRECT_URI }).toString(),
    });
    const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string };
    token = accessToken;

    const me = await api('/api/v2/users/me?expand=skills');
    expect(me.status).toBe(200);
    const user = (await me.json()) as { id: string; name: string; skills: { name: string; proficiency: number }[] };
    expect(user).toMatchObject({ id: '7d3b8c1a-4f5e-4a9b-9c2d-1e2f3a4b5c6d', name: 'Alex Agent', state: 'active' });
    expect(user.skills.map((skill) => skill.name)).toEqual(['Billing', 'Mobile Devices', 'Returns']);
    const plain = (await (await api('/api/v2/users/me')).json()) as Record<string, unknown>;
    expect(plain).not.toHaveProperty('skills');
    expect(plain).not.toHaveProperty('authorization');

    const query = await api(QUERY_PATH, { method: 'POST', json: queryBody(formatTimeline(billingConversation.timeline)) });
    expect(query.status).toBe(200);
    const { items } = (await query.json()) as { items: Item[] };
    expect(items.length).toBeGreaterThan(2);
    expect(items.length).toBeLessThanOrEqual(12);
    expect(items[0]).toMatchObject({ id: 'billing-double-charge', sourceId: 'kb-billing', title: expect.any(String), content: expect.any(String) });
    for (const item of items) {
      expect(item.relevanceScore).toBeGreaterThanOrEqual(0.3);
      expect(item.relevanceScore).toBeLessThanOrEqual(1);
      expect(Date.parse(item.publishedDate)).not.toBeNaN();
    }
    const stale = items.find((item) => item.id === 'billing-refund-policy-2023');
    const ageDays = (Date.now() - Date.parse(stale?.publishedDate ?? '')) / 86_400_000;
    expect(ageDays).toBeGreaterThanOrEqual(210);
    expect(ageDays).toBeLessThan(211);
  });

  it('works with oauth4webapi, an independent OAuth client (the extension has its own, src/background/auth/authorization-code.ts)', async () => {
    const as: oauth.AuthorizationServer = { issuer: sim.origin, authorization_endpoint: `${sim.origin}/oauth/authorize`, token_endpoint: `${sim.origin}/oauth/token` };
    const client: oauth.Client = { client_id: 'agent-assist-sim' };
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const params = authorizeParams({ verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) }, { state });
    const decision = await submitDecision(sim.origin, params, 'approve');
    const callback = oauth.validateAuthResponse(as, client, new URL(decision.headers.get('location') ?? ''), state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), callback, TEST_REDIRECT_URI, verifier, { [oauth.allowInsecureRequests]: true });
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.expires_in).toBe(3600);
  });

  it('validates the query body with a clear bad.request', async () => {
    const cases: [unknown, string][] = [
      [{ ...queryBody('x'), interactionContext: undefined }, 'interactionContext'],
      [{ ...queryBody('x'), interactionContext: { conversationId: 'c', transcript: 5, channel: 'chat' } }, 'interactionContext.transcript'],
      [{ ...queryBody('x'), agentProfile: { agentId: 'a', skills: 'Billing' } }, 'agentProfile.skills'],
      [{ ...queryBody('x'), knowledgeBaseIds: undefined }, 'knowledgeBaseIds'],
    ];
    for (const [body, field] of cases) {
      const response = await api(QUERY_PATH, { method: 'POST', json: body });
      expect(response.status).toBe(400);
      const error = (await response.json()) as { code: string; message: string; status: number };
      expect(error.code).toBe('bad.request');
      expect(error.status).toBe(400);
      expect(error.message).toContain(field);
    }
    const notJson = await api(QUERY_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"interactionContext":' });
    expect(notJson.status).toBe(400);
  });

  it('answers an empty transcript with no items, and honours knowledgeBaseIds', async () => {
    const empty = await api(QUERY_PATH, { method: 'POST', json: queryBody('') });
    expect(await empty.json()).toEqual({ items: [] });
    const mixed = 'Customer: I was charged twice and need a refund\nCustomer: and my parcel was delivered but never received, it is missing';
    const all = ((await (await api(QUERY_PATH, { method: 'POST', json: queryBody(mixed) })).json()) as { items: Item[] }).items;
    expect(new Set(all.map((item) => item.sourceId))).toEqual(new Set(['kb-billing', 'kb-shipping']));
    const shipping = ((await (await api(QUERY_PATH, { method: 'POST', json: queryBody(mixed, ['kb-shipping']) })).json()) as { items: Item[] }).items;
    expect(shipping.length).toBeGreaterThan(0);
    expect(shipping.every((item) => item.sourceId === 'kb-shipping')).toBe(true);
  });

  it('refuses /api/v2 without a valid bearer token, with a Genesys error body', async () => {
    const missing = await call('/api/v2/users/me');
    expect(missing.status).toBe(401);
    const body = (await missing.json()) as Record<string, unknown>;
    expect(body).toEqual({
      message: 'Authentication failed.',
      code: 'authentication.required',
      status: 401,
      contextId: missing.headers.get('ININ-Correlation-Id'),
      details: [],
      errors: [],
    });
    const wrong = await call('/api/v2/users/me', { headers: { Authorization: 'Bearer nope' } });
    expect(await wrong.json()).toMatchObject({ code: 'bad.credentials', status: 401 });
  });

  it('checks and revokes tokens at /api/v2/tokens/me', async () => {
    const check = await api('/api/v2/tokens/me');
    expect(check.status).toBe(200);
    expect(await check.json()).toMatchObject({ organization: { id: expect.any(String), name: expect.any(String) }, authorizedScope: expect.any(Array) });
    expect((await api('/api/v2/tokens/me', { method: 'DELETE' })).status).toBe(204);
    expect((await api('/api/v2/tokens/me')).status).toBe(401);
  });

  it('expires tokens after their lifetime and on demand', async () => {
    await control('config', 'POST', { tokenLifetimeSeconds: 1 });
    const short = await signIn(sim.origin);
    expect(short.expiresIn).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await call('/api/v2/users/me', { headers: { Authorization: `Bearer ${short.token}` } })).status).toBe(401);

    expect((await api('/api/v2/users/me')).status).toBe(200);
    const expired = await control('expire-all-tokens', 'POST');
    expect(await expired.json()).toEqual({ expired: 1 });
    expect((await api('/api/v2/users/me')).status).toBe(401);
  });

  it('answers a 429 fault with Retry-After and the Genesys code, the given number of times', async () => {
    const set = await control('faults', 'POST', { rules: [{ route: 'query', kind: 'status', status: 429, retryAfter: '3', times: 2 }] });
    expect(set.status).toBe(200);
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await api(QUERY_PATH, { method: 'POST', json: queryBody('Customer: refund') });
      expect(response.status).toBe(429);
      expect(response.headers.get('Retry-After')).toBe('3');
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ code: 'too.many.requests.retry.after', status: 429, contextId: response.headers.get('ININ-Correlation-Id') });
    }
    expect((await api(QUERY_PATH, { method: 'POST', json: queryBody('Customer: refund') })).status).toBe(200);
    expect((await api('/api/v2/users/me')).status).toBe(200); // the rule was for the query route only
  });

  it('sends no Retry-After when the rule gives none, and the 5xx codes', async () => {
    await control('faults', 'POST', { rules: [{ kind: 'status', status: 429, times: 1 }, { kind: 'status', status: 503, times: 1 }, { kind: 'status', status: 504, times: 1 }] });
    const first = await api(QUERY_PATH, { method: 'POST', json: queryBody('x') });
    expect(first.status).toBe(429);
    expect(first.headers.get('Retry-After')).toBeNull();
    expect(await (await api(QUERY_PATH, { method: 'POST', json: queryBody('x') })).json()).toMatchObject({ code: 'service.unavailable', status: 503 });
    expect(await (await api(QUERY_PATH, { method: 'POST', json: queryBody('x') })).json()).toMatchObject({ code: 'request.timeout', status: 504 });
  });

  it('answers malformed JSON with a 200 that does not parse', async () => {
    await control('faults', 'POST', { rules: [{ kind: 'malformed-json', times: 1 }] });
    const response = await api(QUERY_PATH, { method: 'POST', json: queryBody('Customer: refund') });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    await expect(response.json()).rejects.toThrow();
  });

  it('mixes invalid items with valid ones', async () => {
    await control('faults', 'POST', { rules: [{ kind: 'invalid-items' }] });
    const response = await api(QUERY_PATH, { method: 'POST', json: queryBody(formatTimeline(billingConversation.timeline)) });
    const { items } = (await response.json()) as { items: unknown[] };
    const isValid = (item: unknown) => {
      if (typeof item !== 'object' || item === null) return false;
      const record = item as Record<string, unknown>;
      return (
        typeof record.id === 'string' &&
        typeof record.title === 'string' &&
        typeof record.relevanceScore === 'number' &&
        record.relevanceScore <= 1 &&
        typeof record.publishedDate === 'string' &&
        !Number.isNaN(Date.parse(record.publishedDate))
      );
    };
    expect(items.filter(isValid).length).toBeGreaterThanOrEqual(3);
    expect(items.filter((item) => !isValid(item)).length).toBeGreaterThanOrEqual(5);
    expect(items).toContainEqual(expect.objectContaining({ relevanceScore: 'high' }));
  });

  it('expires the token with an expired-token fault', async () => {
    await control('faults', 'POST', { rules: [{ route: 'users-me', kind: 'expired-token', times: 1 }] });
    const response = await api('/api/v2/users/me');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'bad.credentials' });
    expect((await api('/api/v2/users/me')).status).toBe(401); // it stays expired
  });

  it('resets the connection, and hangs until the client gives up', async () => {
    await control('faults', 'POST', { rules: [{ kind: 'reset', times: 1 }, { kind: 'hang', times: 1 }] });
    await expect(api(QUERY_PATH, { method: 'POST', json: queryBody('x') })).rejects.toThrow();
    const started = Date.now();
    await expect(api(QUERY_PATH, { method: 'POST', json: queryBody('x'), signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const log = (await (await control('requests?route=query', 'GET')).json()) as { requests: { status: number | null; fault?: string }[] };
    expect(log.requests.map((entry) => [entry.status, entry.fault])).toEqual([
      [null, 'reset'],
      [null, 'hang'],
    ]);
    expect((await api(QUERY_PATH, { method: 'POST', json: queryBody('x') })).status).toBe(200);
  });

  it('applies the configured latency to API routes only, plus latency faults', async () => {
    await control('config', 'POST', { latencyMs: 250 });
    let started = Date.now();
    await api('/api/v2/users/me');
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    started = Date.now();
    await control('webhook', 'GET');
    await call('/desktop/api/conversations');
    expect(Date.now() - started).toBeLessThan(200);

    await control('config', 'POST', { latencyMs: 0 });
    await control('faults', 'POST', { rules: [{ route: 'webhook', kind: 'latency', latencyMs: 300, times: 1 }] });
    started = Date.now();
    await call('/webhook/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ eventId: 'e' }) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('validates fault rules', async () => {
    for (const rules of [[{ kind: 'explode' }], [{ kind: 'status' }], [{ kind: 'status', status: 429, colour: 'red' }], [{ route: 'nowhere', kind: 'hang' }]]) {
      const response = await control('faults', 'POST', { rules });
      expect(response.status).toBe(400);
    }
    expect((await control('faults', 'DELETE')).status).toBe(204);
  });

  it('collects feedback events, counting duplicates by eventId', async () => {
    const event = (eventId: string) => ({ eventId, recommendationId: 'billing-double-charge', conversationId: billingConversation.id, agentId: 'agent', action: 'helpful', timestamp: new Date().toISOString() });
    const post = (body: unknown) => call('/webhook/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post(event('e1'))).status).toBe(202);
    expect((await post(event('e2'))).status).toBe(202);
    expect((await post(event('e1'))).status).toBe(202);
    expect((await post({ eventId: 'e3' })).status).toBe(400);
    const summary = (await (await control('webhook', 'GET')).json()) as { events: { eventId: string }[]; duplicates: number; received: number };
    expect(summary.events.map((entry) => entry.eventId)).toEqual(['e1', 'e2']);
    expect(summary.duplicates).toBe(1);
    expect(summary.received).toBe(3);
  });

  it('fails the webhook as told, without storing the failed delivery', async () => {
    await control('faults', 'POST', { rules: [{ route: 'webhook', kind: 'status', status: 503, times: 1 }] });
    const body = JSON.stringify({ eventId: 'w1', recommendationId: 'r', conversationId: 'c', agentId: 'a', action: 'copy', timestamp: 1 });
    const post = () => call('/webhook/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect((await post()).status).toBe(503);
    expect((await post()).status).toBe(202);
    expect(await (await control('webhook', 'GET')).json()).toMatchObject({ events: [{ eventId: 'w1' }], duplicates: 0, received: 1 });
  });

  it('takes the webhook down (connections cut) until the rule is cleared, storing nothing meanwhile', async () => {
    await control('faults', 'POST', { rules: [{ route: 'webhook', kind: 'reset' }] });
    const body = JSON.stringify({ eventId: 'd1', recommendationId: 'r', conversationId: 'c', agentId: 'a', action: 'open', timestamp: 1 });
    const post = () => call('/webhook/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    for (let i = 0; i < 3; i++) await expect(post()).rejects.toThrow();
    expect(await (await control('webhook', 'GET')).json()).toMatchObject({ events: [], received: 0 });
    await control('faults', 'DELETE');
    expect((await post()).status).toBe(202);
    expect(await (await control('webhook', 'GET')).json()).toMatchObject({ events: [{ eventId: 'd1' }], received: 1 });
  });

  it('serves hostile articles only when asked, pointed at this simulator, and records beacon hits', async () => {
    const body = queryBody(formatTimeline(billingConversation.timeline));
    const normal = ((await (await api(QUERY_PATH, { method: 'POST', json: body })).json()) as { items: Item[] }).items;
    expect(normal.some((item) => item.id.startsWith('hostile-'))).toBe(false);
    await control('config', 'POST', { hostileContent: true });
    const hostile = ((await (await api(QUERY_PATH, { method: 'POST', json: body })).json()) as { items: Item[] }).items;
    const payloads = hostile.filter((item) => item.id.startsWith('hostile-'));
    expect(payloads.length).toBeGreaterThanOrEqual(4);
    for (const item of payloads) expect(item.content).toContain(`${sim.origin}/__sim/hostile-executed?id=${item.id}`);

    expect((await call('/__sim/hostile-executed?id=hostile-svg-onload')).status).toBe(204);
    expect(await (await control('hostile-hits', 'GET')).json()).toEqual({ hits: ['hostile-svg-onload'] });
  });

  it('logs requests with their status and a redacted Authorization', async () => {
    await control('requests', 'DELETE');
    await api(QUERY_PATH, { method: 'POST', json: queryBody('Customer: refund') });
    await call('/api/v2/users/me');
    const { requests } = (await (await control('requests', 'GET')).json()) as {
      requests: { route: string; method: string; path: string; status: number; headers: Record<string, string>; body: unknown; correlationId: string; at: number }[];
    };
    expect(requests.map((entry) => [entry.route, entry.method, entry.status])).toEqual([
      ['query', 'POST', 200],
      ['users-me', 'GET', 401],
    ]);
    const [query] = requests;
    expect(query?.headers.authorization).toBe(`Bearer …${token.slice(-4)}`);
    expect(JSON.stringify(requests)).not.toContain(token);
    expect(query?.body).toMatchObject({ interactionContext: { transcript: 'Customer: refund' } });
    expect(query?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(query?.at).toBeGreaterThan(Date.now() - 10_000);
    expect(query?.at).toBeLessThanOrEqual(Date.now());
    const onlyQuery = (await (await control('requests?route=query', 'GET')).json()) as { requests: unknown[] };
    expect(onlyQuery.requests).toHaveLength(1);
  });

  it('answers CORS preflights with 204 and the allowed headers', async () => {
    const response = await call(QUERY_PATH, { method: 'OPTIONS', headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'POST' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-expose-headers')).toBe('ININ-Correlation-Id, Retry-After');
  });

  it('serves the desktop page, its assets and the seed conversations', async () => {
    const page = await call('/desktop/');
    const html = await page.text();
    expect(html).toContain('<title>Agent Desktop (simulator)</title>');
    expect(html).toContain('<ul class="conversation-list">');
    expect(page.headers.get('content-security-policy')).toBeNull();
    expect((await call('/desktop/desktop.js')).headers.get('content-type')).toContain('javascript');
    expect((await call('/desktop/desktop.css')).headers.get('content-type')).toContain('css');
    expect((await call('/desktop')).headers.get('location')).toBe('/desktop/');
    expect((await call('/desktop/../server.ts')).status).toBe(404);
    expect((await call('/no-such-page')).status).toBe(404);
    const data = (await (await call('/desktop/api/conversations')).json()) as { conversations: { id: string; channel: string; timeline: unknown[] }[] };
    expect(data.conversations.map((conversation) => conversation.channel)).toEqual(['message', 'chat', 'voice', 'email']);
  });

  it('serves the realistic desktop: the top frame, the messaging gadget (no query string needed) and their assets', async () => {
    const top = await call('/directory/');
    expect(await top.text()).toContain('<app-view-stack name="conversation">');
    expect(top.headers.get('content-type')).toContain('text/html');
    expect((await call('/directory')).headers.get('location')).toBe('/directory/');
    const gadget = await call('/messaging-gadget/messaging-gadget.html');
    expect(await gadget.text()).toContain('data-automation-id="editor-content"');
    for (const asset of ['/directory/directory.js', '/messaging-gadget/messaging-gadget.js', '/messaging-gadget/prose-editor.js']) {
      expect((await call(asset)).headers.get('content-type')).toContain('javascript');
    }
    expect((await call('/messaging-gadget/../server.ts')).status).toBe(404);
    expect((await call('/messaging-gadget/other.html')).status).toBe(404);
    expect((await call('/directory/', { method: 'POST' })).status).toBe(405);
  });

  it('puts a unique ININ-Correlation-Id on every response it sent in these tests', () => {
    expect(seen.length).toBeGreaterThan(50);
    const ids = seen.map((response) => response.headers.get('ININ-Correlation-Id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
