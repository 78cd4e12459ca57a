import { figure, percentile, round, type Figure } from './figure';
import { hostWorkload, MESSAGES, ROUNDS } from './host-workload';

/**
 * P5: the host page's scripting time with the extension ÷ without, same transcript workload
 * (host-workload.ts: 400 messages a run, browsers side by side, rounds alternating). Also reported:
 * the same ratio for all main-thread task time (script, style, layout, paint).
 */
export async function measureHostScriptingRatio(): Promise<Figure[]> {
  const { withExtension, without } = await hostWorkload();
  const scriptRatios = withExtension.map((run, index) => run.scriptMs / without[index]!.scriptMs);
  const taskRatios = withExtension.map((run, index) => run.taskMs / without[index]!.taskMs);
  return [
    figure('P5', 'host page scripting time with ÷ without the extension', percentile(scriptRatios, 50), 'ratio', 1.1, {
      runs: ROUNDS,
      detail:
        `${MESSAGES} messages per run; script ms with ${withExtension.map((run) => round(run.scriptMs)).join(' / ')}, without ${without.map((run) => round(run.scriptMs)).join(' / ')}; ` +
        `ratios ${scriptRatios.map((ratio) => round(ratio)).join(', ')}. All main-thread task time, with ÷ without: median ${round(percentile(taskRatios, 50))} ` +
        `(${withExtension.map((run) => round(run.taskMs)).join(' / ')} ms vs ${without.map((run) => round(run.taskMs)).join(' / ')} ms)`,
    }),
  ];
}
