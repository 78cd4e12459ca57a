import { openBenchSession } from './bench-session';
import { figure, percentile, round, type Figure } from './figure';
import { selectConversation } from './transcript-workload';
import { seedConversations } from '../simulator/conversations';

/**
 * P3: the whole path as the agent sees it: a new line appears in the desktop's transcript → the
 * side panel shows the cards answering it, minus the content script's debounce (400 ms, on
 * purpose) and the provider's own time (as the worker measured it). Each line makes a new context,
 * so each run asks the provider (simulator latency 0).
 *
 * Clocks: the mutation time is taken in the desktop page right after it appends the line, the
 * render time in the side panel page by a MutationObserver on the panel's `data-context-received-at`
 * (set in the same render as the cards); both are Date.now() on the same machine.
 */
const RUNS = 40;
const DEBOUNCE_MS = 400; // src/content/context-watcher.ts DEFAULT_DEBOUNCE_MS

export async function measureMutationToCard(): Promise<Figure[]> {
  const session = await openBenchSession({ latencyMs: 0 });
  try {
    const billing = seedConversations[0]!;
    await selectConversation(session.desktop, billing.id);
    await session.panel.getByTestId('recommendation').first().waitFor({ timeout: 20_000 });
    await session.panel.evaluate(() => {
      const scope = window as unknown as { __rendered: { at: number; contextReceivedAt: number; status: string }[] };
      scope.__rendered = [];
      const main = document.querySelector('[data-testid="panel"]')!;
      new MutationObserver(() => {
        const contextReceivedAt = Number(main.getAttribute('data-context-received-at'));
        const status = main.getAttribute('data-status') ?? '';
        const cards = document.querySelectorAll('[data-testid="recommendation"]').length;
        if (status === 'ready' && cards > 0) scope.__rendered.push({ at: Date.now(), contextReceivedAt, status });
      }).observe(main, { attributes: true, attributeFilter: ['data-context-received-at', 'data-status'], subtree: false });
    });

    // As in real use: the desktop is the tab in front, the side panel beside it.
    await session.desktop.bringToFront();
    const samples: number[] = [];
    const wholePath: number[] = [];
    // Where the time goes: content script after its debounce, worker minus provider, panel render.
    const contentSide: number[] = [];
    const workerSide: number[] = [];
    const panelSide: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const mutatedAt = await session.desktop.evaluate(
        ([id, text]) => {
          (window as unknown as { __simDesktop: { addMessage(id: string, author: string, text: string): void } }).__simDesktop.addMessage(id, 'customer', text);
          return Date.now();
        },
        [billing.id, `Run ${run}: and the refund for the double charge, when does it reach my card?`] as const,
      );
      const deadline = Date.now() + 20_000;
      let rendered: { at: number; contextReceivedAt: number } | undefined;
      while (!rendered) {
        rendered = await session.panel.evaluate(
          (after) => (window as unknown as { __rendered: { at: number; contextReceivedAt: number }[] }).__rendered.find((entry) => entry.contextReceivedAt >= after),
          mutatedAt,
        );
        if (!rendered && Date.now() > deadline) throw new Error(`run ${run}: the panel showed no answer to the new line`);
        if (!rendered) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const view = await session.view();
      if (!view || view.contextReceivedAt !== rendered.contextReceivedAt || view.providerMs === undefined) {
        throw new Error(`run ${run}: expected the provider's answer to this line (got ${view?.source ?? 'nothing'})`);
      }
      wholePath.push(rendered.at - mutatedAt);
      contentSide.push(rendered.contextReceivedAt - mutatedAt - DEBOUNCE_MS);
      workerSide.push(view.updatedAt - rendered.contextReceivedAt - view.providerMs);
      panelSide.push(rendered.at - view.updatedAt);
      samples.push(rendered.at - mutatedAt - DEBOUNCE_MS - view.providerMs);
      await session.panel.evaluate(() => ((window as unknown as { __rendered: unknown[] }).__rendered.length = 0));
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return [
      figure('P3', 'transcript mutation → card in panel, − debounce − provider, p95', percentile(samples, 95), 'ms', 30, {
        runs: RUNS,
        detail:
          `median ${round(percentile(samples, 50))} ms; p95 by part: content script ${percentile(contentSide, 95)} ms, worker ${percentile(workerSide, 95)} ms, ` +
          `panel ${percentile(panelSide, 95)} ms; whole path median ${round(percentile(wholePath, 50))} ms, p95 ${round(percentile(wholePath, 95))} ms (debounce ${DEBOUNCE_MS} ms included there)`,
      }),
    ];
  } finally {
    await session.close();
  }
}
