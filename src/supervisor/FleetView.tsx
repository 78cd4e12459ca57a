import { useEffect, useState } from 'preact/hooks';
import { displayLocale, t } from '../shared/i18n';
import type { FleetQueryName, FleetQueryRequest, FleetQueryResponse } from '../shared/fleet/fleet-status';
import { bucketFor, chainRows, chainRuns, ctrTable, latencyRows, reasonRows, whatIfResult, type ChainRow, type CtrTable } from './fleet-model';
import { formatPercent } from '../shared/locale-format';
import { LineChart } from './LineChart';
import { errorText } from '../pages/error-text';

/**
 * The Fleet view (docs/fleet.md): every install's events in the organisation's ClickHouse, through
 * the shipped queries the worker runs as the read-only user. CTR by knowledge source and by agent
 * over time, latency per provider, not-helpful reasons, "what if" over the fleet, and each
 * install's audit chain.
 */
export interface FleetQueries {
  run(request: FleetQueryRequest): Promise<FleetQueryResponse>;
}

const RANGES = [
  { id: '1d', seconds: 86_400 },
  { id: '7d', seconds: 7 * 86_400 },
  { id: '30d', seconds: 30 * 86_400 },
] as const;

type Loaded = { ctrSource: CtrTable; ctrAgent: CtrTable; latency: ReturnType<typeof latencyRows>; reasons: ReturnType<typeof reasonRows>; chains: ChainRow[] };

function rangeLabel(id: (typeof RANGES)[number]['id']): string {
  return id === '1d' ? t('fleetRange_1d') : id === '7d' ? t('fleetRange_7d') : t('fleetRange_30d');
}

const percent = (value: number) => formatPercent(value, displayLocale(), 0);

/** The name of the chart's x axis, as the audit charts name theirs. */
function bucketName(bucket: number): string {
  return bucket < 86_400 ? t('auditBucketHour') : bucket < 7 * 86_400 ? t('auditBucketDay') : t('auditBucketWeek');
}

function bucketLabel(epochSeconds: number, bucket: number): string {
  const options: Intl.DateTimeFormatOptions = bucket < 86_400 ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(displayLocale(), options).format(epochSeconds * 1000);
}

function CtrSection({ id, title, table, keyName, bucket }: { id: string; title: string; table: CtrTable; keyName: string; bucket: number }) {
  if (table.series.length === 0) return <p data-testid={`${id}-empty`}>{t('fleetNoData')}</p>;
  return (
    <div class="fleet__ctr">
      <LineChart id={id} title={title} labels={table.buckets.map((value) => bucketLabel(value, bucket))} labelsName={bucketName(bucket)} series={table.series.slice(0, 6).map((series) => ({ name: series.key, values: series.points }))} format={percent} yMax={1} />
      <table class="fleet__table" data-testid={`${id}-table`}>
        <thead>
          <tr>
            <th scope="col">{keyName}</th>
            <th scope="col">{t('fleetImpressions')}</th>
            <th scope="col">{t('fleetClicked')}</th>
            <th scope="col">{t('fleetCtr')}</th>
          </tr>
        </thead>
        <tbody>
          {table.series.map((series) => (
            <tr key={series.key} data-testid={`${id}-row`} data-key={series.key} data-impressions={series.impressions} data-clicked={series.clicked}>
              <th scope="row">{series.key || '—'}</th>
              <td>{series.impressions}</td>
              <td>{series.clicked}</td>
              <td>{series.impressions === 0 ? '—' : percent(series.clicked / series.impressions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FleetWhatIf({ queries, range, current }: { queries: FleetQueries; range: { from: number; to: number }; current: { minRelevanceScore: number; maxContentAgeDays: number } }) {
  const [score, setScore] = useState(String(current.minRelevanceScore));
  const [age, setAge] = useState(String(current.maxContentAgeDays));
  const [result, setResult] = useState<{ items: number; would: number; shown: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const minScore = Number(score);
  const maxAgeDays = Number(age);
  const valid = score.trim() !== '' && age.trim() !== '' && minScore >= 0 && minScore <= 1 && maxAgeDays > 0 && maxAgeDays <= 36_500;
  useEffect(() => {
    if (!valid) return;
    let live = true;
    const timer = setTimeout(() => {
      queries.run({ query: 'what_if', ...range, minScore, maxAgeDays }).then(
        (response) => {
          if (!live) return;
          setResult(whatIfResult(response.rows));
          setError(null);
        },
        (caught: unknown) => live && setError(errorText(caught)),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [queries, range.from, range.to, minScore, maxAgeDays, valid]);
  return (
    <section class="what-if" aria-labelledby="fleet-what-if-title">
      <h3 id="fleet-what-if-title">{t('fleetWhatIfTitle')}</h3>
      <div class="what-if__controls">
        <label>
          {t('labelMinRelevanceScore')}
          <input type="number" min="0" max="1" step="0.01" value={score} data-testid="fleet-what-if-score" aria-invalid={!valid} onInput={(event) => setScore(event.currentTarget.value)} />
        </label>
        <label>
          {t('labelMaxContentAgeDays')}
          <input type="number" min="0" step="any" value={age} data-testid="fleet-what-if-age" aria-invalid={!valid} onInput={(event) => setAge(event.currentTarget.value)} />
        </label>
      </div>
      <p role="status" data-testid="fleet-what-if-result" data-would={result?.would ?? ''} data-items={result?.items ?? ''} data-shown={result?.shown ?? ''}>
        {!valid ? t('auditWhatIfInvalid') : error ? t('fleetQueryFailed', error) : result ? t('auditWhatIfResult', [result.would, result.items, result.shown]) : t('fleetLoading')}
      </p>
    </section>
  );
}

function ChainSection({ chains }: { chains: ChainRow[] }) {
  const broken = chains.filter((chain) => !chain.ok);
  const list = (values: number[]) => (values.length === 0 ? '—' : values.slice(0, 20).join(', ') + (values.length > 20 ? ' …' : ''));
  return (
    <section aria-labelledby="fleet-chain-title">
      <h3 id="fleet-chain-title">{t('fleetChainTitle')}</h3>
      <p role="status" data-testid="fleet-chain-summary" data-broken={broken.length} data-installs={chains.length}>
        {broken.length === 0 ? t('fleetChainAllIntact', String(chains.length)) : t('fleetChainBroken', [String(broken.length), String(chains.length)])}
      </p>
      {chains.length > 0 && (
        <table class="fleet__table" data-testid="fleet-chain-table">
          <thead>
            <tr>
              <th scope="col">{t('fleetInstall')}</th>
              <th scope="col">{t('fleetAgents')}</th>
              <th scope="col">{t('fleetEntries')}</th>
              <th scope="col">{t('fleetGapsBefore')}</th>
              <th scope="col">{t('fleetBrokenLinks')}</th>
              <th scope="col">{t('fleetEdited')}</th>
              <th scope="col">{t('fleetConflicting')}</th>
            </tr>
          </thead>
          <tbody>
            {[...broken, ...chains.filter((chain) => chain.ok)].map((chain) => (
              <tr key={chain.installId} class={chain.ok ? '' : 'fleet__broken'} data-testid="fleet-chain-row" data-install={chain.installId} data-ok={String(chain.ok)} data-gaps={chain.gapsBefore.join(',')} data-edited={chain.edited.join(',')} data-broken-links={chain.brokenLinks.join(',')}>
                <th scope="row">
                  <code>{chain.installId}</code>
                </th>
                <td>{chain.agentIds.join(', ') || '—'}</td>
                <td>
                  {chain.entries} ({chain.firstSeq}–{chain.lastSeq})
                </td>
                <td>{list(chain.gapsBefore)}</td>
                <td>{list(chain.brokenLinks)}</td>
                <td>{list(chain.edited)}</td>
                <td>{list(chain.conflicting)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function FleetView({ queries, current, now = () => Date.now() }: { queries: FleetQueries; current: { minRelevanceScore: number; maxContentAgeDays: number }; now?: () => number }) {
  const [rangeId, setRangeId] = useState<(typeof RANGES)[number]['id']>('7d');
  const [range, setRange] = useState(() => ({ from: 0, to: 0 }));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [chainProgress, setChainProgress] = useState<{ done: number; total: number } | null>(null);
  const seconds = RANGES.find((candidate) => candidate.id === rangeId)!.seconds;
  const bucket = bucketFor(seconds);

  const load = () => {
    // To the end of the next minute, so rows written during the check are in range.
    const to = Math.ceil(now() / 60_000) * 60 + 60;
    const next = { from: to - seconds, to };
    setRange(next);
    setBusy(true);
    const run = (query: FleetQueryName) => queries.run({ query, ...next, bucket }).then((response) => response.rows);
    // One run of installs at a time: a whole range at once would hash every entry in one query.
    const checkChains = async () => {
      const runs = chainRuns(await run('chain_installs'));
      const rows: Record<string, unknown>[] = [];
      for (const [done, installs] of runs.entries()) {
        setChainProgress({ done, total: runs.length });
        rows.push(...(await queries.run({ query: 'chain_check', ...next, installs })).rows);
      }
      setChainProgress(null);
      return rows;
    };
    Promise.all([run('ctr_by_source'), run('ctr_by_agent'), run('latency_by_provider'), run('not_helpful_reasons'), checkChains()])
      .then(([source, agent, latency, reasons, chains]) => {
        setLoaded({ ctrSource: ctrTable(source, 'source_id'), ctrAgent: ctrTable(agent, 'agent_id'), latency: latencyRows(latency), reasons: reasonRows(reasons), chains: chainRows(chains) });
        setError(null);
      })
      .catch((caught: unknown) => setError(errorText(caught)))
      .finally(() => setBusy(false));
  };

  useEffect(load, [queries, rangeId]);

  return (
    <section class="fleet" aria-labelledby="fleet-title" data-testid="fleet-view" aria-busy={busy}>
      <h2 id="fleet-title">{t('fleetViewTitle')}</h2>
      <p class="field__hint">{t('fleetViewIntro')}</p>
      <div class="fleet__controls">
        <label>
          {t('fleetRange')}
          <select value={rangeId} data-testid="fleet-range" onChange={(event) => setRangeId(event.currentTarget.value as (typeof RANGES)[number]['id'])}>
            {RANGES.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {rangeLabel(candidate.id)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="button" onClick={load} disabled={busy} data-testid="fleet-refresh">
          {t('fleetRefresh')}
        </button>
      </div>
      {busy && chainProgress && chainProgress.total > 1 && (
        <p role="status" data-testid="fleet-chain-progress">
          {t('fleetChainProgress', [String(chainProgress.done), String(chainProgress.total)])}
        </p>
      )}
      {error && (
        <p class="notice notice--error" role="alert" data-testid="fleet-error">
          {t('fleetQueryFailed', error)}
        </p>
      )}
      {loaded && (
        <div data-testid="fleet-loaded" data-from={range.from} data-to={range.to} data-bucket={bucket}>
          <h3>{t('fleetCtrBySource')}</h3>
          <CtrSection id="fleet-ctr-source" title={t('fleetCtrBySource')} table={loaded.ctrSource} keyName={t('fleetSource')} bucket={bucket} />
          <h3>{t('fleetCtrByAgent')}</h3>
          <CtrSection id="fleet-ctr-agent" title={t('fleetCtrByAgent')} table={loaded.ctrAgent} keyName={t('fleetAgent')} bucket={bucket} />
          <h3>{t('fleetLatency')}</h3>
          <table class="fleet__table" data-testid="fleet-latency-table">
            <thead>
              <tr>
                <th scope="col">{t('fleetProvider')}</th>
                <th scope="col">{t('fleetDeliveries')}</th>
                <th scope="col">{t('fleetCacheHits')}</th>
                <th scope="col">p50</th>
                <th scope="col">p95</th>
              </tr>
            </thead>
            <tbody>
              {loaded.latency.map((row) => (
                <tr key={row.provider} data-testid="fleet-latency-row" data-provider={row.provider} data-p50={row.p50} data-p95={row.p95} data-deliveries={row.deliveries}>
                  <th scope="row">{row.provider || '—'}</th>
                  <td>{row.deliveries}</td>
                  <td>{row.cacheHits}</td>
                  <td>{row.p50} ms</td>
                  <td>{row.p95} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('fleetReasons')}</h3>
          {loaded.reasons.length === 0 ? (
            <p data-testid="fleet-reasons-empty">{t('fleetNoData')}</p>
          ) : (
            <table class="fleet__table" data-testid="fleet-reasons-table">
              <tbody>
                {loaded.reasons.map((row) => (
                  <tr key={row.reason} data-testid="fleet-reason-row" data-reason={row.reason} data-count={row.count}>
                    <th scope="row">{row.reason || t('fleetNoReason')}</th>
                    <td>{row.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <FleetWhatIf queries={queries} range={range} current={current} />
          <ChainSection chains={loaded.chains} />
        </div>
      )}
    </section>
  );
}
