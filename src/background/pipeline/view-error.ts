import type { ViewError } from '../../shared/view-state';
import { ApiError } from '../genesys/api-error';

/** What the agent is told about a failed call. Technical detail (status, code, correlation id) goes under "details". */
export function viewErrorFrom(error: unknown): ViewError {
  if (!(error instanceof ApiError)) {
    return { kind: 'provider', message: error instanceof Error ? error.message : String(error) };
  }
  const details = {
    ...(error.status !== undefined && { status: error.status }),
    ...(error.code !== undefined && { code: error.code }),
    ...(error.correlationId !== undefined && { correlationId: error.correlationId }),
    ...(error.retryAt !== undefined && { retryAt: error.retryAt }),
  };
  switch (error.kind) {
    case 'auth':
      return { kind: 'auth', message: error.message, ...details };
    case 'paused':
      return { kind: 'rate-limited', message: error.message, ...details };
    case 'network':
      return { kind: 'offline', message: error.message, ...details };
    case 'timeout':
      return { kind: 'timeout', message: error.message, ...details };
    case 'invalid-response':
      return { kind: 'invalid-response', message: error.message, ...details };
    case 'http':
      // A 403 does not go away by asking again: nobody retries it, the agent is told whom to ask.
      if (error.status === 403) {
        const { retryAt: _never, ...rest } = details;
        return { kind: 'forbidden', message: error.message, ...rest, ...(error.missing && { missing: error.missing }) };
      }
      return { kind: error.status === 429 ? 'rate-limited' : 'provider', message: error.message, ...details };
    case 'aborted':
      return { kind: 'provider', message: error.message, ...details };
  }
}
