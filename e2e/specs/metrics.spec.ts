import { readFile } from 'node:fs/promises';
import { getMetricsFromIterator, type PromData, type PromHistogramData } from 'prom2javascript';
import { addCustomerMessage, dataIds, playScript } from '../support/agent-desktop';
import { metricsReport, recordEvent } from '../support/feedback';
import { expect, test } from '../support/fixtures';
import { setFaults } from '../support/simulator-control';
import { seedConversations } from '../simulator/conversations';

const [billing] = seedConversations;

test.use({ deskOptions: { conversationId: billing!.id } });
const ALEX = '7d3b8c1a-4f5e-4a9b-9c2d-1e2f3a4b5c6d';

test('CTR, latency percentiles, rejected items and provider errors are kept and exported for Prometheus', async ({ context, extensionId, simulator, desk }) => {
  test.setTimeout(90_000);
  const { desktop, panel } = desk;
  await playScript(desktop, billing!);
  const cards = panel.getByTestId('recommendation');
  const shownIds = () => dataIds(cards);
  await expect.poll(shownIds).toEqual(expect.arrayContaining(billing!.expected.visible));

  // The agent sees every card, opens the first, copies it twice and rates it, as the panel reports it.
  const shown = await cards.evaluateAll((nodes) => nodes.map((node) => ({ id: node.getAttribute('data-id')!, sourceId: node.querySelector('[data-source-id]')!.getAttribute('data-source-id')! })));
  for (const card of shown) await recordEvent(panel, { conversationId: billing!.id, recommendationId: card.id, sourceId: card.sourceId, action: 'impression' });
  const first = shown[0]!;
  for (const action of ['open', 'copy', 'copy', 'helpful'] as const) await recordEvent(panel, { conversationId: billing!.id, recommendationId: first.id, sourceId: first.sourceId, action });

  // An action is counted before its reply, but a view is on the panel before the worker announces
  // it to the metrics (publish in src/background/services.ts): wait for what the views add.
  await expect
    .poll(async () => {
      const { summary } = await metricsReport(panel);
      return [summary.latency.ready?.count ?? 0, summary.rejected['low-score'] ?? 0, summary.rejected['too-old'] ?? 0].every((count) => count >= 1);
    })
    .toBe(true);
  const report = await metricsReport(panel);
  const impressions = shown.filter((card) => card.sourceId === first.sourceId).length;
  // CTR is the share of impressions clicked at least once (one card, however often); raw clicks stay apart.
  expect(report.summary.bySource[first.sourceId]).toEqual({ impressions, clickedImpressions: 1, clicks: 3, ctr: 1 / impressions });
  expect(report.summary.byAgent[ALEX]).toEqual({ impressions: shown.length, clickedImpressions: 1, clicks: 3, ctr: 1 / shown.length });
  expect(report.summary.engagement).toContainEqual(expect.objectContaining({ day: new Date().toISOString().slice(0, 10), sourceId: first.sourceId, agentId: ALEX, helpful: 1 }));
  const latency = report.summary.latency.ready!;
  expect(latency.count).toBeGreaterThanOrEqual(1);
  expect(latency.p50Ms).not.toBeNull();
  expect(latency.p95Ms!).toBeGreaterThanOrEqual(latency.p50Ms!);
  expect(latency.p99Ms!).toBeGreaterThanOrEqual(latency.p95Ms!);
  // What the thresholds hid on the way (the billing script has a low-score and a stale article).
  expect(report.summary.rejected['low-score']).toBeGreaterThanOrEqual(1);
  expect(report.summary.rejected['too-old']).toBeGreaterThanOrEqual(1);

  // A provider failure is counted by its status.
  await setFaults(simulator.origin, [{ route: 'query', kind: 'status', status: 400 }]);
  await addCustomerMessage(desktop, billing!.id, 'Also, can I get the refund to a different card?');
  await expect(panel.getByTestId('error')).toBeVisible();
  await expect.poll(async () => (await metricsReport(panel)).summary.providerErrors['400']).toBeGreaterThanOrEqual(1);
  expect((await metricsReport(panel)).summary.latency.error?.count).toBeGreaterThanOrEqual(1);

  // The options page exports it all in the Prometheus text format, under the original service's names.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Download metrics (Prometheus)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^agent-assist-metrics-\d{4}-\d{2}-\d{2}\.prom$/);
  const text = await readFile(await file.path(), 'utf8');
  const metrics = await getMetricsFromIterator(text.split('\n')[Symbol.iterator]());
  expect(metrics['agentassist_recommendation_clicks_total']?.data as PromData[]).toContainEqual({ labels: { source_id: first.sourceId, agent_id: ALEX }, value: 3 });
  expect(metrics['agentassist_recommendation_clicked_impressions_total']?.data as PromData[]).toContainEqual({ labels: { source_id: first.sourceId, agent_id: ALEX }, value: 1 });
  const ctrs = metrics['agentassist_recommendation_ctr_ratio']?.data as PromData[];
  expect(ctrs).toContainEqual({ labels: { source_id: first.sourceId }, value: 1 / impressions });
  expect(ctrs.every((sample) => sample.value <= 1)).toBe(true);
  expect(metrics['agentassist_recommendation_impressions_total']?.data as PromData[]).toContainEqual({ labels: { source_id: first.sourceId, agent_id: ALEX }, value: impressions });
  const histograms = metrics['agentassist_recommendation_latency_seconds']?.data as PromHistogramData[];
  expect(histograms.find((histogram) => histogram.labels.status === 'ready')?.count).toBeGreaterThanOrEqual(latency.count);
  expect(histograms.find((histogram) => histogram.labels.status === 'error')?.count).toBeGreaterThanOrEqual(1);
  expect(metrics['agentassist_provider_errors_total']?.data as PromData[]).toContainEqual({ labels: { status: '400' }, value: expect.any(Number) });
});
