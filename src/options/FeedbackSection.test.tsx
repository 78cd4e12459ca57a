// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { getMetricsFromIterator, type PromData } from 'prom2javascript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeOptionsConnector } from './fake-connector';
import { FeedbackSection } from './FeedbackSection';

afterEach(cleanup);

const refused = { kind: 'http', message: 'HTTP 422: unknown action', status: 422 };

describe('feedback section', () => {
  it('says when everything has been delivered', async () => {
    render(<FeedbackSection connector={new FakeOptionsConnector()} />);
    await waitFor(() => expect(screen.getByTestId('outbox-summary').textContent).toBe('All feedback has been delivered.'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows what waits per destination, why, and the events a destination refused', async () => {
    const connector = new FakeOptionsConnector();
    connector.outbox = {
      events: 4,
      capacity: 10_000,
      warning: null,
      dropped: 0,
      destinations: [{ id: 'webhook', configured: true, pending: 3, parked: 1, failures: 2, retryAt: Date.parse('2026-11-25T12:00:30Z'), lastError: { kind: 'network', message: 'Failed to fetch' } }],
      parked: [{ eventId: 'e-9', conversationId: 'c', recommendationId: 'billing-refund', action: 'helpful', timestamp: '2026-11-25T11:00:00Z', destination: 'webhook', error: refused, attempts: 1, parkedAt: Date.parse('2026-11-25T11:00:01Z') }],
    };
    render(<FeedbackSection connector={connector} />);
    await waitFor(() => expect(screen.getByTestId('outbox-summary').textContent).toMatch(/^3 deliveries waiting/));
    const destination = screen.getByTestId('outbox-destination');
    expect(destination.textContent).toContain('3 waiting, 1 refused.');
    expect(destination.textContent).toContain('Failed to fetch');
    const parked = screen.getByTestId('parked-event');
    expect(parked.getAttribute('data-event-id')).toBe('e-9');
    expect(parked.textContent).toContain('HTTP 422: unknown action');
    expect(parked.textContent).toContain('billing-refund');
  });

  it('warns before the outbox would drop anything, and says so once it does', async () => {
    const connector = new FakeOptionsConnector();
    connector.outbox = { ...connector.outbox, events: 8_100, warning: 'near-full' };
    const { unmount } = render(<FeedbackSection connector={connector} />);
    await waitFor(() => expect(screen.getByTestId('outbox-warning').textContent).toContain('8100 of at most 10000'));
    unmount();
    connector.outbox = { ...connector.outbox, events: 10_000, warning: 'full', dropped: 7 };
    render(<FeedbackSection connector={connector} />);
    await waitFor(() => expect(screen.getByTestId('outbox-warning').getAttribute('data-warning')).toBe('full'));
    expect(screen.getByTestId('outbox-warning').textContent).toContain('7 dropped');
  });

  it('reports a worker that does not answer', async () => {
    const connector = new FakeOptionsConnector();
    connector.workerError = new Error('Receiving end does not exist.');
    render(<FeedbackSection connector={connector} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Receiving end does not exist.'));
  });

  it('downloads the metrics as Prometheus text that a parser reads', async () => {
    const connector = new FakeOptionsConnector();
    connector.metrics = {
      days: [{ day: '2026-11-25', engagement: [{ sourceId: 'kb-billing', agentId: 'agent-1', actions: { impression: 4, open: 1 } }], latency: {}, rejected: {}, providerErrors: {} }],
      summary: connector.metrics.summary,
    };
    const save = vi.fn();
    render(<FeedbackSection connector={connector} save={save} now={() => new Date('2026-11-25T15:00:00Z')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download metrics (Prometheus)' }));
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
    const [filename, text, type] = save.mock.calls[0] as [string, string, string];
    expect(filename).toBe('agent-assist-metrics-2026-11-25.prom');
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const metrics = await getMetricsFromIterator(text.split('\n')[Symbol.iterator]());
    expect(metrics['agentassist_recommendation_clicks_total']?.data as PromData[]).toEqual([{ labels: { source_id: 'kb-billing', agent_id: 'agent-1' }, value: 1 }]);
  });
});
