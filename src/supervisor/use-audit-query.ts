import { useEffect, useRef, useState } from 'preact/hooks';
import type { AuditEntry } from '../shared/audit/audit-entry';
import { errorText } from '../pages/error-text';
import { EMPTY_FILTER, type AuditFilter } from './audit-filter';
import type { AuditQueryResult } from './audit-query';
import type { SupervisorConnector } from './connector';

export const PAGE_SIZES = [100, 500, 1000] as const;

export interface AuditQuery {
  /** The filter of the result shown (the last query that finished, not the form's). */
  applied: AuditFilter;
  result: AuditQueryResult | null;
  querying: boolean;
  error: string | null;
  page: number;
  pageSize: number;
  /** The entries of the current page, read back by sequence number. */
  rows: AuditEntry[];
  /** Runs a query, aborting one still running; the result replaces the current one at page 0. */
  run(filter: AuditFilter): void;
  setPage(page: number): void;
  /** Changes the page size and goes back to the first page. */
  setPageSize(size: number): void;
}

/**
 * The supervisor page's query over the audit log: the whole log is filtered once on mount, and
 * again on each `run`; the table then pages through the matches. A newer query aborts an older one,
 * so a slow query can never overwrite the answer to a later filter.
 */
export function useAuditQuery(connector: SupervisorConnector): AuditQuery {
  const [applied, setApplied] = useState<AuditFilter>(EMPTY_FILTER);
  const [result, setResult] = useState<AuditQueryResult | null>(null);
  const [querying, setQuerying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState<number>(PAGE_SIZES[0]);
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const running = useRef<AbortController | null>(null);

  const run = (filter: AuditFilter) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setQuerying(true);
    setError(null);
    connector
      .query(filter, { signal: controller.signal })
      .then((found) => {
        if (controller.signal.aborted) return;
        setApplied(filter);
        setResult(found);
        setPage(0);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorText(caught));
      })
      .finally(() => {
        if (running.current === controller) setQuerying(false);
      });
  };

  useEffect(() => {
    run(EMPTY_FILTER);
    return () => running.current?.abort();
  }, [connector]);

  useEffect(() => {
    if (!result) return;
    let live = true;
    const seqs = result.seqs.slice(page * pageSize, (page + 1) * pageSize);
    connector.entries(seqs).then(
      (found) => live && setRows(found),
      (caught: unknown) => live && setError(errorText(caught)),
    );
    return () => {
      live = false;
    };
  }, [result, page, pageSize, connector]);

  return {
    applied,
    result,
    querying,
    error,
    page,
    pageSize,
    rows,
    run,
    setPage,
    setPageSize(size) {
      setPageSize(size);
      setPage(0);
    },
  };
}
