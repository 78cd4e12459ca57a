import { describe, expect, it, vi } from 'vitest';
import { errorText } from './error-text';

// send-to-worker sends through `browser`, which exists only in an extension.
vi.mock('../shared/browser', () => ({ browser: {} }));
const { WorkerRequestError } = await import('../shared/send-to-worker');

describe('errorText', () => {
  it('shows an error by its message, whatever its class', () => {
    expect(errorText(new Error('disk full'))).toBe('disk full');
    expect(errorText(new WorkerRequestError('no-reply', 'Could not establish connection'))).toBe('Could not establish connection');
    expect(errorText(new DOMException('The operation was aborted.', 'AbortError'))).toBe('The operation was aborted.');
  });

  it('stringifies whatever else was thrown', () => {
    expect(errorText('plain text')).toBe('plain text');
    expect(errorText(42)).toBe('42');
    expect(errorText(undefined)).toBe('undefined');
  });
});
