import type { OutboxStatus } from '../outbox-status';
import type { DayMetrics } from './day-metrics';
import { engagementRows, totalsBy } from './engagement';
import { LATENCY_BUCKET_BOUNDS_MS } from './latency-histogram';
import { latencyByStatus } from './summarize-metrics';

/**
 * The metrics in the Prometheus text exposition format (version 0.0.4), under the names the
 * original service used, so existing dashboards keep working: the latency histogram
 * `agentassist_recommendation_latency_seconds{status}` and `agentassist_recommendation_clicks_total
 * {source_id, agent_id}` (raw clicks), plus impressions, clicked impressions and CTR as defined in
 * docs/architecture.md "Metrics definitions", feedback, rejected items, provider errors and the outbox.
 * Counters are sums over the days kept (older days are pruned, which Prometheus sees as a reset).
 * https://prometheus.io/docs/instrumenting/exposition_formats/#text-format-details
 */

type Labels = Record<string, string>;
interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  samples: { suffix?: string; labels: Labels; value: number }[];
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatValue(value: number): string {
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (Number.isNaN(value)) return 'NaN';
  return String(value);
}

function formatLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabelValue(value)}"`);
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

function renderFamily(family: Family): string {
  const lines = [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`];
  for (const sample of family.samples) lines.push(`${family.name}${sample.suffix ?? ''}${formatLabels(sample.labels)} ${formatValue(sample.value)}`);
  return lines.join('\n');
}

function counterBy(rows: ReturnType<typeof engagementRows>, pick: (row: ReturnType<typeof engagementRows>[number]) => number): Map<string, { labels: Labels; value: number }> {
  const totals = new Map<string, { labels: Labels; value: number }>();
  for (const row of rows) {
    const key = JSON.stringify([row.sourceId, row.agentId]);
    const entry = totals.get(key) ?? { labels: { source_id: row.sourceId, agent_id: row.agentId }, value: 0 };
    entry.value += pick(row);
    totals.set(key, entry);
  }
  return totals;
}

function latencyFamily(days: readonly DayMetrics[]): Family {
  const samples: Family['samples'] = [];
  for (const [status, histogram] of Object.entries(latencyByStatus(days)).sort(([a], [b]) => a.localeCompare(b))) {
    let cumulative = 0;
    for (const [index, bound] of LATENCY_BUCKET_BOUNDS_MS.entries()) {
      cumulative += histogram.buckets[index] ?? 0;
      samples.push({ suffix: '_bucket', labels: { status, le: formatValue(bound / 1000) }, value: cumulative });
    }
    samples.push({ suffix: '_bucket', labels: { status, le: '+Inf' }, value: histogram.count });
    samples.push({ suffix: '_sum', labels: { status }, value: histogram.sumMs / 1000 });
    samples.push({ suffix: '_count', labels: { status }, value: histogram.count });
  }
  return { name: 'agentassist_recommendation_latency_seconds', help: 'Time from the start of the request that produced the recommendations to their publication: our overhead plus the provider round trip.', type: 'histogram', samples };
}

function countsFamily(name: string, help: string, label: string, counts: Record<string, number>): Family {
  const samples = Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ labels: { [label]: key }, value }));
  return { name, help, type: 'counter', samples };
}

function sumCounts(days: readonly DayMetrics[], pick: (day: DayMetrics) => Record<string, number>): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const day of days) for (const [key, value] of Object.entries(pick(day))) sums[key] = (sums[key] ?? 0) + value;
  return sums;
}

function outboxFamilies(outbox: OutboxStatus): Family[] {
  return [
    {
      name: 'agentassist_feedback_outbox_pending',
      help: 'Feedback events waiting for delivery, per destination.',
      type: 'gauge',
      samples: outbox.destinations.map((destination) => ({ labels: { destination: destination.id }, value: destination.pending })),
    },
    {
      name: 'agentassist_feedback_outbox_parked',
      help: 'Feedback events a destination refused (4xx) and that are kept for a supervisor, per destination.',
      type: 'gauge',
      samples: outbox.destinations.map((destination) => ({ labels: { destination: destination.id }, value: destination.parked })),
    },
    { name: 'agentassist_feedback_outbox_dropped_total', help: 'Feedback events dropped because the outbox was full.', type: 'counter', samples: [{ labels: {}, value: outbox.dropped }] },
  ];
}

export function renderPrometheus(days: readonly DayMetrics[], outbox?: OutboxStatus): string {
  const rows = engagementRows(days);
  const byPair = (pick: (row: (typeof rows)[number]) => number) => [...counterBy(rows, pick).values()];
  const families: Family[] = [
    latencyFamily(days),
    { name: 'agentassist_recommendation_clicks_total', help: 'Every open, copy or insert of a recommendation (a card copied twice counts twice).', type: 'counter', samples: byPair((row) => row.clicks) },
    { name: 'agentassist_recommendation_impressions_total', help: 'Recommendations shown to an agent.', type: 'counter', samples: byPair((row) => row.impressions) },
    {
      name: 'agentassist_recommendation_clicked_impressions_total',
      help: 'Impressions that got at least one click (open, copy or insert).',
      type: 'counter',
      samples: byPair((row) => row.clickedImpressions),
    },
    {
      name: 'agentassist_recommendation_ctr_ratio',
      help: 'Share of impressions that got at least one click, per knowledge base, over the days kept (0 to 1).',
      type: 'gauge',
      samples: Object.entries(totalsBy(rows, (row) => row.sourceId))
        .filter(([, total]) => total.ctr !== null)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([sourceId, total]) => ({ labels: { source_id: sourceId }, value: total.ctr ?? 0 })),
    },
    {
      name: 'agentassist_recommendation_feedback_total',
      help: 'Ratings and dismissals of recommendations.',
      type: 'counter',
      samples: [
        ...byPair((row) => row.helpful).map((sample) => ({ ...sample, labels: { ...sample.labels, action: 'helpful' } })),
        ...byPair((row) => row.notHelpful).map((sample) => ({ ...sample, labels: { ...sample.labels, action: 'not_helpful' } })),
        ...byPair((row) => row.dismissed).map((sample) => ({ ...sample, labels: { ...sample.labels, action: 'dismissed' } })),
      ],
    },
    countsFamily('agentassist_recommendation_rejected_total', 'Recommendations hidden by the thresholds or dropped as invalid, by reason.', 'reason', sumCounts(days, (day) => day.rejected)),
    countsFamily('agentassist_provider_errors_total', 'Failed provider requests, by HTTP status or failure kind.', 'status', sumCounts(days, (day) => day.providerErrors)),
    ...(outbox ? outboxFamilies(outbox) : []),
  ];
  return `${families.map(renderFamily).join('\n')}\n`;
}
