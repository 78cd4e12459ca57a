import { getMetricsFromIterator, type PromData, type PromHistogramData, type PromMetrics } from 'prom2javascript';
import { describe, expect, it } from 'vitest';
import type { OutboxStatus } from '../outbox-status';
import type { DayMetrics } from './day-metrics';
import { countAction, countClickedImpression } from './engagement';
import { emptyHistogram, observeLatency } from './latency-histogram';
import { renderPrometheus } from './prometheus';

/**
 * The exposition text is read back by an independent parser from npm (prom2javascript: it rejects
 * malformed lines and histograms whose +Inf bucket disagrees with their count), not by our regexes.
 */
function parse(text: string): Promise<PromMetrics> {
  return getMetricsFromIterator(text.split('\n')[Symbol.iterator]());
}

function samples(metrics: PromMetrics, name: string): PromData[] {
  const family = metrics[name];
  if (!family) throw new Error(`no ${name} in ${Object.keys(metrics).join(', ')}`);
  return family.data as PromData[];
}

const tricky = 'kb "quoted" \\ back\nslash';

function sampleDays(): DayMetrics[] {
  let engagement = countAction([], 'kb-billing', 'agent-1', 'impression');
  engagement = countAction(engagement, 'kb-billing', 'agent-1', 'impression');
  engagement = countAction(engagement, 'kb-billing', 'agent-1', 'copy');
  engagement = countAction(engagement, tricky, 'agent-2', 'open');
  engagement = countAction(engagement, 'kb-billing', 'agent-1', 'helpful');
  engagement = countClickedImpression(engagement, 'kb-billing', 'agent-1');
  const ready = [3, 40, 40, 700].reduce(observeLatency, emptyHistogram());
  const dayTwo = countAction(countAction([], 'kb-billing', 'agent-1', 'insert'), 'kb-billing', 'agent-1', 'impression');
  return [
    { day: '2026-11-25', engagement, latency: { ready, error: observeLatency(emptyHistogram(), 15_000) }, rejected: { 'low-score': 2, 'too-old': 1 }, providerErrors: { '503': 2 } },
    { day: '2026-11-26', engagement: dayTwo, latency: { ready: observeLatency(emptyHistogram(), 8) }, rejected: { 'low-score': 1, invalid: 4 }, providerErrors: { offline: 1 } },
  ];
}

describe('renderPrometheus', () => {
  it('produces text an independent Prometheus parser reads back with the right values', async () => {
    const metrics = await parse(renderPrometheus(sampleDays()));

    const latency = metrics['agentassist_recommendation_latency_seconds'];
    expect(latency?.type).toBe('histogram');
    const histograms = latency?.data as PromHistogramData[];
    const ready = histograms.find((histogram) => histogram.labels.status === 'ready');
    expect(ready?.count).toBe(5);
    expect(ready?.sum).toBeCloseTo((3 + 40 + 40 + 700 + 8) / 1000);
    expect(ready?.buckets).toMatchObject({ '0.005': 1, '0.01': 2, '0.025': 2, '0.05': 4, '0.5': 4, '1': 5, '30': 5, '+Inf': 5 }); // cumulative
    const error = histograms.find((histogram) => histogram.labels.status === 'error');
    expect(error).toMatchObject({ count: 1, sum: 15, buckets: { '10': 0, '30': 1, '+Inf': 1 } });

    expect(metrics['agentassist_recommendation_clicks_total']?.type).toBe('counter');
    expect(samples(metrics, 'agentassist_recommendation_clicks_total')).toEqual(
      expect.arrayContaining([
        { labels: { source_id: 'kb-billing', agent_id: 'agent-1' }, value: 2 }, // a copy on day one, an insert on day two
        { labels: { source_id: tricky, agent_id: 'agent-2' }, value: 1 }, // escaped, and read back intact
      ]),
    );
    expect(samples(metrics, 'agentassist_recommendation_impressions_total')).toContainEqual({ labels: { source_id: 'kb-billing', agent_id: 'agent-1' }, value: 3 });
    // The copy on day one was the first click of an impression; the insert on day two clicked a card copied before.
    expect(samples(metrics, 'agentassist_recommendation_clicked_impressions_total')).toContainEqual({ labels: { source_id: 'kb-billing', agent_id: 'agent-1' }, value: 1 });
    expect(metrics['agentassist_recommendation_ctr_ratio']?.type).toBe('gauge');
    // 1 clicked impression of 3 (2 raw clicks would have made it 67 %). tricky has clicks but no impressions: no rate.
    expect(samples(metrics, 'agentassist_recommendation_ctr_ratio')).toEqual([{ labels: { source_id: 'kb-billing' }, value: 1 / 3 }]);
    expect(samples(metrics, 'agentassist_recommendation_feedback_total')).toContainEqual({ labels: { source_id: 'kb-billing', agent_id: 'agent-1', action: 'helpful' }, value: 1 });
    expect(samples(metrics, 'agentassist_recommendation_rejected_total')).toEqual([
      { labels: { reason: 'invalid' }, value: 4 },
      { labels: { reason: 'low-score' }, value: 3 },
      { labels: { reason: 'too-old' }, value: 1 },
    ]);
    expect(samples(metrics, 'agentassist_provider_errors_total')).toEqual([
      { labels: { status: '503' }, value: 2 },
      { labels: { status: 'offline' }, value: 1 },
    ]);
  });

  it('reports the outbox as gauges when given', async () => {
    const outbox: OutboxStatus = {
      events: 3,
      capacity: 10_000,
      warning: null,
      dropped: 0,
      destinations: [{ id: 'webhook', configured: true, pending: 2, parked: 1, failures: 0, retryAt: null, lastError: null }],
      parked: [],
    };
    const metrics = await parse(renderPrometheus([], outbox));
    expect(metrics['agentassist_feedback_outbox_pending']).toEqual({
      type: 'gauge',
      help: 'Feedback events waiting for delivery, per destination.',
      data: [{ labels: { destination: 'webhook' }, value: 2 }],
    });
    expect(samples(metrics, 'agentassist_feedback_outbox_parked')).toEqual([{ labels: { destination: 'webhook' }, value: 1 }]);
    expect(samples(metrics, 'agentassist_feedback_outbox_dropped_total')).toEqual([{ labels: {}, value: 0 }]);
  });

  it('is still valid exposition text with no data at all', async () => {
    const text = renderPrometheus([]);
    expect(text.endsWith('\n')).toBe(true);
    const metrics = await parse(text);
    expect(metrics['agentassist_recommendation_latency_seconds']).toMatchObject({ type: 'histogram', data: [] });
  });

  it('is checked by a parser that does fail on broken text (so the tests above can fail)', async () => {
    await expect(parse('# TYPE x histogram\nx_bucket{le="1"} 1\nx_count 2\n')).rejects.toThrow(/Malformed histogram/);
    await expect(parse('x{a="b} 1\n')).rejects.toThrow();
  });
});
