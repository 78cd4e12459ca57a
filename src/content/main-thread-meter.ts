import { SIMULATOR_BUILD } from '../shared/build-flags';

/**
 * How much main-thread time the content script takes from the page, measured from inside (the
 * benchmarks' P4): DevTools' profiler and timeline leave extension code out, so the entry points
 * (observer callbacks, timers, idle callbacks, listeners) time themselves, per entry point.
 * Simulator builds only: in store builds `metered` returns the function itself and the rest is
 * dead code. Wall-clock time: on a busy machine it includes time the thread was descheduled.
 */
export interface MeterReading {
  spentMs: number;
  calls: number;
  longestMs: number;
  /** The most recent calls' durations, for medians (a shared machine adds rare long outliers). */
  recentMs: number[];
  /** When each of those calls began (ms since the epoch): a page's long task is ours only if calls of ours fill it. */
  recentAt: number[];
}

const RECENT = 2000;
const readings = new Map<string, MeterReading>();
let depth = 0;

export function metered<A extends unknown[], R>(entry: string, run: (...args: A) => R): (...args: A) => R {
  if (!SIMULATOR_BUILD) return run;
  return (...args: A): R => {
    // Only the outermost entry counts: an entry point calling another is one stretch of time.
    if (depth > 0) return run(...args);
    depth++;
    const start = performance.now();
    try {
      return run(...args);
    } finally {
      depth--;
      const spent = performance.now() - start;
      const reading = readings.get(entry) ?? { spentMs: 0, calls: 0, longestMs: 0, recentMs: [], recentAt: [] };
      reading.spentMs += spent;
      reading.calls++;
      reading.longestMs = Math.max(reading.longestMs, spent);
      reading.recentMs.push(spent);
      // Outside the timed stretch, like the rest of the bookkeeping.
      reading.recentAt.push(performance.timeOrigin + start);
      if (reading.recentMs.length > RECENT) {
        reading.recentMs.shift();
        reading.recentAt.shift();
      }
      readings.set(entry, reading);
    }
  };
}

export function mainThreadUse(): Record<string, MeterReading> {
  return Object.fromEntries(readings);
}
