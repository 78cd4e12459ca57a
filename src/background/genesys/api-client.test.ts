import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { abortableSleep, createApiClient, type ApiClientDeps } from './api-client';
import { ApiError } from './api-error';
import { forgetHostPauseMirror, hostPausedUntil } from './host-pause';
import type { RetryLimits } from './retry-policy';

// host-pause.ts keeps its pauses in browser.storage.session: an in-memory stand-in.
const session = vi.hoisted(() => new Map<string, unknown>());
vi.mock('../../shared/browser', async () => {
  const { memoryStorageArea } = await import('../../shared/testing/memory-storage-area');
  return { browser: { storage: { session: memoryStorageArea(session) } } };
});

const API = 'https://api.mypurecloud.com';
const HOST = 'api.mypurecloud.com';
const START = Date.parse('2025-03-10T12:00:00Z');
const LIMITS: RetryLimits = { maxAttempts: 4, maxElapsedMs: 60_000, baseDelayMs: 1000, maxDelayMs: 30_000 };

const Thing = z.object({ id: z.string(), count: z.number() });

type Reply = () => Response | Promise<Response>;
interface SentRequest {
  url: string;
  init: RequestInit;
  at: number;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function text(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return () => new Response(body, { status, headers });
}

function urlOf(input: RequestInfo | URL): string {
  return input instanceof URL ? input.href : typeof input === 'string' ? input : input.url;
}

/** A fetch that answers only when its signal aborts (by rejecting with the signal's reason). */
function hang(): (init: RequestInit) => Promise<Response> {
  return (init) =>
    new Promise((_resolve, reject) => {
      const signal = init.signal!;
      if (signal.aborted) return reject(signal.reason as Error);
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    });
}

function harness(replies: Array<Reply | Error | ((init: RequestInit) => Promise<Response>)>, overrides: Partial<ApiClientDeps> = {}) {
  let clock = START;
  let token = 'token-1';
  const sent: SentRequest[] = [];
  const delays: number[] = [];
  const queue = [...replies];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    sent.push({ url: urlOf(input), init: init ?? {}, at: clock });
    const next = queue.shift();
    if (next === undefined) throw new Error(`unexpected request #${sent.length}`);
    if (next instanceof Error) throw next;
    if (next.length === 1) return (next as (init: RequestInit) => Promise<Response>)(init ?? {});
    return (next as Reply)();
  });
  // Resolves at once but moves the clock, as real time would have moved.
  const sleep = vi.fn(async (ms: number, signal: AbortSignal | undefined) => {
    if (signal?.aborted) throw signal.reason;
    delays.push(ms);
    clock += ms;
  });
  const getAccess = vi.fn(async () => ({ token, apiBaseUrl: API }));
  const reauthorize = vi.fn(async () => {
    token = `token-${Number(token.slice(6)) + 1}`;
  });
  const client = createApiClient({
    getAccess,
    reauthorize,
    fetch,
    sleep,
    now: () => clock,
    random: () => 0.5,
    limits: LIMITS,
    ...overrides,
  });
  return {
    client,
    fetch,
    sleep,
    getAccess,
    reauthorize,
    sent,
    delays,
    remaining: queue,
    now: () => clock,
    advance: (ms: number) => {
      clock += ms;
    },
    header: (index: number, name: string) => (sent[index]?.init.headers as Record<string, string> | undefined)?.[name],
  };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

beforeEach(() => {
  session.clear();
  forgetHostPauseMirror();
});

afterEach(() => {
  session.clear();
  forgetHostPauseMirror();
});

describe('createApiClient: success', () => {
  it('sends a GET with the bearer token and query, and returns the parsed body', async () => {
    const h = harness([json(200, { id: 'a', count: 2, extra: true })]);
    const result = await h.client.request({ method: 'GET', path: '/api/v2/things', query: { pageSize: '5', q: 'a b' }, schema: Thing });
    expect(result).toEqual({ id: 'a', count: 2 });
    expect(h.sent).toHaveLength(1);
    const url = new URL(h.sent[0]!.url);
    expect(url.origin).toBe(API);
    expect(url.pathname).toBe('/api/v2/things');
    expect(url.searchParams.get('pageSize')).toBe('5');
    expect(url.searchParams.get('q')).toBe('a b');
    expect(h.sent[0]!.init.method).toBe('GET');
    expect(h.header(0, 'Authorization')).toBe('Bearer token-1');
    expect(h.header(0, 'Accept')).toBe('application/json');
    expect(h.header(0, 'Content-Type')).toBeUndefined();
    expect(h.sent[0]!.init.body).toBeUndefined();
    expect(h.sent[0]!.init.credentials).toBe('omit');
    expect(h.sent[0]!.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('sends a JSON body for POST', async () => {
    const h = harness([json(200, { id: 'b', count: 0 })]);
    await h.client.request({ method: 'POST', path: '/api/v2/query', body: { a: [1, 'x'] }, schema: Thing });
    expect(h.sent[0]!.init.method).toBe('POST');
    expect(h.header(0, 'Content-Type')).toBe('application/json');
    expect(JSON.parse(h.sent[0]!.init.body as string)).toEqual({ a: [1, 'x'] });
  });

  it('does not read the body without a schema', async () => {
    const h = harness([() => new Response(null, { status: 204 })]);
    await expect(h.client.request({ method: 'DELETE', path: '/api/v2/tokens/me' })).resolves.toBeUndefined();
  });

  it('sends no token and asks for none on an unauthenticated call to an absolute URL', async () => {
    const h = harness([json(200, { id: 'w', count: 1 })]);
    await h.client.request({ method: 'POST', path: 'https://hooks.example.com/feedback', body: {}, schema: Thing, authenticated: false });
    expect(h.getAccess).not.toHaveBeenCalled();
    expect(h.sent[0]!.url).toBe('https://hooks.example.com/feedback');
    expect(h.header(0, 'Authorization')).toBeUndefined();
  });
});

describe('createApiClient: invalid responses', () => {
  it('turns a non-JSON 200 into invalid-response with the correlation id, without retrying', async () => {
    const h = harness([text(200, '<html>oops</html>', { 'ININ-Correlation-Id': 'corr-1' })]);
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing }));
    expect(error.kind).toBe('invalid-response');
    expect(error.correlationId).toBe('corr-1');
    expect(error.status).toBe(200);
    expect(h.sent).toHaveLength(1);
  });

  it('turns a body that breaks the schema into invalid-response naming where', async () => {
    const h = harness([json(200, { id: 'a', count: 'two' }, { 'ININ-Correlation-Id': 'corr-2' })]);
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing }));
    expect(error.kind).toBe('invalid-response');
    expect(error.correlationId).toBe('corr-2');
    expect(error.message).toContain('count');
    expect(h.sent).toHaveLength(1);
  });
});

describe('createApiClient: retries', () => {
  it('waits for a 429 Retry-After in full before trying again, and pauses the host meanwhile', async () => {
    const h = harness([json(429, { code: 'too.many.requests.retry.after' }, { 'Retry-After': '3' }), json(200, { id: 'a', count: 1 })]);
    const result = await h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing });
    expect(result).toEqual({ id: 'a', count: 1 });
    expect(h.sent).toHaveLength(2);
    expect(h.delays[0]).toBe(3000);
    expect(h.sent[1]!.at - h.sent[0]!.at).toBeGreaterThanOrEqual(3000);
  });

  it('makes other callers to the same host wait for a 429 Retry-After too (no request before it elapses)', async () => {
    const h = harness([json(429, {}, { 'Retry-After': '5' }), json(200, { id: 'a', count: 1 }), json(200, { id: 'b', count: 2 })]);
    // The first request stops after its 429 by giving it a single attempt.
    const single = createApiClient({
      getAccess: h.getAccess,
      reauthorize: h.reauthorize,
      fetch: h.fetch,
      sleep: h.sleep,
      now: h.now,
      random: () => 0.5,
      limits: { ...LIMITS, maxAttempts: 1 },
    });
    const first = await failure(single.request({ method: 'GET', path: '/api/v2/a', schema: Thing }));
    expect(first.status).toBe(429);
    expect(first.retryAt).toBe(START + 5000);
    expect(await hostPausedUntil(HOST, h.now())).toBe(START + 5000);
    h.advance(1000);
    await h.client.request({ method: 'GET', path: '/api/v2/b', schema: Thing });
    expect(h.sent).toHaveLength(2);
    expect(h.sent[1]!.at).toBeGreaterThanOrEqual(START + 5000);
    expect(h.delays).toEqual([4000]);
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    const date = new Date(START + 7000).toUTCString();
    const h = harness([json(503, {}, { 'Retry-After': date }), json(200, { id: 'a', count: 1 })]);
    await h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing });
    expect(h.delays).toEqual([7000]);
  });

  it('gives up at once on a Retry-After beyond the total-time bound, reporting when to come back', async () => {
    const h = harness([json(429, { message: 'slow down', code: 'too.many.requests.retry.after' }, { 'Retry-After': '120', 'ININ-Correlation-Id': 'c-429' })]);
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(429);
    expect(error.code).toBe('too.many.requests.retry.after');
    expect(error.correlationId).toBe('c-429');
    expect(error.retryAt).toBe(START + 120_000);
    expect(h.sent).toHaveLength(1);
    expect(h.delays).toEqual([]);

    // The next call to that host is not sent at all while the pause outlasts the bound.
    const next = await failure(h.client.request({ method: 'GET', path: '/api/v2/other', schema: Thing }));
    expect(next.kind).toBe('paused');
    expect(next.retryAt).toBe(START + 120_000);
    expect(h.sent).toHaveLength(1);
  });

  it('backs off on 429 without Retry-After', async () => {
    const h = harness([json(429, {}), json(200, { id: 'a', count: 1 })]);
    await h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing });
    expect(h.sent).toHaveLength(2);
    expect(h.delays).toEqual([500]); // full jitter: 0.5 × 1 s
    expect(h.sent[1]!.at - h.sent[0]!.at).toBe(500);
  });

  it('retries a 503 with backoff and returns the later success', async () => {
    const h = harness([json(503, { code: 'service.unavailable' }), json(200, { id: 'a', count: 1 })]);
    await expect(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing })).resolves.toEqual({ id: 'a', count: 1 });
    expect(h.delays).toEqual([500]);
    expect(h.sent).toHaveLength(2);
  });

  it('never sends more than maxAttempts requests, with growing backoff, and reports the last failure', async () => {
    const h = harness([
      json(503, {}, { 'ININ-Correlation-Id': 'c1' }),
      json(502, {}, { 'ININ-Correlation-Id': 'c2' }),
      json(504, {}, { 'ININ-Correlation-Id': 'c3' }),
      json(503, { code: 'service.unavailable' }, { 'ININ-Correlation-Id': 'c4' }),
      json(200, { id: 'never', count: 0 }),
    ]);
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing }));
    expect(h.sent).toHaveLength(LIMITS.maxAttempts);
    expect(h.delays).toEqual([500, 1000, 2000]);
    expect(error).toMatchObject({ kind: 'http', status: 503, code: 'service.unavailable', correlationId: 'c4' });
  });

  it('does not retry a 400 and reports its code and correlation id', async () => {
    const h = harness([json(400, { message: 'bad', code: 'bad.request' }, { 'ININ-Correlation-Id': 'c-400' }), json(200, { id: 'a', count: 1 })]);
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing }));
    expect(error).toMatchObject({ kind: 'http', status: 400, code: 'bad.request', correlationId: 'c-400' });
    expect(h.sent).toHaveLength(1);
    expect(h.delays).toEqual([]);
  });

  it.each([403, 404, 409, 422])('does not retry a %s', async (status) => {
    const h = harness([json(status, {}), json(200, { id: 'a', count: 1 })]);
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing }));
    expect(error.status).toBe(status);
    expect(h.sent).toHaveLength(1);
  });

  it('uses a call\'s own retry bounds when it gives them (a caller that retries durably itself)', async () => {
    const h = harness([json(503, {}), json(503, {}), json(200, { id: 'never', count: 0 })]);
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing, retry: { ...LIMITS, maxAttempts: 2, baseDelayMs: 100 } }));
    expect(error.status).toBe(503);
    expect(h.sent).toHaveLength(2);
    expect(h.delays).toEqual([50]);
  });

  it('retries a network failure and then succeeds', async () => {
    const h = harness([new TypeError('Failed to fetch'), json(200, { id: 'a', count: 1 })]);
    await expect(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing })).resolves.toEqual({ id: 'a', count: 1 });
    expect(h.sent).toHaveLength(2);
  });

  it('reports kind network after the last network failure', async () => {
    const h = harness([new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), new TypeError('Failed to fetch')]);
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing }));
    expect(error.kind).toBe('network');
    expect(error.message).toBe('Failed to fetch');
    expect(h.sent).toHaveLength(4);
  });
});

describe('createApiClient: 401 and re-authorisation', () => {
  it('re-authorises once on 401 and retries with the new token', async () => {
    const h = harness([json(401, { code: 'bad.credentials' }), json(200, { id: 'a', count: 1 })]);
    await expect(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing })).resolves.toEqual({ id: 'a', count: 1 });
    expect(h.reauthorize).toHaveBeenCalledTimes(1);
    expect(h.header(0, 'Authorization')).toBe('Bearer token-1');
    expect(h.header(1, 'Authorization')).toBe('Bearer token-2');
    expect(h.delays).toEqual([]); // a new token is not a reason to back off
  });

  it('asks the agent to sign in after a second 401', async () => {
    const h = harness([json(401, {}), json(401, { code: 'bad.credentials' }, { 'ININ-Correlation-Id': 'c-401' }), json(200, { id: 'a', count: 1 })]);
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing }));
    expect(error).toMatchObject({ kind: 'auth', status: 401, code: 'bad.credentials', correlationId: 'c-401' });
    expect(h.reauthorize).toHaveBeenCalledTimes(1);
    expect(h.sent).toHaveLength(2);
  });

  it('asks the agent to sign in when silent re-authorisation fails', async () => {
    const h = harness([json(401, {}), json(200, { id: 'a', count: 1 })], {
      reauthorize: async () => {
        throw new Error('User interaction required.');
      },
    });
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing }));
    expect(error.kind).toBe('auth');
    expect(h.sent).toHaveLength(1);
  });

  it('does not count the re-authorisation as one of the attempts', async () => {
    const h = harness([json(401, {}), json(503, {}), json(503, {}), json(503, {}), json(200, { id: 'a', count: 1 })]);
    await expect(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing })).resolves.toEqual({ id: 'a', count: 1 });
    expect(h.sent).toHaveLength(5);
  });

  it('propagates getAccess failing with auth without sending anything', async () => {
    const h = harness([json(200, { id: 'a', count: 1 })], {
      getAccess: async () => {
        throw new ApiError('auth', 'Not signed in', { status: 401 });
      },
    });
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing }));
    expect(error.kind).toBe('auth');
    expect(h.sent).toHaveLength(0);
  });

  it('does not retry a 401 on an unauthenticated call (no token to renew, the same request cannot succeed)', async () => {
    const h = harness([json(401, {}), json(401, {}), json(401, {}), json(401, {})]);
    const error = await failure(h.client.request({ method: 'POST', path: 'https://hooks.example.com/feedback', body: {}, authenticated: false }));
    expect(error.status).toBe(401);
    expect(h.reauthorize).not.toHaveBeenCalled();
    expect(h.sent).toHaveLength(1);
  });
});

describe('createApiClient: timeout and abort', () => {
  it('reports kind timeout when no answer comes within the timeout (after its retries)', async () => {
    const h = harness([hang(), hang()], { timeoutMs: 25, limits: { ...LIMITS, maxAttempts: 2 } });
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing }));
    expect(error.kind).toBe('timeout');
    expect(h.sent).toHaveLength(2);
    expect(h.sent.every((request) => request.init.signal?.aborted)).toBe(true);
  });

  it('recovers when the answer after a timeout comes in time', async () => {
    const h = harness([hang(), json(200, { id: 'a', count: 1 })], { timeoutMs: 25 });
    await expect(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing })).resolves.toEqual({ id: 'a', count: 1 });
  });

  it('reports kind aborted when the caller aborts during the request, without retrying', async () => {
    const controller = new AbortController();
    const h = harness([hang(), json(200, { id: 'a', count: 1 })]);
    const pending = h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing, signal: controller.signal });
    await vi.waitFor(() => expect(h.sent).toHaveLength(1));
    controller.abort();
    const error = await failure(pending);
    expect(error.kind).toBe('aborted');
    expect(h.sent).toHaveLength(1);
  });

  it('reports kind aborted when the caller aborts while waiting between retries, and sends nothing more', async () => {
    const controller = new AbortController();
    const h = harness([json(503, {}), json(200, { id: 'a', count: 1 })], {
      sleep: async (_ms, signal) => {
        controller.abort();
        if (signal?.aborted) throw signal.reason;
      },
    });
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing, signal: controller.signal }));
    expect(error.kind).toBe('aborted');
    expect(h.sent).toHaveLength(1);
  });

  it('reports kind aborted for a signal aborted before the call', async () => {
    const h = harness([hang()]);
    const error = await failure(h.client.request({ method: 'GET', path: '/api/v2/things', schema: Thing, signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
  });
});

describe('abortableSleep', () => {
  it('resolves after the delay', async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const sleeping = abortableSleep(1000, undefined).then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await sleeping;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects with the reason when aborted, and at once when already aborted', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('gone'));
    await expect(sleeping).rejects.toThrow('gone');
    await expect(abortableSleep(10, AbortSignal.abort(new Error('before')))).rejects.toThrow('before');
  });
});
