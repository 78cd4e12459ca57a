import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AuditEntry } from '../shared/audit/audit-entry';
import type { AuditHealth } from '../shared/audit/audit-health';
import type { SupervisorAccess } from '../shared/audit/supervisor-access';
import { displayLocale, t } from '../shared/i18n';
import { formatCount } from '../shared/locale-format';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { AccessBanner } from './AccessBanner';
import { endOfLocalDay, startOfLocalDay, type AuditFilter } from './audit-filter';
import { Charts } from './Charts';
import { parseDateText } from './date-text';
import type { SupervisorConnector } from './connector';
import { EntryTable } from './EntryTable';
import { ExportPanel } from './ExportPanel';
import { EMPTY_VALUES, FilterForm, type FilterValues } from './FilterForm';
import { IntegrityPanel } from './IntegrityPanel';
import { WhatIf } from './WhatIf';
import { PAGE_SIZES, useAuditQuery } from './use-audit-query';
import { useChainVerification } from './use-chain-verification';
import { useAuditExport } from './use-audit-export';
import { FleetView, type FleetQueries } from './FleetView';
import { errorText } from '../pages/error-text';


/** The filter the form describes; null while a date box holds something that is not a date. */
function filterFrom(values: FilterValues): AuditFilter | null {
  const from = parseDateText(values.from, displayLocale());
  const to = parseDateText(values.to, displayLocale());
  if (from === null || to === null) return null;
  return {
    from: startOfLocalDay(from),
    to: endOfLocalDay(to),
    agentId: values.agentId,
    conversationId: values.conversationId.trim(),
    kind: values.kind,
    provider: values.provider,
  };
}

export function SupervisorApp({ connector }: { connector: SupervisorConnector }) {
  const [access, setAccess] = useState<SupervisorAccess | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const [health, setHealth] = useState<AuditHealth | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [values, setValues] = useState<FilterValues>(EMPTY_VALUES);
  const query = useAuditQuery(connector);
  const verification = useChainVerification(connector);
  const runExport = useAuditExport(connector, query.applied);
  const [selected, setSelected] = useState<AuditEntry | null>(null);
  const [fleetReadable, setFleetReadable] = useState(false);
  const fleetQueries = useMemo<FleetQueries>(() => ({ run: (request) => connector.fleetQuery(request) }), [connector]);

  const checkAccess = () =>
    connector.access().then(setAccess, (error: unknown) =>
      setAccess({ signedIn: false, user: null, supervisor: false, permission: '', reason: 'error', message: errorText(error) }),
    );

  useEffect(() => {
    void checkAccess();
    connector.health().then(setHealth, () => setHealth(null));
    connector.settings().then(setSettings, () => undefined);
    connector.fleetStatus().then((status) => setFleetReadable(status.readConfigured), () => setFleetReadable(false));
  }, [connector]);

  const signIn = async () => {
    setSigningIn(true);
    try {
      await connector.signIn();
    } catch (error) {
      setAccess((previous) => (previous ? { ...previous, message: errorText(error) } : previous));
    } finally {
      setSigningIn(false);
      await checkAccess();
    }
  };

  const signOut = async () => {
    setSigningIn(true);
    try {
      await connector.signOut();
    } catch (error) {
      setAccess((previous) => (previous ? { ...previous, message: errorText(error) } : previous));
    } finally {
      setSigningIn(false);
      await checkAccess();
    }
  };

  const { result, rows, page, pageSize } = query;
  const agentNames = useMemo(() => new Map((result?.agents ?? []).flatMap((agent) => (agent.name ? [[agent.id, agent.name] as const] : []))), [result]);
  const total = result?.seqs.length ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <main class="supervisor" data-testid="supervisor" aria-busy={query.querying}>
      <h1>{t('supervisorTitle')}</h1>
      <AccessBanner access={access} signingIn={signingIn} onSignIn={() => void signIn()} onSignOut={() => void signOut()} />
      {health && !health.ok && (
        <p class="notice notice--error" role="alert" data-testid="audit-health">
          {t('auditHealthFailing', [health.failedEntries, health.lastError ?? ''])}
        </p>
      )}
      <FilterForm values={values} agents={result?.agents ?? []} providers={result?.providers ?? []} busy={query.querying} onChange={setValues} onApply={() => {
          const filter = filterFrom(values);
          if (filter) query.run(filter);
        }} />
      {query.error && (
        <p class="notice notice--error" role="alert">
          {t('auditQueryFailed', query.error)}
        </p>
      )}

      <section aria-labelledby="entries-title">
        <h2 id="entries-title">{t('auditEntriesTitle')}</h2>
        <p role="status" data-testid="match-count" data-count={total}>
          {result ? t('auditMatchCount', [formatCount(total, displayLocale()), formatCount(result.scanned, displayLocale())]) : t('auditLoading')}
        </p>
        {total > 0 && (
          <>
            <EntryTable rows={rows} agentNames={agentNames} offset={page * pageSize} total={total} selected={selected?.seq ?? null} onSelect={(seq) => setSelected(rows.find((row) => row.seq === seq) ?? null)} />
            <nav class="pager" aria-label={t('auditPager')}>
              <button type="button" class="button" disabled={page === 0} onClick={() => query.setPage(page - 1)} data-testid="page-previous">
                {t('auditPagePrevious')}
              </button>
              <span data-testid="page-indicator">{t('auditPageOf', [page + 1, pages])}</span>
              <button type="button" class="button" disabled={page + 1 >= pages} onClick={() => query.setPage(page + 1)} data-testid="page-next">
                {t('auditPageNext')}
              </button>
              <label>
                {t('auditPageSize')}
                <select
                  value={String(pageSize)}
                  onChange={(event) => query.setPageSize(Number(event.currentTarget.value))}
                >
                  {PAGE_SIZES.map((size) => (
                    <option key={size} value={size}>
                      {size}
                    </option>
                  ))}
                </select>
              </label>
            </nav>
          </>
        )}
        {selected && (
          <details open class="entry-detail" data-testid="entry-detail">
            <summary>{t('auditEntryDetail', selected.seq)}</summary>
            <pre>{JSON.stringify(selected, null, 2)}</pre>
          </details>
        )}
      </section>

      {access?.supervisor && <ExportPanel matches={total} run={runExport} release={(url) => connector.release(url)} />}

      <section aria-labelledby="charts-title">
        <h2 id="charts-title">{t('auditChartsTitle')}</h2>
        {result && <Charts aggregates={result.aggregates} />}
        {result && <WhatIf key={`${settings.minRelevanceScore}/${settings.maxContentAgeDays}`} data={result.aggregates.whatIf} current={settings} />}
      </section>

      <IntegrityPanel state={verification.state} onVerifyStored={() => void verification.verify('stored')} onVerifyFile={(file) => void verification.verify('file', file)} />

      {fleetReadable && <FleetView queries={fleetQueries} current={settings} />}
    </main>
  );
}
