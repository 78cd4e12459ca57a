import { browser } from '../shared/browser';
import type { ViewState } from '../shared/view-state';

/**
 * A failed refresh is tried again by an alarm, not a timer: the worker may be dead by then
 * (docs/architecture.md: retries outlive the worker). Chrome runs alarms no sooner than 30 s apart.
 */
export const RETRY_ALARM_PREFIX = 'refresh:';
const PREFIX = RETRY_ALARM_PREFIX;
export const MIN_RETRY_DELAY_MS = 30_000;
const RETRYABLE = new Set(['rate-limited', 'offline', 'timeout', 'provider']);

export function retryTimeFor(view: ViewState, now: number): number | null {
  if (view.status !== 'error' || !view.error || !RETRYABLE.has(view.error.kind)) return null;
  return Math.max(view.error.retryAt ?? 0, now + MIN_RETRY_DELAY_MS);
}

export async function scheduleRetry(tabId: number, when: number): Promise<void> {
  await browser.alarms.create(`${PREFIX}${tabId}`, { when });
}

export async function cancelRetry(tabId: number): Promise<void> {
  await browser.alarms.clear(`${PREFIX}${tabId}`);
}

/** The tab an alarm is for, or null when it is not a refresh alarm. */
export function tabForAlarm(name: string): number | null {
  if (!name.startsWith(PREFIX)) return null;
  const tabId = Number(name.slice(PREFIX.length));
  return Number.isInteger(tabId) && tabId >= 0 ? tabId : null;
}
