import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromResponse, CORRELATION_HEADER } from './api-error';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('ApiError', () => {
  it('carries its kind and details and is an Error', () => {
    const error = new ApiError('http', 'HTTP 503', { status: 503, code: 'service.unavailable', correlationId: 'c-1', retryAt: 42 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect(error.message).toBe('HTTP 503');
    expect(error).toMatchObject({ kind: 'http', status: 503, code: 'service.unavailable', correlationId: 'c-1', retryAt: 42 });
  });

  it('leaves details undefined when not given', () => {
    const error = new ApiError('network', 'offline');
    expect(error.status).toBeUndefined();
    expect(error.code).toBeUndefined();
    expect(error.correlationId).toBeUndefined();
    expect(error.retryAt).toBeUndefined();
  });
});

describe('apiErrorFromResponse', () => {
  it('reads the Genesys error body and the correlation header', async () => {
    const response = jsonResponse(
      429,
      { message: 'Rate limit exceeded the maximum', code: 'too.many.requests.retry.after', status: 429, contextId: 'ctx-9', details: [], errors: [] },
      { [CORRELATION_HEADER]: 'corr-123' },
    );
    const error = await apiErrorFromResponse(response, 1_700_000_003_000);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('http');
    expect(error.status).toBe(429);
    expect(error.code).toBe('too.many.requests.retry.after');
    expect(error.correlationId).toBe('corr-123');
    expect(error.retryAt).toBe(1_700_000_003_000);
    expect(error.message).toBe('HTTP 429: Rate limit exceeded the maximum');
  });

  it('reads the correlation header case-insensitively', async () => {
    const error = await apiErrorFromResponse(jsonResponse(503, { code: 'service.unavailable' }, { 'inin-correlation-id': 'lower' }));
    expect(error.correlationId).toBe('lower');
    expect(error.code).toBe('service.unavailable');
    expect(error.message).toBe('HTTP 503'); // no message in the body: the status alone
  });

  it('has no correlation id or retryAt when the response gives none', async () => {
    const error = await apiErrorFromResponse(jsonResponse(404, { message: 'not found' }));
    expect(error.correlationId).toBeUndefined();
    expect(error.retryAt).toBeUndefined();
    expect(error.message).toBe('HTTP 404: not found');
  });

  it('falls back to the status for a non-JSON body', async () => {
    const response = new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html', [CORRELATION_HEADER]: 'corr-html' } });
    const error = await apiErrorFromResponse(response);
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
    expect(error.code).toBeUndefined();
    expect(error.correlationId).toBe('corr-html');
    expect(error.message).toBe('HTTP 502');
  });

  it('falls back to the status for an empty body', async () => {
    const error = await apiErrorFromResponse(new Response(null, { status: 504 }));
    expect(error.message).toBe('HTTP 504');
    expect(error.status).toBe(504);
  });

  it('ignores a JSON body of the wrong shape instead of trusting it', async () => {
    const error = await apiErrorFromResponse(jsonResponse(400, { message: 42, code: ['x'] }));
    expect(error.message).toBe('HTTP 400');
    expect(error.code).toBeUndefined();
    const array = await apiErrorFromResponse(jsonResponse(400, ['message']));
    expect(array.message).toBe('HTTP 400');
  });

  it('ignores an empty message string', async () => {
    const error = await apiErrorFromResponse(jsonResponse(400, { message: '', code: 'bad.request' }));
    expect(error.message).toBe('HTTP 400');
    expect(error.code).toBe('bad.request');
  });
});
