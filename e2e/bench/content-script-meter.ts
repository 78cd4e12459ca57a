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
}

/** Per entry point ('mutation', 'timer', 'read-and-report'), summed over the frames it runs in. */
export type MainThreadUseByEntry = Record<string, MainThreadUse>;

export async function contentScriptUse(page: Page): Promise<MainThreadUseByEntry> {
  const frames = await evaluateInContentScriptFrames<MainThreadUseByEntry | null>(page, 'globalThis.__agentAssistDebug ? globalThis.__agentAssistDebug.mainThread() : null');
  const uses = frames.map((frame) => frame.value).filter((use): use is MainThreadUseByEntry => use !== null);
  if (uses.length === 0) throw new Error('no content script with a main-thread meter (is dist-sim/ built?)');
  const total: MainThreadUseByEntry = {};
  for (const use of uses) {
    for (const [entry, reading] of Object.entries(use)) {
      const sum = total[entry] ?? { spentMs: 0, calls: 0, longestMs: 0 };
      total[entry] = { spentMs: sum.spentMs + reading.spentMs, calls: sum.calls + reading.calls, longestMs: Math.max(sum.longestMs, reading.longestMs) };
    }
  }
  return total;
}

/** What happened between two readings (the longest call is the later reading's, over the whole life). */
export function useBetween(before: MainThreadUseByEntry, after: MainThreadUseByEntry): MainThreadUseByEntry {
  return Object.fromEntries(
    Object.entries(after).map(([entry, reading]) => {
      const earlier = before[entry] ?? { spentMs: 0, calls: 0, longestMs: 0 };
      return [entry, { spentMs: reading.spentMs - earlier.spentMs, calls: reading.calls - earlier.calls, longestMs: reading.longestMs }];
    }),
  );
}

export function totalUse(use: MainThreadUseByEntry): MainThreadUse {
  const readings = Object.values(use);
  return {
    spentMs: readings.reduce((sum, reading) => sum + reading.spentMs, 0),
    calls: readings.reduce((sum, reading) => sum + reading.calls, 0),
    longestMs: Math.max(0, ...readings.map((reading) => reading.longestMs)),
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
