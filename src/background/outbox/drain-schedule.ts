import { browser } from '../../shared/browser';

/**
 * When the outbox drains again by itself: a timer while the worker lives, and a `chrome.alarms`
 * alarm that wakes a dead worker (alarms outlive it; Chrome fires them no sooner than 30 s, so the
 * timer does the quick retries). Browser restarts are covered by runtime.onStartup in index.ts.
 */
export const OUTBOX_ALARM = 'outbox:drain';
export const MIN_ALARM_DELAY_MS = 30_000;

export function createDrainSchedule(drain: () => void, now: () => number = Date.now, alarm: string = OUTBOX_ALARM) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    async wakeAt(when: number | null): Promise<void> {
      clearTimeout(timer);
      timer = undefined;
      if (when === null) {
        await browser.alarms.clear(alarm);
        return;
      }
      timer = setTimeout(drain, Math.max(0, when - now()));
      await browser.alarms.create(alarm, { when: Math.max(when, now() + MIN_ALARM_DELAY_MS) });
    },
  };
}

/** One drainer at a time across every context of the extension (Web Locks); queued, never skipped. */
export function withOutboxLock(drain: () => Promise<void>): Promise<void> {
  return withLock('agent-assist-outbox-drain', drain);
}

export function withLock(name: string, drain: () => Promise<void>): Promise<void> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return drain();
  return navigator.locks.request(name, drain);
}
