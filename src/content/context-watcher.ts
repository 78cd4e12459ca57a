import type { DesktopFrameReport } from '../shared/messages';
import { metered } from './main-thread-meter';
import { observeMutations } from './observers';
import type { DesktopReader } from './read-desktop';
import { sameFrameReport } from './same-report';

/**
 * Watches one frame of the desktop and reports what it shows when that changes. One
 * MutationObserver per observed root — the document, and each open shadow root the profile's
 * selectors step into (a document's observer does not see inside them) — whose callback only
 * notes what changed and when; the reading happens once the page has been quiet for `debounceMs` (or at least
 * every `maxWaitMs` while it keeps changing), in an idle callback, so typing, streaming messages
 * and re-renders neither block the page nor multiply API calls. A change confined to the
 * transcript re-reads only the transcript's end. A shadow root the selectors no longer reach (its
 * host was removed or re-rendered) has its observer disconnected: every observer hangs on an
 * AbortSignal, the watcher's own or its root's.
 */
export interface WatcherOptions {
  reader: DesktopReader;
  root: Node;
  win: Window;
  report(report: DesktopFrameReport): Promise<void>;
  signal: AbortSignal;
  debounceMs?: number;
  maxWaitMs?: number;
  /** Attributes whose change can change what we read (selection classes, aria-hidden, ids). */
  attributeFilter?: string[];
}

export const DEFAULT_DEBOUNCE_MS = 400;
export const DEFAULT_MAX_WAIT_MS = 1200;
/** Longest wait for an idle period once the debounce is over. */
export const IDLE_TIMEOUT_MS = 50;

/**
 * How long to wait before sending a refused or lost report again, after `failures` failures in a
 * row: 0.5 s doubling to 30 s. A frame that never changes again (a quiet chat) would otherwise stay
 * unreported: Chromium can name a fresh iframe's sender `about:blank` for its first message, and a
 * worker that is starting up may not answer.
 */
export function reportRetryDelayMs(failures: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, failures - 1));
}

export function watchDesktop(options: WatcherOptions): void {
  const { reader, root, win, report, signal } = options;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const init: MutationObserverInit = {
    childList: true,
    subtree: true,
    characterData: true,
    ...(options.attributeFilter && options.attributeFilter.length > 0 && { attributes: true, attributeFilter: options.attributeFilter }),
  };
  const shadowRoots = new Map<ShadowRoot, AbortController>();
  // Whether anything but the transcript changed since the last read (then everything is read again).
  let readAll = true;
  let container: Element | null = null;
  let timer: number | undefined;
  let recheckTimer: number | undefined;
  let retryTimer: number | undefined;
  let failures = 0;
  let firstPendingAt: number | null = null;
  let lastChangeAt = 0;
  let lastSent: DesktopFrameReport | null = null;
  let sending = false;
  let again = false;

  function observeShadowRoots(current: readonly ShadowRoot[]): void {
    const wanted = new Set(current);
    for (const [shadow, controller] of shadowRoots) {
      if (wanted.has(shadow)) continue;
      controller.abort();
      shadowRoots.delete(shadow);
    }
    for (const shadow of wanted) {
      if (shadowRoots.has(shadow)) continue;
      const controller = new AbortController();
      signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
      shadowRoots.set(shadow, controller);
      observeMutations(shadow, init, onMutation, controller.signal);
    }
  }

  const flush = metered('read-and-report', async () => {
    if (signal.aborted) return;
    if (sending) {
      again = true;
      return;
    }
    const scope = readAll ? 'all' : 'transcript-only';
    readAll = false;
    const { report: current, shadowRoots: reached, recheckInMs, transcriptContainer } = reader.read(scope);
    container = transcriptContainer;
    observeShadowRoots(reached);
    if (recheckTimer !== undefined) win.clearTimeout(recheckTimer);
    recheckTimer = recheckInMs === null ? undefined : win.setTimeout(recheck, recheckInMs);
    if (lastSent && sameFrameReport(current, lastSent)) return;
    sending = true;
    if (retryTimer !== undefined) win.clearTimeout(retryTimer);
    retryTimer = undefined;
    try {
      await report(current);
      lastSent = current;
      failures = 0;
    } catch {
      // The worker refused or is gone: the full report again after a while, or at the next change.
      failures++;
      if (!signal.aborted) retryTimer = win.setTimeout(recheck, reportRetryDelayMs(failures));
    } finally {
      sending = false;
    }
    if (again) {
      again = false;
      schedule();
    }
  });

  // The read is incremental and cheap, so the idle callback only has to wait briefly for a gap:
  // a tab without idle periods (in the background, or busy) must not add much to P3's latency.
  const runIdle = metered('timer', (): void => {
    if (signal.aborted) return;
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => void flush(), { timeout: IDLE_TIMEOUT_MS });
    else void flush();
  });

  function recheck(): void {
    readAll = true;
    runIdle();
  }

  // Every observer's callback (the document's and each shadow root's): hands the records from
  // inside the transcript to the reader, so its next read parses only what they added, and notes
  // whether anything else changed, and when. Nothing is read here.
  const onMutation = metered('mutation', (records: MutationRecord[]): void => {
    const transcript = container?.isConnected ? container : null;
    let inside = 0;
    for (const record of records) if (transcript?.contains(record.target)) inside++;
    if (inside < records.length) readAll = true;
    if (inside === records.length) reader.transcriptChanged(records);
    else if (inside > 0) reader.transcriptChanged(records.filter((record) => transcript?.contains(record.target)));
    schedule();
  });

  function scheduleAll(): void {
    readAll = true;
    schedule();
  }

  // Called for every mutation, so it only notes the time: one timer per quiet period, not one
  // clearTimeout + setTimeout per appended node (docs/performance.md P4).
  function schedule(): void {
    if (signal.aborted) return;
    lastChangeAt = win.performance.now();
    firstPendingAt ??= lastChangeAt;
    timer ??= win.setTimeout(checkQuiet, debounceMs);
  }

  const checkQuiet = metered('timer', (): void => {
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
  });

  observeMutations(root, init, onMutation, signal);
  win.addEventListener('hashchange', scheduleAll, { signal });
  win.addEventListener('popstate', scheduleAll, { signal });
  signal.addEventListener('abort', () => {
    if (timer !== undefined) win.clearTimeout(timer);
    if (recheckTimer !== undefined) win.clearTimeout(recheckTimer);
    if (retryTimer !== undefined) win.clearTimeout(retryTimer);
  });
  // Report what is on screen now, without waiting for the first mutation.
  runIdle();
}
