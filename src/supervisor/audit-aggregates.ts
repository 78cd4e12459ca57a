import type { AuditEntry } from '../shared/audit/audit-entry';
import { clickThroughRate } from '../shared/metrics/engagement';
import { bucketStart, chartRange, chooseBucketUnit, type BucketUnit } from './chart-buckets';

/**
 * The figures the supervisor page charts, computed from the audit log itself in one pass over the
 * matching entries: CTR (the share of impressions that got at least one click, docs/architecture.md
 * "Metrics definitions") and raw clicks by knowledge source, delivery latency p50/p95, and what the
 * thresholds hid, per hour, day or week (chart-buckets.ts picks which). Also keeps each delivered
 * item's score and age, compactly, so "what if" can replay other thresholds without a new scan.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const TOP_SOURCES = 6;

export interface CtrPoint {
  impressions: number;
  /** Impressions that got at least one click, counted where the impression is. */
  clickedImpressions: number;
  /** Every click, a card copied twice counting twice. */
  clicks: number;
}

const emptyPoint = (): CtrPoint => ({ impressions: 0, clickedImpressions: 0, clicks: 0 });

export interface Aggregates {
  unit: BucketUnit;
  /** Local start (epoch ms) of each bucket that has data, oldest first; the charts label them. */
  buckets: number[];
  ctrBySource: { sourceId: string; points: CtrPoint[]; impressions: number; clicks: number }[];
  latency: { p50: number | null; p95: number | null; count: number }[];
  hidden: { lowScore: number; tooOld: number; shown: number }[];
  totals: { deliveries: number; errors: number; impressions: number; clickedImpressions: number; clicks: number; feedback: number; shown: number; hidden: number };
  whatIf: WhatIfData;
}

/** Every delivered item (shown or hidden), flattened: score and age in days at delivery (NaN: unknown). */
export interface WhatIfData {
  scores: number[];
  ageDays: number[];
  /** Items the agents were actually shown. */
  shown: number;
}

interface HourBucket {
  ctr: Map<string, CtrPoint>;
  latencies: number[];
  lowScore: number;
  tooOld: number;
  shown: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** `range`: the filter's bounds (null: open), which pick the bucket size when given. */
export function createAggregator(range: { from: number | null; to: number | null } = { from: null, to: null }) {
  const hours = new Map<number, HourBucket>();
  const totals = { deliveries: 0, errors: 0, impressions: 0, clickedImpressions: 0, clicks: 0, feedback: 0, shown: 0, hidden: 0 };
  // The latest impression of each conversation + recommendation, so its first click counts once.
  const lastImpression = new Map<string, { point: CtrPoint; clicked: boolean }>();
  const whatIf: WhatIfData = { scores: [], ageDays: [], shown: 0 };
  let first = Infinity;
  let last = -Infinity;

  function bucket(time: number): HourBucket {
    const hour = Math.floor(time / HOUR_MS);
    let found = hours.get(hour);
    if (!found) {
      found = { ctr: new Map(), latencies: [], lowScore: 0, tooOld: 0, shown: 0 };
      hours.set(hour, found);
    }
    first = Math.min(first, time);
    last = Math.max(last, time);
    return found;
  }

  function add(entry: AuditEntry): void {
    switch (entry.kind) {
      case 'delivery': {
        const target = bucket(entry.time);
        const { data } = entry;
        totals.deliveries += 1;
        totals.shown += data.shownCount;
        totals.hidden += data.hiddenCount;
        target.shown += data.shownCount;
        target.lowScore += data.hiddenReasons['low-score'];
        target.tooOld += data.hiddenReasons['too-old'];
        if (data.latencyMs !== null) target.latencies.push(data.latencyMs);
        whatIf.shown += data.shownCount;
        for (const item of [...data.shown, ...data.hidden]) {
          const published = item.publishedDate === null ? Number.NaN : Date.parse(item.publishedDate);
          whatIf.scores.push(item.score);
          whatIf.ageDays.push((entry.time - published) / DAY_MS);
        }
        return;
      }
      case 'provider-error':
        bucket(entry.time);
        totals.errors += 1;
        return;
      case 'impression':
      case 'click': {
        const target = bucket(entry.time);
        const point = target.ctr.get(entry.data.sourceId) ?? emptyPoint();
        target.ctr.set(entry.data.sourceId, point);
        const pair = `${entry.conversationId ?? ''}\n${entry.data.recommendationId}`;
        if (entry.kind === 'impression') {
          point.impressions += 1;
          totals.impressions += 1;
          lastImpression.set(pair, { point, clicked: false });
          return;
        }
        point.clicks += 1;
        totals.clicks += 1;
        const shown = lastImpression.get(pair);
        if (shown && !shown.clicked) {
          shown.clicked = true;
          shown.point.clickedImpressions += 1;
          totals.clickedImpressions += 1;
        }
        return;
      }
      case 'feedback':
        totals.feedback += 1;
        return;
      default:
        return;
    }
  }

  function result(): Aggregates {
    const unit = chooseBucketUnit(chartRange(range, { first, last }));
    const merged = new Map<number, HourBucket>();
    for (const hour of [...hours.keys()].sort((a, b) => a - b)) {
      const source = hours.get(hour)!;
      const label = bucketStart(hour * HOUR_MS, unit);
      const target = merged.get(label) ?? { ctr: new Map<string, CtrPoint>(), latencies: [], lowScore: 0, tooOld: 0, shown: 0 };
      for (const [sourceId, point] of source.ctr) {
        const into = target.ctr.get(sourceId) ?? emptyPoint();
        into.impressions += point.impressions;
        into.clickedImpressions += point.clickedImpressions;
        into.clicks += point.clicks;
        target.ctr.set(sourceId, into);
      }
      for (const latency of source.latencies) target.latencies.push(latency);
      target.lowScore += source.lowScore;
      target.tooOld += source.tooOld;
      target.shown += source.shown;
      merged.set(label, target);
    }
    const buckets = [...merged.keys()];
    const sourceTotals = new Map<string, CtrPoint>();
    for (const value of merged.values()) {
      for (const [sourceId, point] of value.ctr) {
        const total = sourceTotals.get(sourceId) ?? emptyPoint();
        total.impressions += point.impressions;
        total.clickedImpressions += point.clickedImpressions;
        total.clicks += point.clicks;
        sourceTotals.set(sourceId, total);
      }
    }
    const sources = [...sourceTotals.entries()].sort((a, b) => b[1].impressions - a[1].impressions || a[0].localeCompare(b[0])).slice(0, TOP_SOURCES);
    return {
      unit,
      buckets,
      ctrBySource: sources.map(([sourceId, total]) => ({
        sourceId,
        impressions: total.impressions,
        clicks: total.clicks,
        points: buckets.map((label) => merged.get(label)!.ctr.get(sourceId) ?? emptyPoint()),
      })),
      latency: buckets.map((label) => {
        const sorted = [...merged.get(label)!.latencies].sort((a, b) => a - b);
        return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), count: sorted.length };
      }),
      hidden: buckets.map((label) => {
        const value = merged.get(label)!;
        return { lowScore: value.lowScore, tooOld: value.tooOld, shown: value.shown };
      }),
      totals,
      whatIf,
    };
  }

  return { add, result };
}

/** CTR in [0, 1] (clicked impressions ÷ impressions), or null with no impressions. */
export function ctr(point: Pick<CtrPoint, 'impressions' | 'clickedImpressions'>): number | null {
  return clickThroughRate(point.clickedImpressions, point.impressions);
}

/**
 * How many delivered items other thresholds would have shown: the pipeline's own rule
 * (score ≥ min, and age ≤ max when the age is known).
 */
export function whatIfShown(data: WhatIfData, thresholds: { minRelevanceScore: number; maxContentAgeDays: number }): number {
  let shown = 0;
  for (let i = 0; i < data.scores.length; i++) {
    const age = data.ageDays[i]!;
    if (data.scores[i]! >= thresholds.minRelevanceScore && (Number.isNaN(age) || age <= thresholds.maxContentAgeDays)) shown += 1;
  }
  return shown;
}
