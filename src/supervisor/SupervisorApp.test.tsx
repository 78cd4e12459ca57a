// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditBody } from '../shared/audit/audit-entry';
import { FakeSupervisorConnector } from './fake-connector';
import { SupervisorApp } from './SupervisorApp';

afterEach(cleanup);

const T0 = new Date(2026, 2, 3, 10).getTime();

function bodies(): AuditBody[] {
  return [
    { kind: 'sign-in', time: T0, agentId: 'a1', conversationId: null, provider: null, data: { userName: 'Alex Agent' } },
    { kind: 'impression', time: T0 + 1, agentId: 'a1', conversationId: 'c1', provider: 'recommendations-query', data: { eventId: 'e1', action: 'impression', recommendationId: 'r1', sourceId: 'kb-billing' } },
    { kind: 'click', time: T0 + 2, agentId: 'a1', conversationId: 'c1', provider: 'recommendations-query', data: { eventId: 'e2', action: 'open', recommendationId: 'r1', sourceId: 'kb-billing' } },
    { kind: 'sign-out', time: T0 + 3, agentId: 'a1', conversationId: null, provider: null, data: { userName: 'Alex Agent' } },
  ];
}

async function renderWith(supervisor: boolean) {
  const connector = new FakeSupervisorConnector(FakeSupervisorConnector.access(supervisor));
  await connector.seed(bodies());
  render(<SupervisorApp connector={connector} />);
  await waitFor(() => expect(screen.getByTestId('match-count').getAttribute('data-count')).toBe('4'));
  return connector;
}

describe('SupervisorApp', () => {
  it('lists the entries with agent names and shows CTR, but no export for an agent', async () => {
    await renderWith(false);
    await waitFor(() => expect(screen.getByTestId('access').getAttribute('data-access')).toBe('missing-permission'));
    expect(screen.getByTestId('access').textContent).toContain('analytics:conversationDetail:view');
    expect(screen.queryByTestId('export')).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId('entry-row')).toHaveLength(4));
    expect(screen.getAllByTestId('entry-row')[1]!.textContent).toContain('Alex Agent');
    expect(screen.getByTestId('total-ctr').textContent).toBe('100%');
  });

  it('applies filters through the connector', async () => {
    const connector = await renderWith(false);
    fireEvent.change(screen.getByRole('combobox', { name: 'Event type' }), { target: { value: 'click' } });
    fireEvent.click(screen.getByTestId('apply-filters'));
    await waitFor(() => expect(screen.getByTestId('match-count').getAttribute('data-count')).toBe('1'));
    expect(connector.queries.at(-1)).toMatchObject({ kind: 'click' });
  });

  it('exports for a supervisor and offers the file again', async () => {
    const connector = await renderWith(true);
    fireEvent.click(await screen.findByTestId('export-ndjson'));
    await waitFor(() => expect(screen.getByTestId('export-status').getAttribute('data-state')).toBe('done'));
    expect(connector.downloads).toHaveLength(1);
    expect(connector.downloads[0]!.fileName).toBe('agent-assist-audit_2026-03-03_2026-03-03_all-agents.ndjson');
    expect((await connector.downloads[0]!.blob.text()).trim().split('\n')).toHaveLength(4);
    expect(screen.getByTestId('export-save').getAttribute('href')).toBe('blob:fake/1');
  });

  it('verifies the stored log and reports a broken one', async () => {
    const connector = await renderWith(false);
    fireEvent.click(screen.getByTestId('verify-stored'));
    await waitFor(() => expect(screen.getByTestId('verify-result').getAttribute('data-ok')).toBe('true'));
    (connector.entriesStored[2]!.data as { action: string }).action = 'copy';
    fireEvent.click(screen.getByTestId('verify-stored'));
    await waitFor(() => expect(screen.getByTestId('verify-result').getAttribute('data-ok')).toBe('false'));
    expect(screen.getByTestId('verify-result').getAttribute('data-break-seq')).toBe('3');
    expect(screen.getByTestId('verify-result').textContent).toContain('#3');
  });

  it('shows when the worker could not write the log', async () => {
    const connector = new FakeSupervisorConnector();
    connector.healthValue = { ok: false, failedEntries: 3, lastError: 'QuotaExceededError: disk full', since: 1, at: 2 };
    render(<SupervisorApp connector={connector} />);
    expect((await screen.findByTestId('audit-health')).textContent).toContain('3 entries were not recorded');
  });
});
