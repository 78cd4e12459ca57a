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
  /** When each of those calls began, ms since the epoch. */
  recentAt: number[];
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

const EMPTY: MainThreadUse = { spentMs: 0, calls: 0, longestMs: 0, recentMs: [], recentAt: [] };

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
        recentAt: [...sum.recentAt, ...(calls > 0 ? reading.recentAt.slice(-calls) : [])],
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
    recentAt: readings.flatMap((reading) => reading.recentAt),
  };
}

/** A long task of the page: when it began (ms since the epoch) and how long it took. */
export interface LongTask {
  start: number;
  duration: number;
}

/**
 * How much of each long task our content script's calls took (the meter's calls that overlap it,
 * clipped to it), and whether the task is ours: without those calls it would not have been long.
 */
export function attributeLongTasks(tasks: readonly LongTask[], use: MainThreadUse): { task: LongTask; oursMs: number; ours: boolean }[] {
  return tasks.map((task) => {
    const end = task.start + task.duration;
    let oursMs = 0;
    for (let i = 0; i < use.recentAt.length; i++) {
      const from = use.recentAt[i]!;
      const to = from + use.recentMs[i]!;
      if (to > task.start && from < end) oursMs += Math.min(to, end) - Math.max(from, task.start);
    }
    return { task, oursMs, ours: task.duration - oursMs <= LONG_TASK_MS };
  });
}

const LONG_TASK_MS = 50;

/** Starts counting long tasks (> 50 ms) in every frame of the page; the result lists them. */
export async function countLongTasks(page: Page): Promise<() => Promise<LongTask[]>> {
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
    const tasks = new Map<number, LongTask>();
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => (window as unknown as { __benchLongTasks?: LongTask[] }).__benchLongTasks ?? []).catch(() => []);
      for (const task of found) tasks.set(Math.round(task.start), task);
    }
    return [...tasks.values()];
  };
}
