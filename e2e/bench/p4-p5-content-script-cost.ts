import { chromium, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { openPanel, simulatorSettings, tabIdOf, writeSettings } from '../support/agent-desktop';
import { findChromium } from '../support/find-chromium';
import { launchExtension } from '../support/launch-extension';
import { gadgetFrame, openRealisticDesktop, type SimWindow } from '../support/realistic-desktop';
import { seedConversations } from '../simulator/conversations';
import { startSimulator } from '../simulator/server';
import { figure, percentile, round, type Figure } from './figure';
import { attributeLongTasks, contentScriptMeters, countLongTasks, totalUse, useBetween, type LongTask, type MainThreadUseByEntry } from './content-script-meter';

/**
 * P4 and P5 on the realistic simulated desktop (the Genesys structure: top frame + messaging gadget
 * iframe in a shadow root), where the content script runs in both frames.
 *
 * Workload: transcript messages appended to the selected conversation's gadget, one every
 * BURST_CADENCE_MS, through the desktop's own code (the top frame posts each line to the gadget,
 * which renders it, and reports it to the platform).
 * - P4: the content script's main-thread time ÷ 1,000 messages, timed by its own entry points in
 *   the simulator build (content-script-meter.ts: DevTools' profiler and timeline leave extension
 *   code out), wall clock; the CPU ScriptDuration difference with and without the extension (from
 *   the P5 runs, per message) is printed as a cross-check. Messages faster than the content
 *   script's debounce share a read, so P4.live measures the other end: one message every
 *   LIVE_CADENCE_MS on the 1,000-message transcript, each read and reported on its own; P4.live10k
 *   the same once the desktop has brought that transcript to 10,000 messages at once (flat: the
 *   same cost at both sizes). One browser does the burst, live and live10k in that order, as one
 *   agent's long chat would. P4.longTasks: the page's long tasks (> 50 ms) during the burst and
 *   P4.live, from its own `longtask` observers.
 * - P5: the page's CPU time in JavaScript (CDP Performance.getMetrics ScriptDuration, thread
 *   ticks, all frames and worlds of the page) for RATIO_MESSAGES messages with the extension ÷
 *   without, each pair in two fresh browsers side by side (which is started first alternates),
 *   both measured until the last message has been read and reported: the median of REPETITIONS
 *   ratios, the worst one (P5.max), and the page's long tasks with − without over the same runs
 *   (P5.longtasks), so the machine's own long tasks cancel out.
 * Every run ends on an observed condition (Desk.shown): the gadget shows the last message and,
 * with the extension, the worker holds it as the last turn of the conversation.
 */
const MESSAGES = 1000;
const BURST_CADENCE_MS = 25;
const LIVE_MESSAGES = 40;
const LIVE_CADENCE_MS = 500;
/** The long chat of P4.live10k: an hour-long conversation's history, the rest loaded at once. */
const LONG_TRANSCRIPT = 10_000;
const REPETITIONS = 7;
/**
 * P5 is a ratio of the same workload with and without us, so its runs need not be 1,000 messages
 * long; 300 keep 7 pairs of fresh browsers within the bench's budget.
 */
const RATIO_MESSAGES = 300;
/** docs/performance.md P4 and P5. */
const PER_MESSAGE_MS = 0.1;
const RATIO_MEDIAN = 1.05;
const RATIO_WORST = 1.2;
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const [conversation] = seedConversations;

interface Desk {
  context: BrowserContext;
  page: Page;
  extensionOrigin: string | null;
  /**
   * Resolves once message `index` (its text is `line(index)`) is the gadget's last and, with the
   * extension, the last turn of the context the worker holds: everything that message makes the
   * page and the content script do has been done.
   */
  shown(index: number): Promise<void>;
}

const POLL_MS = 100;

/** The gadget's last message is `line(index)`; polled sparingly, since it runs in the measured page. */
async function gadgetShows(gadget: Frame, index: number): Promise<void> {
  await gadget.waitForFunction(
    (start) => {
      const messages = document.querySelectorAll('[data-automation-id="messaging-gadget-message-textbody"]');
      return messages.length > 0 && (messages[messages.length - 1]!.textContent ?? '').includes(start);
    },
    `Message ${index}:`,
    { polling: POLL_MS, timeout: 60_000 },
  );
}

async function openDesk(origin: string, withExtension: boolean): Promise<Desk> {
  if (!withExtension) {
    const context = await chromium.launchPersistentContext('', { executablePath: findChromium(), headless: true, args: BROWSER_ARGS, viewport: { width: 1280, height: 800 } });
    const page = await openRealisticDesktop(context, origin, { conversationId: conversation!.id });
    const gadget = await gadgetFrame(page, conversation!.id);
    return { context, page, extensionOrigin: null, shown: (index) => gadgetShows(gadget, index) };
  }
  const { context, serviceWorker, extensionId } = await launchExtension({ headless: true });
  await writeSettings(serviceWorker, simulatorSettings(origin));
  const page = await openRealisticDesktop(context, origin, { conversationId: conversation!.id });
  const gadget = await gadgetFrame(page, conversation!.id);
  // The agent's side panel, as in use. (Headless Chromium also holds storage.managed.get() until
  // an extension page opens, which would keep the content script waiting for its settings.)
  const tabId = await tabIdOf(serviceWorker, page);
  await openPanel(context, extensionId, tabId);
  // The desktop is the tab in front, as in use: behind the panel's tab its timers may be
  // throttled (twice a 300-message run took minutes instead of 10 s before this).
  await page.bringToFront();
  // The last turn of the context the worker holds, from outside the page (nothing is added to its time).
  const lastTurn = () => serviceWorker.evaluate(async (id) => ((await chrome.storage.session.get(`context:${id}`))[`context:${id}`] as { context?: { transcript?: { text: string }[] } } | undefined)?.context?.transcript?.at(-1)?.text ?? null, tabId);
  const reached = async (text: string | null, what: string) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const last = await lastTurn();
      if (last !== null && (text === null || last.includes(text))) return;
      if (Date.now() > deadline) throw new Error(`the worker never held ${what} (last turn: ${last})`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  // Measured once both frames read and the worker holds the joined context.
  await reached(null, 'the conversation');
  return {
    context,
    page,
    extensionOrigin: `chrome-extension://${extensionId}/`,
    async shown(index) {
      await gadgetShows(gadget, index);
      await reached(`Message ${index}:`, `message ${index}`);
    },
  };
}

const line = (index: number) => `Message ${index}: my parcel was marked delivered on Tuesday but it never arrived, can you check the tracking for order ${4000 + index}?`;

/** Lines `from` to `total` at once (the gadget renders its history again), until the worker holds the last. */
async function loadHistory(desk: Desk, from: number, total: number): Promise<void> {
  const lines = Array.from({ length: total - from }, (_, offset) => from + offset).map((index) => ({ author: index % 3 === 2 ? ('agent' as const) : ('customer' as const), text: line(index) }));
  await desk.page.evaluate(([id, history]) => (window as unknown as SimWindow).__simDesktop.addMessages(id, history), [conversation!.id, lines] as const);
  await desk.shown(total - 1);
}

/** Messages `from` … `from + count - 1`, one every `cadenceMs`; the caller waits for the last to be `shown`. */
async function appendMessages(page: Page, count: number, cadenceMs: number, from: number): Promise<void> {
  await page.evaluate(
    async ([id, total, cadence, start]) => {
      const sim = (window as unknown as SimWindow).__simDesktop;
      for (let index = start; index < start + total; index++) {
        const author = index % 3 === 2 ? 'agent' : 'customer';
        sim.addMessage(id, author, `Message ${index}: my parcel was marked delivered on Tuesday but it never arrived, can you check the tracking for order ${4000 + index}?`);
        await new Promise((resolve) => setTimeout(resolve, cadence));
      }
    },
    [conversation!.id, count, cadenceMs, from] as const,
  );
}

/** Starts reading the page's CPU time in JavaScript (all its frames and worlds); the result gives the ms since. */
async function scriptClock(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? NaN;
  const before = await read();
  return async () => {
    const after = await read();
    await cdp.detach();
    return (after - before) * 1000;
  };
}

const entries = (use: MainThreadUseByEntry) =>
  Object.entries(use)
    .map(([entry, reading]) => `${entry} ${reading.calls}× mean ${round(reading.spentMs / Math.max(1, reading.calls))} / median ${round(percentile(reading.recentMs, 50))} ms`)
    .join(', ');

/**
 * Long tasks with our share of each: a task is ours when it would not have been long without our
 * calls in it; the others were long with or without us (the page's own work, or a busy machine).
 */
function describeLongTasks(tasks: ReturnType<typeof attributeLongTasks>): string {
  if (tasks.length === 0) return 'none';
  const ours = tasks.filter((entry) => entry.ours).length;
  return `${tasks.map((entry) => `${round(entry.task.duration)} ms (ours ${round(entry.oursMs)})`).join(', ')}; ${ours} of ${tasks.length} ours (not long without our calls)`;
}

/** The content script's main-thread use (all its frames) while `work` runs. */
async function meteredDuring(page: Page, work: () => Promise<unknown>): Promise<MainThreadUseByEntry> {
  const before = await contentScriptMeters(page);
  await work();
  return useBetween(before, await contentScriptMeters(page));
}

export async function measureRealisticContentScriptCost(): Promise<Figure[]> {
  const simulator = await startSimulator({ port: 0, latencyMs: 20 });
  try {
    const ratios: number[] = [];
    const differences: number[] = [];
    // Long tasks of the page in the same workload, with and without us: the machine makes some.
    const pageLongTasks = { with: [] as number[], without: [] as number[] };
    // The long tasks of the pages with the extension, with how much of each our calls took.
    const attributed: ReturnType<typeof attributeLongTasks> = [];
    const samples: string[] = [];
    for (let repetition = 0; repetition < REPETITIONS; repetition++) {
      const measured = { with: NaN, without: NaN };
      // The pair side by side, in two fresh browsers: both see the machine in the same state, and
      // the pair takes the time of one run. Which one is started first alternates.
      const order = repetition % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
      const opened = await Promise.allSettled(order.map((mode) => openDesk(simulator.origin, mode === 'with')));
      const desks = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      try {
        const failed = opened.find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
        const runs = await Promise.all(
          desks.map(async (desk) => ({
            desk,
            longTasks: await countLongTasks(desk.page),
            meters: desk.extensionOrigin ? await contentScriptMeters(desk.page) : null,
            clock: await scriptClock(desk.page),
          })),
        );
        await Promise.all(runs.map(({ desk }) => appendMessages(desk.page, RATIO_MESSAGES, BURST_CADENCE_MS, 0)));
        // Both windows close together, once the slower (the one with the extension: its debounced
        // read and report) is done, so the page's own idle-time work counts the same in both.
        await Promise.all(runs.map(({ desk }) => desk.shown(RATIO_MESSAGES - 1)));
        for (const [index, run] of runs.entries()) {
          const mode = order[index]!;
          measured[mode] = await run.clock();
          const tasks = await run.longTasks();
          pageLongTasks[mode].push(tasks.length);
          if (run.meters) attributed.push(...attributeLongTasks(tasks, totalUse(useBetween(run.meters, await contentScriptMeters(run.desk.page)))));
        }
      } finally {
        await Promise.all(desks.map((desk) => desk.context.close()));
      }
      ratios.push(measured.with / measured.without);
      differences.push(measured.with - measured.without);
      samples.push(`${round(measured.with)}/${round(measured.without)} ms`);
    }

    // P4, in one browser with the extension, read from the content script's own meter: the burst
    // of 1,000, then live messages on that 1,000-message transcript, then the transcript brought
    // to 10,000 at once and live messages again.
    const desk = await openDesk(simulator.origin, true);
    const p4: { burst: MainThreadUseByEntry; live: MainThreadUseByEntry; tasks: LongTask[] } = { burst: {}, live: {}, tasks: [] };
    let live10k: MainThreadUseByEntry = {};
    let longTasks10k: LongTask[] = [];
    try {
      const longTasks = await countLongTasks(desk.page);
      const appendAll = async (count: number, cadence: number, from: number) => {
        await appendMessages(desk.page, count, cadence, from);
        await desk.shown(from + count - 1);
      };
      p4.burst = await meteredDuring(desk.page, () => appendAll(MESSAGES, BURST_CADENCE_MS, 0));
      p4.live = await meteredDuring(desk.page, () => appendAll(LIVE_MESSAGES, LIVE_CADENCE_MS, MESSAGES));
      p4.tasks = await longTasks();
      await loadHistory(desk, MESSAGES + LIVE_MESSAGES, LONG_TRANSCRIPT);
      const longTasksLong = await countLongTasks(desk.page);
      live10k = await meteredDuring(desk.page, () => appendAll(LIVE_MESSAGES, LIVE_CADENCE_MS, LONG_TRANSCRIPT));
      longTasks10k = await longTasksLong();
    } finally {
      await desk.context.close();
    }

    const burst = totalUse(p4.burst);
    const live = totalUse(p4.live);
    const p4Attributed = attributeLongTasks(p4.tasks, totalUse({ ...p4.burst, ...Object.fromEntries(Object.entries(p4.live).map(([entry, use]) => [`live ${entry}`, use])) }));
    const liveLong = totalUse(live10k);
    const difference = percentile(differences, 50) / RATIO_MESSAGES;
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const sorted = [...ratios].sort((a, b) => a - b);
    return [
      figure('P4.realistic', 'realistic desktop: content script main-thread time per appended message (1,000 messages)', burst.spentMs / MESSAGES, 'ms', PER_MESSAGE_MS, {
        runs: MESSAGES,
        detail: `realistic desktop (top frame + gadget iframe), one message every ${BURST_CADENCE_MS} ms: ${round(burst.spentMs)} ms (${entries(p4.burst)}); cross-check, CPU ScriptDuration with − without per message in the P5 runs, median: ${round(difference)} ms`,
      }),
      figure('P4.realistic.live', 'realistic desktop: same, one read and report per message on a 1,000-message transcript', live.spentMs / LIVE_MESSAGES, 'ms', PER_MESSAGE_MS, {
        runs: LIVE_MESSAGES,
        detail: `one message every ${LIVE_CADENCE_MS} ms after the first 1,000: ${round(live.spentMs)} ms (${entries(p4.live)})`,
      }),
      figure('P4.realistic.live10k', 'realistic desktop: same, on a 10,000-message transcript', liveLong.spentMs / LIVE_MESSAGES, 'ms', PER_MESSAGE_MS, {
        runs: LIVE_MESSAGES,
        detail: `one message every ${LIVE_CADENCE_MS} ms after a ${LONG_TRANSCRIPT.toLocaleString('en')}-message history: ${round(liveLong.spentMs)} ms (${entries(live10k)}); page long tasks meanwhile: ${describeLongTasks(attributeLongTasks(longTasks10k, liveLong))}`,
      }),
      figure('P4.realistic.longtasks', 'realistic desktop: page long tasks (> 50 ms) during both workloads, with the extension', p4.tasks.length, 'tasks', 0, {
        runs: MESSAGES + LIVE_MESSAGES,
        detail: `${describeLongTasks(p4Attributed)}; the content script's longest call ${round(Math.max(burst.longestMs, live.longestMs))} ms (compare with P5.realistic.longtasks)`,
      }),
      figure('P5.realistic', 'realistic desktop: host page scripting time with ÷ without the extension (median)', percentile(ratios, 50), '×', RATIO_MEDIAN, {
        runs: REPETITIONS,
        detail: `CPU ScriptDuration with/without per run: ${samples.join(', ')}; ratios ${ratios.map(round).join(', ')}; spread: min ${round(sorted[0]!)}, quartiles ${round(percentile(ratios, 25))}–${round(percentile(ratios, 75))}, max ${round(sorted.at(-1)!)}`,
      }),
      figure('P5.realistic.max', 'realistic desktop: the same ratio, worst run', Math.max(...ratios), '×', RATIO_WORST, { runs: REPETITIONS }),
      figure('P5.realistic.longtasks', 'realistic desktop: page long tasks (> 50 ms) with the extension − without, over the same runs', sum(pageLongTasks.with) - sum(pageLongTasks.without), 'tasks', 0, {
        runs: REPETITIONS,
        detail: `with, per run: ${pageLongTasks.with.join(', ')} (${sum(pageLongTasks.with)}); without: ${pageLongTasks.without.join(', ')} (${sum(pageLongTasks.without)}); with the extension: ${describeLongTasks(attributed)}`,
      }),
    ];
  } finally {
    await simulator.close();
  }
}
