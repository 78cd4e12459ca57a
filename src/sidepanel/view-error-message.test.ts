import { describe, expect, it } from 'vitest';
import { clockTime, describeViewError } from './view-error-message';

describe('describeViewError', () => {
  it('says what happened for each kind', () => {
    expect(describeViewError({ kind: 'auth', message: 'x' }).message).toBe('Your session expired. Sign in again.');
    expect(describeViewError({ kind: 'offline', message: 'x' }).message).toMatch(/reach Genesys Cloud/);
    expect(describeViewError({ kind: 'timeout', message: 'x' }).message).toMatch(/too long/);
    expect(describeViewError({ kind: 'provider', message: 'x', status: 503 }).message).toBe('The knowledge service returned an error (HTTP 503).');
    expect(describeViewError({ kind: 'provider', message: 'x' }).message).toBe('The knowledge service returned an error.');
    expect(describeViewError({ kind: 'invalid-response', message: 'x' }).message).toMatch(/could not read/);
    expect(describeViewError({ kind: 'rate-limited', message: 'x' }).message).toMatch(/slow down/);
  });

  it('names what a 403 said is missing and whom to ask, and never promises a retry', () => {
    const retryAt = new Date(2025, 2, 20, 14, 3, 5).getTime();
    expect(describeViewError({ kind: 'forbidden', message: 'x', status: 403, missing: { kind: 'permission', names: ['knowledge:knowledgebase:search'] } }).message).toBe(
      'Your account lacks the permission knowledge:knowledgebase:search. Ask your administrator to add it to one of your roles.',
    );
    expect(describeViewError({ kind: 'forbidden', message: 'x', missing: { kind: 'scope', names: ['knowledge', 'notifications'] } }).message).toMatch(
      /OAuth client lacks the scope knowledge, notifications\. Ask your administrator/,
    );
    const unnamed = describeViewError({ kind: 'forbidden', message: 'x', retryAt }).message;
    expect(unnamed).toMatch(/lacks a permission it needs\. Ask your administrator/);
    expect(unnamed).not.toMatch(/Retrying/);
  });

  it('gives the retry time of a rate limit as HH:MM:SS', () => {
    const retryAt = new Date(2025, 2, 20, 14, 3, 5).getTime();
    expect(clockTime(retryAt)).toBe('14:03:05');
    expect(describeViewError({ kind: 'rate-limited', message: 'x', retryAt }).message).toBe(
      'Genesys Cloud asked us to slow down. Retrying at 14:03:05',
    );
  });

  it('puts status, code and correlation id on a details line', () => {
    expect(describeViewError({ kind: 'provider', message: 'x', status: 502, code: 'bad.gateway', correlationId: 'c-123' }).details).toBe(
      'HTTP 502 · Code bad.gateway · Correlation ID c-123',
    );
    expect(describeViewError({ kind: 'timeout', message: 'x' }).details).toBeNull();
  });
});
