import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { findChromium } from '../support/find-chromium';
import { openDesktop } from '../support/agent-desktop';
import { openBenchSession } from './bench-session';
import { profileWhile, scriptStretches, type Stretches } from './script-stretches';
import { appendMessages, selectConversation } from './transcript-workload';
import { seedConversations } from '../simulator/conversations';

/**
 * The host-page workload behind P4 and P5: transcript messages (one every 10 ms) appended to the
 * simulated desktop, in two browsers side by side in this process — one with the extension
 * (the agent signed in, so the worker answers, the overlay updates and the side panel renders as in
 * real use), one without. Rounds alternate which goes first, so warm-up and background noise do
 * not favour one side; each round starts from a freshly loaded desktop.
 *
 * Per run, Chrome's own accounting for the page's main thread (CDP Performance.getMetrics):
 * `ScriptDuration` (all script, content-script worlds included) and `TaskDuration` (all work:
 * script, style, layout, paint), and the long tasks (> 50 ms) a PerformanceObserver saw, whoever
 * caused them. A last run under the sampling profiler says which were the content script's.
 */
/**
 * Per round: 400 rather than 1,000 keep the whole `npm run bench` within its budget; P4 is per
 * message and P5 a ratio, so the count sets their precision, not their meaning.
 */
export const MESSAGES = 400;
/** The profiled run: as long as a busy chat's burst, for the content script's longest stretch. */
export const PROFILED_MESSAGES = 1000;
export const INTERVAL_MS = 10;
export const ROUNDS = 3;

export interface RunCost {
  scriptMs: number;
  taskMs: number;
  longTasks: number;
  longestTaskMs: number;
}

export interface HostWorkload {
  withExtension: RunCost[];
  without: RunCost[];
  /** One more run with the extension under the sampling profiler: the content script's own stretches. */
  contentScript: Stretches;
}

async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = window as unknown as { __longTasks: number[] };
    scope.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) scope.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
}

async function measureRun(page: Page, work: () => Promise<void>): Promise<RunCost> {
  await watchLongTasks(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
    return { script: value('ScriptDuration'), task: value('TaskDuration') };
  };
  const before = await read();
  await work();
  await new Promise((resolve) => setTimeout(resolve, 2000)); // the debounced tail and the worker's answers
  const after = await read();
  await cdp.detach();
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  return {
    scriptMs: (after.script - before.script) * 1000,
    taskMs: (after.task - before.task) * 1000,
    longTasks: longTasks.length,
    longestTaskMs: Math.max(0, ...longTasks),
  };
}

async function plainBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
  });
}

async function freshDesktop(page: Page, origin: string, conversationId: string): Promise<void> {
  await page.goto(`${origin}/desktop/?timeline=off`);
  await selectConversation(page, conversationId);
  await page.bringToFront();
  await page.waitForTimeout(1500); // the first report and its answer
}

async function runRounds(): Promise<HostWorkload> {
  const billing = seedConversations[0]!;
  const session = await openBenchSession({ latencyMs: 20 });
  const plain = await plainBrowser();
  try {
    const extended = session.desktop;
    const bare = await openDesktop(plain, session.origin);
    const result: Omit<HostWorkload, 'contentScript'> = { withExtension: [], without: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const runWith = async () => {
        await freshDesktop(extended, session.origin, billing.id);
        result.withExtension.push(await measureRun(extended, () => appendMessages(extended, billing.id, MESSAGES, INTERVAL_MS, `with ${round}`)));
      };
      const runWithout = async () => {
        await freshDesktop(bare, session.origin, billing.id);
        result.without.push(await measureRun(bare, () => appendMessages(bare, billing.id, MESSAGES, INTERVAL_MS, `without ${round}`)));
      };
      if (round % 2 === 0) {
        await runWith();
        await runWithout();
      } else {
        await runWithout();
        await runWith();
      }
    }
    // Attribution, in a run of its own (the profiler slows what it watches).
    await freshDesktop(extended, session.origin, billing.id);
    const ours = `chrome-extension://${new URL(session.panel.url()).host}/`; // URL.origin is "null" for this scheme
    const cdp = await session.context.newCDPSession(extended);
    const profile = await profileWhile(cdp, () => appendMessages(extended, billing.id, PROFILED_MESSAGES, INTERVAL_MS, 'profiled'));
    await cdp.detach();
    return { ...result, contentScript: scriptStretches(profile, (url) => url.startsWith(ours)) };
  } finally {
    await plain.close();
    await session.close();
  }
}

let shared: Promise<HostWorkload> | null = null;

/** One set of rounds per `npm run bench`, whether P4, P5 or both asked for it. */
export function hostWorkload(): Promise<HostWorkload> {
  shared ??= runRounds();
  return shared;
}
