// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSupervisorConnector } from './fake-connector';
import { FleetView } from './FleetView';

afterEach(cleanup);

describe('Fleet view', () => {
  it('shows two agents side by side, latency per provider, and lists a broken chain first', async () => {
    const connector = new FakeSupervisorConnector();
    connector.fleetRows = {
      ctr_by_agent: [
        { bucket: 3600, agent_id: 'agent-a', impressions: '4', clicked: '2' },
        { bucket: 3600, agent_id: 'agent-b', impressions: '3', clicked: '0' },
      ],
      latency_by_provider: [{ provider: 'recommendations-query', deliveries: '5', cache_hits: '1', p50: 40, p95: 90 }],
      chain_check: [
        { install_id: 'i-ok', agent_ids: ['agent-a'], entries: '5', first_seq: '1', last_seq: '5', gaps_before: [], broken_links: [], edited: [], conflicting: [] },
        { install_id: 'i-bad', agent_ids: ['agent-b'], entries: '4', first_seq: '1', last_seq: '5', gaps_before: ['4'], broken_links: [], edited: [], conflicting: [] },
      ],
      what_if: [{ items: '10', would: '6', shown: '4' }],
    };
    render(<FleetView queries={{ run: (request) => connector.fleetQuery(request) }} current={{ minRelevanceScore: 0.8, maxContentAgeDays: 7 }} now={() => Date.parse('2026-12-01T12:00:00Z')} />);
    const agents = await screen.findAllByTestId('fleet-ctr-agent-row');
    expect(agents.map((row) => [row.dataset.key, row.dataset.impressions, row.dataset.clicked])).toEqual([
      ['agent-a', '4', '2'],
      ['agent-b', '3', '0'],
    ]);
    expect(screen.getByTestId('fleet-latency-row').dataset).toMatchObject({ provider: 'recommendations-query', p50: '40', p95: '90' });
    expect(screen.getByTestId('fleet-chain-summary').textContent).toBe('1 of 2 installs have gaps or edits in their audit chain.');
    expect(screen.getAllByTestId('fleet-chain-row')[0]!.dataset).toMatchObject({ install: 'i-bad', ok: 'false', gaps: '4' });
    await waitFor(() => expect(screen.getByTestId('fleet-what-if-result').dataset.would).toBe('6'));
    fireEvent.input(screen.getByTestId('fleet-what-if-score'), { target: { value: '2' } });
    await waitFor(() => expect(screen.getByTestId('fleet-what-if-result').getAttribute('aria-invalid')).toBeNull());
    expect(screen.getByTestId('fleet-what-if-score').getAttribute('aria-invalid')).toBe('true');
    const request = connector.fleetRequests.find((item) => item.query === 'ctr_by_agent')!;
    expect(request.to - request.from).toBe(7 * 86_400);
    expect(request.bucket).toBe(86_400);
  });

  it('checks the chains one run of installs at a time and lists every install once', async () => {
    const connector = new FakeSupervisorConnector();
    const chain = (install: string) => ({ install_id: install, agent_ids: [`agent-${install}`], entries: '3', first_seq: '1', last_seq: '3', gaps_before: [], broken_links: [], edited: [], conflicting: [] });
    connector.fleetRows = {
      chain_installs: [
        { install_id: 'i-1', rows: '30000' },
        { install_id: 'i-2', rows: '30000' },
        { install_id: 'i-3', rows: '15000' },
      ],
      chain_check: [chain('i-1'), chain('i-2'), chain('i-3')],
    };
    render(<FleetView queries={{ run: (request) => connector.fleetQuery(request) }} current={{ minRelevanceScore: 0.8, maxContentAgeDays: 7 }} now={() => Date.parse('2026-12-01T12:00:00Z')} />);
    await waitFor(() => expect(screen.getByTestId('fleet-chain-summary').textContent).toBe("All 3 installs' chains are intact in this period."));
    expect(connector.fleetRequests.filter((request) => request.query === 'chain_check').map((request) => request.installs)).toEqual([
      { first: 'i-1', last: 'i-1' },
      { first: 'i-2', last: 'i-3' },
    ]);
    expect(screen.getAllByTestId('fleet-chain-row').map((row) => row.dataset.install)).toEqual(['i-1', 'i-2', 'i-3']);
  });
});
