import { openBenchSession, seedContext } from './bench-session';
import { figure, percentile, round, type Figure } from './figure';

/**
 * P1: context received by the worker → view published, on a cache hit (p95).
 * P2: the same on a miss, minus the provider's own time as the worker measured it (p95).
 * Both are timed inside the worker (contextReceivedAt → updatedAt), so the test harness's own
 * overhead is not counted.
 */
const HIT_RUNS = 200;
const MISS_RUNS = 100;

export async function measurePipelineLatency(): Promise<Figure[]> {
  const session = await openBenchSession({ latencyMs: 20 });
  try {
    // Only the contexts sent here reach the worker (the session's desktop shows none of its own).
    await session.silenceDesktop();
    const a = seedContext(0);
    const b = seedContext(1);
    await session.sendAndWait(a);
    await session.sendAndWait(b);

    const hits: number[] = [];
    for (let run = 0; run < HIT_RUNS; run++) {
      const view = await session.sendAndWait(run % 2 === 0 ? a : b);
      if (view.source !== 'cache' || view.contextReceivedAt === undefined) throw new Error(`expected a cache hit, got ${view.source ?? view.status}`);
      hits.push(view.updatedAt - view.contextReceivedAt);
    }

    const overheads: number[] = [];
    for (let run = 0; run < MISS_RUNS; run++) {
      const view = await session.sendAndWait(seedContext(run, `bench miss ${run}: is my refund on its way?`));
      if (view.source !== 'provider' || view.contextReceivedAt === undefined || view.providerMs === undefined) {
        throw new Error(`expected a provider answer, got ${view.source ?? view.status}`);
      }
      overheads.push(view.updatedAt - view.contextReceivedAt - view.providerMs);
    }

    return [
      figure('P1', 'context → view published, cache hit, p95', percentile(hits, 95), 'ms', 15, {
        runs: HIT_RUNS,
        detail: `median ${round(percentile(hits, 50))} ms, max ${Math.max(...hits)} ms`,
      }),
      figure('P2', 'same on a miss minus provider time, p95', percentile(overheads, 95), 'ms', 25, {
        runs: MISS_RUNS,
        detail: `median ${round(percentile(overheads, 50))} ms (simulator latency 20 ms subtracted as measured by the worker)`,
      }),
    ];
  } finally {
    await session.close();
  }
}
