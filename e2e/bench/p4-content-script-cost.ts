import { figure, percentile, round, type Figure } from './figure';
import { hostWorkload, MESSAGES, ROUNDS } from './host-workload';

/**
 * P4: the content script's main-thread time per appended transcript message, over 1,000 messages:
 * the page's script time with the extension minus without it (host-workload.ts), per message —
 * everything our content script runs on the page's main thread (its MutationObserver and timers,
 * the debounced reads, its reports to the worker, the inline overlay and insert handlers), and
 * nothing the page does by itself. Long tasks (> 50 ms) are counted by a PerformanceObserver in the
 * page during the run with the extension; the target is none.
 */
export async function measureContentScriptCost(): Promise<Figure[]> {
  const { withExtension, without } = await hostWorkload();
  const baseline = percentile(without.map((run) => run.scriptMs), 50);
  const perMessage = withExtension.map((run) => (run.scriptMs - baseline) / MESSAGES);
  const longTasks = Math.max(...withExtension.map((run) => run.longTasks));
  const longest = Math.max(...withExtension.map((run) => run.longestTaskMs));
  return [
    figure('P4', 'content script main-thread time per appended message (1,000 messages)', percentile(perMessage, 50), 'ms', 0.3, {
      runs: ROUNDS * MESSAGES,
      detail:
        `median of ${ROUNDS} runs of ${MESSAGES}: page script time with the extension ${withExtension.map((run) => round(run.scriptMs)).join(' / ')} ms, ` +
        `without ${without.map((run) => round(run.scriptMs)).join(' / ')} ms; per message ${perMessage.map((value) => value.toFixed(3)).join(', ')} ms`,
    }),
    figure('P4.longtasks', 'long tasks (> 50 ms) on the page during those 1,000 messages, with the extension', longTasks, 'tasks', 0, {
      runs: ROUNDS,
      detail: `longest ${round(longest)} ms with the extension; without it: ${Math.max(...without.map((run) => run.longTasks))} long task(s)`,
    }),
  ];
}
