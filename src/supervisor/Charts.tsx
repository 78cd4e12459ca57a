import { displayLocale, t } from '../shared/i18n';
import { formatCount, formatMilliseconds, formatPercent } from '../shared/locale-format';
import { ctr, type Aggregates } from './audit-aggregates';
import { bucketLabel, type BucketUnit } from './chart-buckets';
import { LineChart } from './LineChart';

// Thunks with literal keys, so the messages test finds every key used.
const UNIT_NAMES: Record<BucketUnit, () => string> = {
  hour: () => t('auditBucketHour'),
  day: () => t('auditBucketDay'),
  week: () => t('auditBucketWeek'),
};

/** CTR by source, latency percentiles, and what the thresholds hid, over the filtered entries. */
export function Charts({ aggregates }: { aggregates: Aggregates }) {
  const { buckets, totals, unit } = aggregates;
  if (buckets.length === 0) return <p data-testid="charts-empty">{t('auditChartsEmpty')}</p>;
  const locale = displayLocale();
  const percent = (value: number) => formatPercent(value, locale, 0);
  const ms = (value: number) => formatMilliseconds(value, locale);
  const count = (value: number) => formatCount(value, locale);
  const labels = buckets.map((start) => bucketLabel(start, unit, locale));
  const labelsName = UNIT_NAMES[unit]();
  const overallCtr = ctr(totals);
  return (
    <div class="charts" data-testid="charts" data-unit={unit}>
      <dl class="totals" data-testid="totals">
        <div>
          <dt>{t('auditTotalDeliveries')}</dt>
          <dd data-testid="total-deliveries">{count(totals.deliveries)}</dd>
        </div>
        <div>
          <dt>{t('auditTotalErrors')}</dt>
          <dd data-testid="total-errors">{count(totals.errors)}</dd>
        </div>
        <div>
          <dt>{t('auditTotalImpressions')}</dt>
          <dd data-testid="total-impressions">{count(totals.impressions)}</dd>
        </div>
        <div>
          <dt>{t('auditTotalClicks')}</dt>
          <dd data-testid="total-clicks">{count(totals.clicks)}</dd>
        </div>
        <div>
          <dt>{t('auditTotalCtr')}</dt>
          <dd data-testid="total-ctr">{overallCtr === null ? '—' : percent(overallCtr)}</dd>
        </div>
      </dl>
      <LineChart
        id="chart-ctr"
        title={t('auditChartCtr')}
        labels={labels}
        labelsName={labelsName}
        yMax={1}
        format={percent}
        series={aggregates.ctrBySource.map((source) => ({ name: source.sourceId, values: source.points.map(ctr) }))}
      />
      <LineChart
        id="chart-latency"
        title={t('auditChartLatency')}
        labels={labels}
        labelsName={labelsName}
        format={ms}
        series={[
          { name: 'p50', values: aggregates.latency.map((point) => point.p50) },
          { name: 'p95', values: aggregates.latency.map((point) => point.p95) },
        ]}
      />
      <LineChart
        id="chart-hidden"
        title={t('auditChartHidden')}
        labels={labels}
        labelsName={labelsName}
        integer
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
