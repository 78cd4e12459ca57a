import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AuditEntry } from '../shared/audit/audit-entry';
import type { AuditHealth } from '../shared/audit/audit-health';
import type { SupervisorAccess } from '../shared/audit/supervisor-access';
import { displayLocale, t } from '../shared/i18n';
import { formatCount } from '../shared/locale-format';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { AccessBanner } from './AccessBanner';
import { EMPTY_FILTER, endOfLocalDay, exportFileName, startOfLocalDay, type AuditFilter } from './audit-filter';
import type { AuditQueryResult } from './audit-query';
import { Charts } from './Charts';
import { parseDateText } from './date-text';
import type { SupervisorConnector } from './connector';
import { EntryTable } from './EntryTable';
import type { ExportFormat } from './export-audit';
import { ExportPanel, type ExportRun } from './ExportPanel';
import { EMPTY_VALUES, FilterForm, type FilterValues } from './FilterForm';
import { IntegrityPanel, type VerifyState } from './IntegrityPanel';
import { WhatIf } from './WhatIf';
import { FleetView, type FleetQueries } from './FleetView';
import { errorText } from '../pages/error-text';

export const PAGE_SIZES = [100, 500, 1000] as const;

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
  const [applied, setApplied] = useState<AuditFilter>(EMPTY_FILTER);
  const [result, setResult] = useState<AuditQueryResult | null>(null);
  const [querying, setQuerying] = useState(false);
  const [queryError, setQueryError] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState<number>(PAGE_SIZES[0]);
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [selected, setSelected] = useState<AuditEntry | null>(null);
  const [verifyState, setVerifyState] = useState<VerifyState>({ kind: 'idle' });
  const queryAbort = useRef<AbortController | null>(null);
  const [fleetReadable, setFleetReadable] = useState(false);
  const fleetQueries = useMemo<FleetQueries>(() => ({ run: (request) => connector.fleetQuery(request) }), [connector]);

  const checkAccess = () =>
    connector.access().then(setAccess, (error: unknown) =>
      setAccess({ signedIn: false, user: null, supervisor: false, permission: '', reason: 'error', message: errorText(error) }),
    );

  const runQuery = (filter: AuditFilter) => {
    queryAbort.current?.abort();
    const controller = new AbortController();
    queryAbort.current = controller;
    setQuerying(true);
    setQueryError(null);
    connector
      .query(filter, { signal: controller.signal })
      .then((found) => {
        if (controller.signal.aborted) return;
        setApplied(filter);
        setResult(found);
        setPage(0);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setQueryError(errorText(error));
      })
      .finally(() => {
        if (queryAbort.current === controller) setQuerying(false);
      });
  };

  useEffect(() => {
    void checkAccess();
    connector.health().then(setHealth, () => setHealth(null));
    connector.settings().then(setSettings, () => undefined);
    connector.fleetStatus().then((status) => setFleetReadable(status.readConfigured), () => setFleetReadable(false));
    runQuery(EMPTY_FILTER);
    return () => queryAbort.current?.abort();
  }, [connector]);

  // The rows of the current page, read back by seq.
  useEffect(() => {
    if (!result) return;
    let live = true;
    const seqs = result.seqs.slice(page * pageSize, (page + 1) * pageSize);
    connector.entries(seqs).then(
      (found) => live && setRows(found),
      (error: unknown) => live && setQueryError(errorText(error)),
    );
    return () => {
      live = false;
    };
  }, [result, page, pageSize, connector]);

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

  const runExport = async (format: ExportFormat, options: { signal: AbortSignal; onProgress: Parameters<SupervisorConnector['exportEntries']>[2]['onProgress'] }): Promise<ExportRun> => {
    const done = await connector.exportEntries(format, applied, options);
    const fileName = exportFileName(applied, { first: done.first, last: done.last }, format);
    const url = connector.download(done.blob, fileName);
    return { fileName, written: done.written, url };
  };

  const verify = async (what: 'stored' | 'file', file?: File) => {
    setVerifyState({ kind: 'running', what, checked: 0 });
    const onProgress = (checked: number) => setVerifyState({ kind: 'running', what, checked });
    try {
      if (what === 'stored') setVerifyState({ kind: 'done', what, report: await connector.verifyStored({ onProgress }) });
      else if (file) setVerifyState({ kind: 'done', what, report: await connector.verifyFile(file, { onProgress }), fileName: file.name });
    } catch (error) {
      setVerifyState({ kind: 'failed', message: errorText(error) });
    }
  };

  const agentNames = useMemo(() => new Map((result?.agents ?? []).flatMap((agent) => (agent.name ? [[agent.id, agent.name] as const] : []))), [result]);
  const total = result?.seqs.length ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <main class="supervisor" data-testid="supervisor" aria-busy={querying}>
      <h1>{t('supervisorTitle')}</h1>
      <AccessBanner access={access} signingIn={signingIn} onSignIn={() => void signIn()} onSignOut={() => void signOut()} />
      {health && !health.ok && (
        <p class="notice notice--error" role="alert" data-testid="audit-health">
          {t('auditHealthFailing', [health.failedEntries, health.lastError ?? ''])}
        </p>
      )}
      <FilterForm values={values} agents={result?.agents ?? []} providers={result?.providers ?? []} busy={querying} onChange={setValues} onApply={() => {
          const filter = filterFrom(values);
          if (filter) runQuery(filter);
        }} />
      {queryError && (
        <p class="notice notice--error" role="alert">
          {t('auditQueryFailed', queryError)}
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
              <button type="button" class="button" disabled={page === 0} onClick={() => setPage(page - 1)} data-testid="page-previous">
                {t('auditPagePrevious')}
              </button>
              <span data-testid="page-indicator">{t('auditPageOf', [page + 1, pages])}</span>
              <button type="button" class="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)} data-testid="page-next">
                {t('auditPageNext')}
              </button>
              <label>
                {t('auditPageSize')}
                <select
                  value={String(pageSize)}
                  onChange={(event) => {
                    setPageSize(Number(event.currentTarget.value));
                    setPage(0);
                  }}
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

      <IntegrityPanel state={verifyState} onVerifyStored={() => void verify('stored')} onVerifyFile={(file) => void verify('file', file)} />

      {fleetReadable && <FleetView queries={fleetQueries} current={settings} />}
    </main>
  );
}
