import type * as z from 'zod/mini';
import { ApiError, apiErrorFromResponse, CORRELATION_HEADER } from './api-error';
import { hostPausedUntil, pauseHost } from './host-pause';
import { classifyFailure, decideRetry, DEFAULT_RETRY_LIMITS, parseRetryAfter, type RetryLimits } from './retry-policy';

/**
 * The one way the worker calls an HTTP API (providers, users, feedback): bearer token, timeout,
 * abort, retries by the policy in retry-policy.ts, one silent re-authorisation on 401, host-wide
 * pauses on 429, and errors that carry status, Genesys code and correlation id.
 */

export interface Access {
  token: string;
  apiBaseUrl: string;
}

export interface ApiClientDeps {
  /** The current token and API host; throws ApiError('auth') when there is none. */
  getAccess(): Promise<Access>;
  /** Gets a new token without asking the agent (PKCE has no refresh token); throws when it cannot. */
  reauthorize(): Promise<void>;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  limits?: RetryLimits;
  timeoutMs?: number;
}

export interface ApiCall<S extends z.ZodMiniType | undefined> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path on the API host (`/api/v2/...`), or an absolute URL for non-Genesys endpoints. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** The response schema; without one the body is not read (204-style calls). */
  schema?: S;
  /** Aborts the call, including any wait between retries. */
  signal?: AbortSignal;
  /** Send the bearer token (default true). */
  authenticated?: boolean;
  headers?: Record<string, string>;
  /** This call's retry bounds, when its caller retries durably on its own (the feedback outbox). */
  retry?: RetryLimits;
}

export type ApiResult<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;

export const DEFAULT_TIMEOUT_MS = 15_000;

export function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal ? abortReason(signal) : new Error('Aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A path is appended to the API base URL (keeping any path prefix a proxy needs); an absolute URL
 * is used as is. The bearer token only ever goes to the API host it was issued for.
 */
function resolveUrl(path: string, access: Access | null): URL {
  const absolute = /^https?:\/\//i.test(path);
  if (!absolute && !access) throw new Error(`No API base URL for ${path}`);
  const url = absolute ? new URL(path) : new URL(`${access!.apiBaseUrl.replace(/\/+$/, '')}${path.startsWith('/') ? '' : '/'}${path}`);
  if (access && url.origin !== new URL(access.apiBaseUrl).origin) {
    throw new Error(`Refusing to send the Genesys token to ${url.origin}`);
  }
  return url;
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError');
}

export interface ApiClient {
  request<S extends z.ZodMiniType | undefined>(call: ApiCall<S>): Promise<ApiResult<S>>;
}

export function createApiClient(deps: ApiClientDeps): ApiClient {
  const doFetch = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? abortableSleep;
  const clientLimits = deps.limits ?? DEFAULT_RETRY_LIMITS;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function attemptOnce(url: URL, call: ApiCall<z.ZodMiniType | undefined>, access: Access | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...call.headers };
    if (access) headers.Authorization = `Bearer ${access.token}`;
    let body: string | undefined;
    if (call.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(call.body);
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    try {
      return await doFetch(url, { method: call.method, headers, body, signal, credentials: 'omit', cache: 'no-store' });
    } catch (error) {
      if (call.signal?.aborted) throw new ApiError('aborted', 'The request was cancelled');
      if (timeout.aborted) throw new ApiError('timeout', `No answer within ${Math.round(timeoutMs / 1000)} s`);
      throw new ApiError('network', error instanceof Error ? error.message : 'Network error');
    }
  }

  async function readBody<S extends z.ZodMiniType | undefined>(response: Response, schema: S): Promise<ApiResult<S>> {
    if (!schema) return undefined as ApiResult<S>;
    const correlationId = response.headers.get(CORRELATION_HEADER) ?? undefined;
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ApiError('invalid-response', 'The response is not valid JSON', { status: response.status, correlationId });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
      throw new ApiError('invalid-response', `The response does not match the API contract${where}`, { status: response.status, correlationId });
    }
    return parsed.data as ApiResult<S>;
  }

  async function request<S extends z.ZodMiniType | undefined>(call: ApiCall<S>): Promise<ApiResult<S>> {
    const limits = call.retry ?? clientLimits;
    const started = now();
    const authenticated = call.authenticated ?? true;
    let reauthorized = false;
    for (let attempt = 1; ; attempt++) {
      const access = authenticated ? await deps.getAccess() : null;
      const url = resolveUrl(call.path, access);
      for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);

      const pausedUntil = await hostPausedUntil(url.host, now());
      if (pausedUntil) {
        if (pausedUntil - started > limits.maxElapsedMs) {
          throw new ApiError('paused', 'The service asked us to slow down', { status: 429, retryAt: pausedUntil });
        }
        await sleep(pausedUntil - now(), call.signal).catch(() => {
          throw new ApiError('aborted', 'The request was cancelled');
        });
      }

      let failure: ApiError;
      let retryAfterMs: number | null = null;
      try {
        const response = await attemptOnce(url, call, access);
        if (response.ok) return await readBody<S>(response, call.schema as S);
        retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now());
        const failureClass = classifyFailure(response.status);
        if (response.status === 429) {
          // One 429 speaks for the whole host: every caller waits, not just this one.
          const wait = retryAfterMs ?? decideRetry(attempt, 0, null, limits, random).delayMs;
          await pauseHost(url.host, now() + wait, now());
        }
        failure = await apiErrorFromResponse(response, retryAfterMs === null ? undefined : now() + retryAfterMs);
        if (failureClass === 'reauthorize' && authenticated) {
          if (reauthorized) throw new ApiError('auth', 'Sign in again', { status: 401, code: failure.code, correlationId: failure.correlationId });
          reauthorized = true;
          try {
            await deps.reauthorize();
          } catch {
            throw new ApiError('auth', 'Sign in again', { status: 401, code: failure.code, correlationId: failure.correlationId });
          }
          attempt--; // a token refresh is not a retry of a failing service
          continue;
        }
        if (failureClass === 'fail' || failureClass === 'reauthorize') throw failure;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.kind !== 'network' && error.kind !== 'timeout' && error.kind !== 'http') throw error;
        if (error.kind === 'http' && classifyFailure(error.status ?? 0) !== 'retry') throw error;
        failure = error;
      }

      const decision = decideRetry(attempt, now() - started, retryAfterMs, limits, random);
      if (!decision.retry) throw failure;
      await sleep(decision.delayMs, call.signal).catch(() => {
        throw new ApiError('aborted', 'The request was cancelled');
      });
    }
  }

  return { request };
}
