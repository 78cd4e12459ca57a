import type { MissingAccess } from '../../shared/view-state';
import { missingAccessFrom } from './missing-access';
import { GenesysErrorBody } from './schemas';

export type ApiErrorKind =
  | 'http' // the server answered with an error status
  | 'network' // no answer: offline, DNS, connection reset
  | 'timeout' // no answer within the request timeout
  | 'aborted' // we gave up: the conversation is no longer shown
  | 'paused' // not sent: the host asked us to wait (429 Retry-After) and the wait outlasts our bound
  | 'auth' // no usable token and silent re-authorisation failed: the agent must sign in
  | 'invalid-response'; // the body is not JSON or not the shape the contract promises

/** ApiError code of an `auth` failure whose session ended by itself (not a sign-out, not never signed in). */
export const SESSION_ENDED = 'session-ended';

/** Every failure of a Genesys call, carrying what support needs to trace it. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly correlationId: string | undefined;
  /** Epoch ms when the server said a retry may happen (429/503 with Retry-After). */
  readonly retryAt: number | undefined;
  /** On a 403: the permission or scope the server said is missing. */
  readonly missing: MissingAccess | undefined;

  constructor(
    kind: ApiErrorKind,
    message: string,
    details: { status?: number | undefined; code?: string | undefined; correlationId?: string | undefined; retryAt?: number | undefined; missing?: MissingAccess | undefined } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = details.status;
    this.code = details.code;
    this.correlationId = details.correlationId;
    this.retryAt = details.retryAt;
    this.missing = details.missing;
  }
}

export const CORRELATION_HEADER = 'ININ-Correlation-Id';

/** Reads a Genesys error response (`{message, code, status, contextId}`) without trusting its shape. */
export async function apiErrorFromResponse(response: Response, retryAt?: number): Promise<ApiError> {
  const correlationId = response.headers.get(CORRELATION_HEADER) ?? undefined;
  let message = `HTTP ${response.status}`;
  let code: string | undefined;
  let fallbackCorrelation: string | undefined;
  let missing: MissingAccess | undefined;
  try {
    const parsed = GenesysErrorBody.safeParse(await response.json());
    if (parsed.success) {
      if (parsed.data.message) message = `${message}: ${parsed.data.message}`;
      code = parsed.data.code;
      if (response.status === 403) missing = missingAccessFrom(parsed.data) ?? undefined;
      // Genesys repeats the correlation id as `contextId`; use it when a proxy dropped the header.
      if (!correlationId && typeof parsed.data.contextId === 'string') fallbackCorrelation = parsed.data.contextId;
    }
  } catch {
    // Not JSON: the status says enough.
  }
  return new ApiError('http', message, { status: response.status, code, correlationId: correlationId ?? fallbackCorrelation, retryAt, missing });
}
