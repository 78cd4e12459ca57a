import { describe, expect, it } from 'vitest';
import { ViewError } from '../../shared/view-state';
import { ApiError, type ApiErrorKind } from '../genesys/api-error';
import { viewErrorFrom } from './view-error';

describe('viewErrorFrom', () => {
  it.each<[ApiErrorKind, number | undefined, ViewError['kind']]>([
    ['auth', 401, 'auth'],
    ['paused', 429, 'rate-limited'],
    ['network', undefined, 'offline'],
    ['timeout', undefined, 'timeout'],
    ['invalid-response', 200, 'invalid-response'],
    ['http', 429, 'rate-limited'],
    ['http', 503, 'provider'],
    ['http', 400, 'provider'],
    ['aborted', undefined, 'provider'],
  ])('maps ApiError %s (status %s) to %s', (kind, status, expected) => {
    const view = viewErrorFrom(new ApiError(kind, `message for ${kind}`, { status }));
    expect(view.kind).toBe(expected);
    expect(view.message).toBe(`message for ${kind}`);
    expect(ViewError.safeParse(view).success).toBe(true);
  });

  it('carries status, code, correlation id and retryAt under the details', () => {
    const view = viewErrorFrom(new ApiError('http', 'HTTP 429: slow down', { status: 429, code: 'too.many.requests.retry.after', correlationId: 'corr-1', retryAt: 1234 }));
    expect(view).toEqual({ kind: 'rate-limited', message: 'HTTP 429: slow down', status: 429, code: 'too.many.requests.retry.after', correlationId: 'corr-1', retryAt: 1234 });
  });

  it('leaves absent details out rather than undefined', () => {
    const view = viewErrorFrom(new ApiError('network', 'offline'));
    expect(view).toEqual({ kind: 'offline', message: 'offline' });
    expect(Object.keys(view)).toEqual(['kind', 'message']);
  });

  it('makes a 403 `forbidden` with what it said is missing, and no retry time', () => {
    const view = viewErrorFrom(
      new ApiError('http', 'HTTP 403: no', { status: 403, code: 'missing.permissions', retryAt: 99, missing: { kind: 'permission', names: ['knowledge:knowledgebase:search'] } }),
    );
    expect(view).toEqual({ kind: 'forbidden', message: 'HTTP 403: no', status: 403, code: 'missing.permissions', missing: { kind: 'permission', names: ['knowledge:knowledgebase:search'] } });
  });

  it('keeps a zero status and an empty code (present, if falsy)', () => {
    const view = viewErrorFrom(new ApiError('http', 'odd', { status: 0, code: '' }));
    expect(view).toMatchObject({ status: 0, code: '' });
  });

  it('reports any other error as a provider error with its message', () => {
    expect(viewErrorFrom(new TypeError('boom'))).toEqual({ kind: 'provider', message: 'boom' });
    expect(viewErrorFrom('plain string')).toEqual({ kind: 'provider', message: 'plain string' });
    expect(viewErrorFrom(undefined)).toEqual({ kind: 'provider', message: 'undefined' });
  });
});
