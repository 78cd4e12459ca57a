import type { Page } from '@playwright/test';
import { evaluateInContentScriptFrames } from '../support/content-script-world';

/**
 * What our content script costs the page's main thread. DevTools' CPU profiler and timeline leave
 * extension code out, so the simulator build's content script times its own entry points
 * (src/content/main-thread-meter.ts: observer callbacks, timers, idle callbacks, listeners, and
 * everything they do synchronously, message serialisation included); this reads the sum over the
 * frames it runs in. Long tasks come from the page's own `longtask` observers.
 */
export interface MainThreadUse {
  spentMs: number;
  calls: number;
  longestMs: number;
  /** The most recent calls' durations. */
  recentMs: number[];
}

/** Per entry point ('mutation', 'timer', 'read-and-report'). */
export type MainThreadUseByEntry = Record<string, MainThreadUse>;

/** The meter of each frame our content script runs in, by frame URL. */
export type FrameMeters = Map<string, MainThreadUseByEntry>;

export async function contentScriptMeters(page: Page): Promise<FrameMeters> {
  const frames = await evaluateInContentScriptFrames<MainThreadUseByEntry | null>(page, 'globalThis.__agentAssistDebug ? globalThis.__agentAssistDebug.mainThread() : null');
  const meters: FrameMeters = new Map();
  for (const frame of frames) if (frame.value) meters.set(frame.url, frame.value);
  if (meters.size === 0) throw new Error('no content script with a main-thread meter (is dist-sim/ built?)');
  return meters;
}

const EMPTY: MainThreadUse = { spentMs: 0, calls: 0, longestMs: 0, recentMs: [] };

/**
 * What the content script did between two readings, summed over its frames. The longest call is
 * over each frame's whole life; the durations are the calls made in between (the meter keeps the
 * last 2,000 per frame and entry point).
 */
export function useBetween(before: FrameMeters, after: FrameMeters): MainThreadUseByEntry {
  const total: MainThreadUseByEntry = {};
  for (const [url, entries] of after) {
    for (const [entry, reading] of Object.entries(entries)) {
      const earlier = before.get(url)?.[entry] ?? EMPTY;
      const calls = reading.calls - earlier.calls;
      const sum = total[entry] ?? EMPTY;
      total[entry] = {
        spentMs: sum.spentMs + reading.spentMs - earlier.spentMs,
        calls: sum.calls + calls,
        longestMs: Math.max(sum.longestMs, reading.longestMs),
        recentMs: [...sum.recentMs, ...(calls > 0 ? reading.recentMs.slice(-calls) : [])],
      };
    }
  }
  return total;
}

export function totalUse(use: MainThreadUseByEntry): MainThreadUse {
  const readings = Object.values(use);
  return {
    spentMs: readings.reduce((sum, reading) => sum + reading.spentMs, 0),
    calls: readings.reduce((sum, reading) => sum + reading.calls, 0),
    longestMs: Math.max(0, ...readings.map((reading) => reading.longestMs)),
    recentMs: readings.flatMap((reading) => reading.recentMs),
  };
}

/** Starts counting long tasks (> 50 ms) in every frame of the page; the result lists their durations (ms). */
export async function countLongTasks(page: Page): Promise<() => Promise<number[]>> {
  for (const frame of page.frames()) {
    await frame.evaluate(() => {
      const list: { start: number; duration: number }[] = [];
      (window as unknown as { __benchLongTasks?: typeof list }).__benchLongTasks = list;
      new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries()) list.push({ start: performance.timeOrigin + entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask' });
    });
  }
  return async () => {
    // A task may be reported to more than one frame of the page: one entry per start time.
    const tasks = new Map<number, number>();
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => (window as unknown as { __benchLongTasks?: { start: number; duration: number }[] }).__benchLongTasks ?? []).catch(() => []);
      for (const task of found) tasks.set(Math.round(task.start), task.duration);
    }
    return [...tasks.values()];
  };
}
