import { figure, percentile, round, type Figure } from './figure';
import { hostWorkload, MESSAGES, PROFILED_MESSAGES, ROUNDS } from './host-workload';

/**
 * P4: the content script's main-thread time per appended transcript message: the page's script
 * time with the extension minus without it (host-workload.ts), per message — everything our
 * content script runs on the page's main thread (its MutationObserver and timers, the debounced
 * reads, its reports to the worker, the inline overlay and insert handlers), and nothing the page
 * does by itself. Long tasks (> 50 ms) of the content script's: unbroken stretches of its code
 * longer than 50 ms in a profiled run (script-stretches.ts); the target is none. The page's own
 * long tasks, with and without the extension, are in the detail.
 */
export async function measureContentScriptCost(): Promise<Figure[]> {
  const { withExtension, without, contentScript } = await hostWorkload();
  const baseline = percentile(without.map((run) => run.scriptMs), 50);
  const perMessage = withExtension.map((run) => (run.scriptMs - baseline) / MESSAGES);
  const pageLongTasks = (runs: typeof withExtension) => runs.map((run) => run.longTasks).join(' / ');
  return [
    figure('P4', `content script main-thread time per appended message (${MESSAGES} messages a run)`, percentile(perMessage, 50), 'ms', 0.3, {
      runs: ROUNDS * MESSAGES,
      detail:
        `median of ${ROUNDS} runs of ${MESSAGES}: page script time with the extension ${withExtension.map((run) => round(run.scriptMs)).join(' / ')} ms, ` +
        `without ${without.map((run) => round(run.scriptMs)).join(' / ')} ms; per message ${perMessage.map((value) => value.toFixed(3)).join(', ')} ms`,
    }),
    figure('P4.longtasks', `content script long tasks (> 50 ms) during ${PROFILED_MESSAGES.toLocaleString('en')} messages`, contentScript.longCount, 'tasks', 0, {
      runs: 1,
      detail:
        `profiled run: content script ${round(contentScript.totalMs)} ms in all, longest unbroken stretch ${round(contentScript.longestMs)} ms; ` +
        `page long tasks (any cause) per run with the extension ${pageLongTasks(withExtension)}, without ${pageLongTasks(without)}`,
    }),
  ];
}
