import { t } from '../shared/i18n';
import { ctr, type Aggregates } from './audit-aggregates';
import { LineChart } from './LineChart';

const percent = (value: number) => `${Math.round(value * 100)}%`;
const ms = (value: number) => `${Math.round(value)} ms`;
const count = (value: number) => String(Math.round(value));

/** CTR by source, latency percentiles, and what the thresholds hid, over the filtered entries. */
export function Charts({ aggregates }: { aggregates: Aggregates }) {
  const { buckets, totals } = aggregates;
  if (buckets.length === 0) return <p data-testid="charts-empty">{t('auditChartsEmpty')}</p>;
  const overallCtr = ctr(totals);
  return (
    <div class="charts">
      <dl class="totals" data-testid="totals">
        <div>
          <dt>{t('auditTotalDeliveries')}</dt>
          <dd data-testid="total-deliveries">{totals.deliveries}</dd>
        </div>
        <div>
          <dt>{t('auditTotalErrors')}</dt>
          <dd data-testid="total-errors">{totals.errors}</dd>
        </div>
        <div>
          <dt>{t('auditTotalImpressions')}</dt>
          <dd data-testid="total-impressions">{totals.impressions}</dd>
        </div>
        <div>
          <dt>{t('auditTotalClicks')}</dt>
          <dd data-testid="total-clicks">{totals.clicks}</dd>
        </div>
        <div>
          <dt>{t('auditTotalCtr')}</dt>
          <dd data-testid="total-ctr">{overallCtr === null ? '—' : percent(overallCtr)}</dd>
        </div>
      </dl>
      <LineChart
        id="chart-ctr"
        title={t('auditChartCtr')}
        labels={buckets}
        yMax={1}
        format={percent}
        series={aggregates.ctrBySource.map((source) => ({ name: source.sourceId, values: source.points.map(ctr) }))}
      />
      <LineChart
        id="chart-latency"
        title={t('auditChartLatency')}
        labels={buckets}
        format={ms}
        series={[
          { name: 'p50', values: aggregates.latency.map((point) => point.p50) },
          { name: 'p95', values: aggregates.latency.map((point) => point.p95) },
        ]}
      />
      <LineChart
        id="chart-hidden"
        title={t('auditChartHidden')}
        labels={buckets}
        format={count}
        series={[
          { name: t('auditSeriesShown'), values: aggregates.hidden.map((point) => point.shown) },
          { name: t('auditSeriesLowScore'), values: aggregates.hidden.map((point) => point.lowScore) },
          { name: t('auditSeriesTooOld'), values: aggregates.hidden.map((point) => point.tooOld) },
        ]}
      />
    </div>
  );
}
