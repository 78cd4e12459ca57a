import { displayLocale, t } from '../shared/i18n';
import type { ViewError } from '../shared/view-state';

export interface ViewErrorMessage {
  /** What happened, for the agent. */
  message: string;
  /** Status, code and correlation id for whoever they report it to; null when there are none. */
  details: string | null;
}

/** "14:03:05": when the worker will try again by itself. */
export function clockTime(epochMs: number): string {
  return new Intl.DateTimeFormat(displayLocale(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(epochMs);
}

function messageFor(error: ViewError): string {
  const what = problemFor(error);
  // Say what happens next: the worker retries by itself at retryAt (rate limits say it already).
  if (error.retryAt === undefined || error.kind === 'rate-limited' || error.kind === 'auth' || error.kind === 'forbidden') return what;
  return `${what} ${t('errorRetryingAt', [clockTime(error.retryAt)])}`;
}

function problemFor(error: ViewError): string {
  switch (error.kind) {
    case 'auth':
      return t('errorAuth');
    case 'forbidden': {
      const names = error.missing?.names ?? [];
      if (names.length === 0) return t('errorForbidden');
      return error.missing?.kind === 'scope' ? t('errorForbiddenScope', [names.join(', ')]) : t('errorForbiddenPermission', [names.join(', ')]);
    }
    case 'rate-limited':
      return error.retryAt === undefined ? t('errorRateLimited') : t('errorRateLimitedUntil', [clockTime(error.retryAt)]);
    case 'offline':
      return t('errorOffline');
    case 'timeout':
      return t('errorTimeout');
    case 'provider':
      return error.status === undefined ? t('errorProvider') : t('errorProviderStatus', [error.status]);
    case 'invalid-response':
      return t('errorInvalidResponse');
  }
}

export function describeViewError(error: ViewError): ViewErrorMessage {
  const details = [
    error.status !== undefined ? t('errorDetailStatus', [error.status]) : null,
    error.code ? t('errorDetailCode', [error.code]) : null,
    error.correlationId ? t('errorDetailCorrelationId', [error.correlationId]) : null,
  ].filter((part): part is string => part !== null);
  return { message: messageFor(error), details: details.length > 0 ? details.join(' · ') : null };
}
