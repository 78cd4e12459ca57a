import type { DesktopContext } from '../shared/messages';
import type { DesktopReader } from './read-desktop';

/**
 * Watches the desktop and reports the conversation context when it changes. One MutationObserver
 * whose callback only notes the time; the reading happens once the page has been quiet for
 * `debounceMs` (or at least every `maxWaitMs` while it keeps changing), in an idle callback, so
 * typing, streaming messages and re-renders neither block the page nor multiply API calls.
 */
export interface WatcherOptions {
  reader: DesktopReader;
  root: Node;
  win: Window;
  report(context: DesktopContext): Promise<void>;
  signal: AbortSignal;
  debounceMs?: number;
  maxWaitMs?: number;
}

export const DEFAULT_DEBOUNCE_MS = 400;
export const DEFAULT_MAX_WAIT_MS = 1200;
/** Longest wait for an idle period once the debounce is over. */
export const IDLE_TIMEOUT_MS = 50;

export function watchDesktop(options: WatcherOptions): void {
  const { reader, root, win, report, signal } = options;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  let timer: number | undefined;
  let firstPendingAt: number | null = null;
  let lastChangeAt = 0;
  let lastSent: string | null = null;
  let sending = false;
  let again = false;

  const flush = async () => {
    if (signal.aborted) return;
    if (sending) {
      again = true;
      return;
    }
    const context = reader.read();
    const key = JSON.stringify(context);
    if (key === lastSent) return;
    sending = true;
    try {
      await report(context);
      lastSent = key;
    } catch {
      // The worker refused or is gone; the next change tries again with the full context.
    } finally {
      sending = false;
    }
    if (again) {
      again = false;
      schedule();
    }
  };

  // The read is incremental and cheap, so the idle callback only has to wait briefly for a gap:
  // a tab without idle periods (in the background, or busy) must not add much to P3's latency.
  const runIdle = () => {
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => void flush(), { timeout: IDLE_TIMEOUT_MS });
    else void flush();
  };

  // Called for every mutation, so it only notes the time: one timer per quiet period, not one
  // clearTimeout + setTimeout per appended node (TARGETS.md P4).
  function schedule(): void {
    if (signal.aborted) return;
    lastChangeAt = win.performance.now();
    firstPendingAt ??= lastChangeAt;
    timer ??= win.setTimeout(checkQuiet, debounceMs);
  }

  function checkQuiet(): void {
    timer = undefined;
    if (signal.aborted || firstPendingAt === null) return;
    const now = win.performance.now();
    const quietFor = now - lastChangeAt;
    const pendingFor = now - firstPendingAt;
    if (quietFor >= debounceMs || pendingFor >= maxWaitMs) {
      firstPendingAt = null;
      runIdle();
      return;
    }
    timer = win.setTimeout(checkQuiet, Math.min(debounceMs - quietFor, maxWaitMs - pendingFor));
  }

  const observer = new MutationObserver(schedule);
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  win.addEventListener('hashchange', schedule, { signal });
  win.addEventListener('popstate', schedule, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) win.clearTimeout(timer);
  });
  // Report what is on screen now, without waiting for the first mutation.
  runIdle();
}
