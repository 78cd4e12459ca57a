import { describe, expect, it } from 'vitest';
import type { AuditBody, AuditEntry, AuditItem } from '../shared/audit/audit-entry';
import { EMPTY_FILTER } from './audit-filter';
import { createAggregator, ctr, percentile, whatIfShown } from './audit-aggregates';
import { queryAudit } from './audit-query';

const DAY = 86_400_000;
const T0 = new Date(2026, 2, 3, 9, 0).getTime();
let seq = 0;

function entry(body: AuditBody): AuditEntry {
  seq += 1;
  return { seq, ...body, prevHash: '0'.repeat(64), hash: '0'.repeat(64) };
}

function delivery(time: number, latencyMs: number, shown: AuditItem[], hidden: (AuditItem & { reason: 'low-score' | 'too-old' })[] = []): AuditEntry {
  const reasons = { 'low-score': hidden.filter((h) => h.reason === 'low-score').length, 'too-old': hidden.filter((h) => h.reason === 'too-old').length };
  return entry({
    kind: 'delivery',
    time,
    agentId: 'a1',
    conversationId: 'c1',
    provider: 'recommendations-query',
    data: { channel: 'chat', source: 'provider', stale: false, latencyMs, providerMs: null, shownCount: shown.length, hiddenCount: hidden.length, hiddenReasons: reasons, invalidCount: 0, thresholds: { minRelevanceScore: 0.8, maxContentAgeDays: 7 }, shown, hidden },
  });
}

function action(kind: 'impression' | 'click', time: number, sourceId: string, recommendationId = 'r'): AuditEntry {
  return entry({ kind, time, agentId: 'a1', conversationId: 'c1', provider: 'p', data: { eventId: `e${seq}`, action: kind === 'click' ? 'open' : 'impression', recommendationId, sourceId } });
}

const item = (score: number, publishedDate: string | null): AuditItem => ({ id: `i${score}`, title: 't', sourceId: 'kb', score, publishedDate });

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('aggregator', () => {
  it('counts CTR as impressions with at least one click, and raw clicks on their own', () => {
    const aggregator = createAggregator();
    // Two cards shown; the first is opened and copied twice, the second never touched.
    for (const e of [
      action('impression', T0, 'kb-billing', 'r1'),
      action('impression', T0, 'kb-billing', 'r2'),
      action('click', T0, 'kb-billing', 'r1'),
      action('click', T0, 'kb-billing', 'r1'),
      action('click', T0, 'kb-billing', 'r1'),
      action('click', T0, 'kb-billing', 'never-shown'),
    ]) aggregator.add(e);
    const result = aggregator.result();
    expect(result.totals).toMatchObject({ impressions: 2, clickedImpressions: 1, clicks: 4 });
    expect(ctr(result.totals)).toBe(0.5);
    const [billing] = result.ctrBySource;
    expect(billing).toMatchObject({ sourceId: 'kb-billing', impressions: 2, clicks: 4 });
    expect(billing!.points.map(ctr)).toEqual([0.5]);
  });

  it('computes CTR by source, latency percentiles and hidden counts per day', () => {
    const aggregator = createAggregator();
    for (const e of [
      action('impression', T0, 'kb-billing'),
      action('impression', T0, 'kb-billing'),
      action('impression', T0, 'kb-billing'),
      action('impression', T0, 'kb-billing'),
      action('click', T0, 'kb-billing'),
      action('impression', T0, 'kb-devices'),
      delivery(T0, 100, [item(0.9, null)], [{ ...item(0.5, null), reason: 'low-score' }]),
      delivery(T0 + 1000, 300, [item(0.85, null)]),
      delivery(T0 + 3 * DAY, 50, [], [{ ...item(0.9, '2020-01-01T00:00:00Z'), reason: 'too-old' }]),
      action('impression', T0 + 3 * DAY, 'kb-billing'),
      action('click', T0 + 3 * DAY, 'kb-billing'),
    ]) aggregator.add(e);
    const result = aggregator.result();
    expect(result.unit).toBe('day');
    expect(result.buckets).toEqual([new Date(2026, 2, 3).getTime(), new Date(2026, 2, 6).getTime()]);
    const billing = result.ctrBySource.find((s) => s.sourceId === 'kb-billing')!;
    expect(billing.points.map(ctr)).toEqual([0.25, 1]);
    expect(result.ctrBySource[0]!.sourceId).toBe('kb-billing');
    expect(result.latency).toEqual([
      { p50: 100, p95: 300, count: 2 },
      { p50: 50, p95: 50, count: 1 },
    ]);
    expect(result.hidden).toEqual([
      { lowScore: 1, tooOld: 0, shown: 2 },
      { lowScore: 0, tooOld: 1, shown: 0 },
    ]);
    expect(result.totals).toMatchObject({ deliveries: 3, impressions: 6, clicks: 2, shown: 2, hidden: 2 });
  });

  it('buckets by hour over short ranges', () => {
    const aggregator = createAggregator();
    aggregator.add(delivery(T0, 10, []));
    aggregator.add(delivery(T0 + 2 * 3_600_000, 20, []));
    const result = aggregator.result();
    expect(result.unit).toBe('hour');
    expect(result.buckets).toEqual([new Date(2026, 2, 3, 9).getTime(), new Date(2026, 2, 3, 11).getTime()]);
  });

  it('picks the bucket from the filter range when one is given, by week over long ranges', () => {
    const short = createAggregator({ from: new Date(2026, 2, 3).getTime(), to: new Date(2026, 2, 4).getTime() });
    short.add(delivery(T0, 10, []));
    expect(short.result().unit).toBe('hour');
    // The same single entry, asked about a quarter: weeks, starting on Monday.
    const long = createAggregator({ from: new Date(2026, 0, 1).getTime(), to: new Date(2026, 3, 1).getTime() });
    long.add(delivery(T0, 10, []));
    long.add(delivery(T0 + 2 * DAY, 30, []));
    const result = long.result();
    expect(result.unit).toBe('week');
    expect(result.buckets).toEqual([new Date(2026, 2, 2).getTime()]);
    expect(result.latency).toEqual([{ p50: 10, p95: 30, count: 2 }]);
  });
});

describe('what if', () => {
  it('replays the pipeline rule over every delivered item', () => {
    const aggregator = createAggregator();
    const at = Date.parse('2026-03-10T00:00:00Z');
    aggregator.add(delivery(at, 10, [item(0.9, '2026-03-08T00:00:00Z'), item(0.85, null)], [
      { ...item(0.7, '2026-03-09T00:00:00Z'), reason: 'low-score' },
      { ...item(0.95, '2026-02-01T00:00:00Z'), reason: 'too-old' },
    ]));
    const { whatIf } = aggregator.result();
    expect(whatIf.shown).toBe(2);
    expect(whatIfShown(whatIf, { minRelevanceScore: 0.8, maxContentAgeDays: 7 })).toBe(2);
    expect(whatIfShown(whatIf, { minRelevanceScore: 0.6, maxContentAgeDays: 7 })).toBe(3);
    expect(whatIfShown(whatIf, { minRelevanceScore: 0.6, maxContentAgeDays: 60 })).toBe(4);
    expect(whatIfShown(whatIf, { minRelevanceScore: 0.9, maxContentAgeDays: 1 })).toBe(0);
  });
});

describe('queryAudit', () => {
  it('collects matching seqs, figures over them, and every agent and provider for the menus', async () => {
    const signIn = entry({ kind: 'sign-in', time: T0, agentId: 'a1', conversationId: null, provider: null, data: { userName: 'Alex Agent' } });
    const other = entry({ kind: 'sign-in', time: T0, agentId: 'b2', conversationId: null, provider: null, data: { userName: 'Bea' } });
    const d = delivery(T0 + 1, 10, [item(0.9, null)]);
    async function* chunks() {
      yield [signIn, other];
      yield [d];
    }
    const progress: number[] = [];
    const result = await queryAudit(chunks(), { ...EMPTY_FILTER, kind: 'delivery' }, { onProgress: (n) => progress.push(n) });
    expect(result.seqs).toEqual([d.seq]);
    expect(result.agents).toEqual([
      { id: 'a1', name: 'Alex Agent' },
      { id: 'b2', name: 'Bea' },
    ]);
    expect(result.providers).toEqual(['recommendations-query']);
    expect(result.aggregates.totals.deliveries).toBe(1);
    expect(progress).toEqual([2, 3]);
  });
});
