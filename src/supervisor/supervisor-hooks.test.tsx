// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditBody } from '../shared/audit/audit-entry';
import { EMPTY_FILTER } from './audit-filter';
import { FakeSupervisorConnector } from './fake-connector';
import { useAuditExport } from './use-audit-export';
import { useAuditQuery } from './use-audit-query';
import { useChainVerification } from './use-chain-verification';

afterEach(cleanup);

const T0 = new Date(2026, 2, 3, 10).getTime();
const signIn = (i: number, agentId: string): AuditBody => ({ kind: 'sign-in', time: T0 + i, agentId, conversationId: null, provider: null, data: { userName: agentId } });

async function connectorWith(count: number) {
  const connector = new FakeSupervisorConnector();
  await connector.seed(Array.from({ length: count }, (_, i) => signIn(i, i % 2 === 0 ? 'a1' : 'a2')));
  return connector;
}

describe('useAuditQuery', () => {
  it('queries the whole log on mount, pages through the matches, and a new page size starts at page 0', async () => {
    const connector = await connectorWith(150);
    const { result } = renderHook(() => useAuditQuery(connector));
    await waitFor(() => expect(result.current.rows).toHaveLength(100));
    expect(result.current.result?.seqs).toHaveLength(150);
    expect(result.current.querying).toBe(false);

    await act(() => result.current.setPage(1));
    await waitFor(() => expect(result.current.rows).toHaveLength(50));
    expect(result.current.rows[0]!.seq).toBe(connector.entriesStored[100]!.seq);

    await act(() => result.current.setPageSize(500));
    await waitFor(() => expect(result.current.rows).toHaveLength(150));
    expect(result.current.page).toBe(0);
  });

  it('applies a filter only once its query finished, and a newer query wins over an older one', async () => {
    const connector = await connectorWith(4);
    const { result } = renderHook(() => useAuditQuery(connector));
    await waitFor(() => expect(result.current.result?.seqs).toHaveLength(4));
    await act(() => {
      result.current.run({ ...EMPTY_FILTER, agentId: 'a1' });
      result.current.run({ ...EMPTY_FILTER, agentId: 'a2' });
    });
    await waitFor(() => expect(result.current.rows.map((row) => row.agentId)).toEqual(['a2', 'a2']));
    expect(result.current.applied.agentId).toBe('a2');
    expect(connector.queries.map((filter) => filter.agentId)).toEqual(['', 'a1', 'a2']);
  });

  it('says why a query failed', async () => {
    const connector = await connectorWith(2);
    connector.query = () => Promise.reject(new Error('IndexedDB is closed'));
    const { result } = renderHook(() => useAuditQuery(connector));
    await waitFor(() => expect(result.current.error).toBe('IndexedDB is closed'));
    expect(result.current.querying).toBe(false);
  });
});

describe('useChainVerification', () => {
  it('checks the stored chain and reports its outcome', async () => {
    const connector = await connectorWith(3);
    const { result } = renderHook(() => useChainVerification(connector));
    expect(result.current.state).toEqual({ kind: 'idle' });
    await act(() => result.current.verify('stored'));
    expect(result.current.state).toMatchObject({ kind: 'done', what: 'stored', report: { ok: true } });
  });

  it('says why a check failed', async () => {
    const connector = await connectorWith(1);
    connector.verifyStored = () => Promise.reject(new Error('read failed'));
    const { result } = renderHook(() => useChainVerification(connector));
    await act(() => result.current.verify('stored'));
    expect(result.current.state).toEqual({ kind: 'failed', message: 'read failed' });
  });
});

describe('useAuditExport', () => {
  it('exports the applied filter’s entries and hands the file to the downloads', async () => {
    const connector = await connectorWith(4);
    const { result } = renderHook(() => useAuditExport(connector, { ...EMPTY_FILTER, agentId: 'a1' }));
    const run = await result.current('ndjson', { signal: new AbortController().signal, onProgress: () => undefined });
    expect(run.written).toBe(2);
    expect(connector.downloads).toHaveLength(1);
    expect(connector.downloads[0]!.fileName).toBe(run.fileName);
    expect(run.url).toBe('blob:fake/1');
    const lines = (await connector.downloads[0]!.blob.text()).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { agentId: string }).agentId)).toEqual(['a1', 'a1']);
  });
});
