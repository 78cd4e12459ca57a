// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DesktopDiagnostics } from './DesktopDiagnostics';
import { FakeOptionsConnector } from './fake-connector';

afterEach(cleanup);

const GADGET = 'https://apps.mypurecloud.com/messaging-gadget/messaging-gadget.html';

describe('desktop diagnostics', () => {
  it('shows nothing while the desktop reads fine', async () => {
    const connector = new FakeOptionsConnector();
    render(<DesktopDiagnostics connector={connector} />);
    await act(async () => undefined);
    expect(screen.queryByTestId('desktop-diagnostics')).toBeNull();
  });

  it('names the selector that matched nothing, where, and with which profile', async () => {
    const connector = new FakeOptionsConnector();
    connector.diagnostics = [{ tabId: 12, updatedAt: 1, problems: [{ key: 'transcriptSelector', selector: '.no-such-history', profileId: 'genesys-cloud', frameUrl: GADGET }] }];
    render(<DesktopDiagnostics connector={connector} />);
    const item = await screen.findByTestId('desktop-diagnostic');
    expect(item.dataset.key).toBe('transcriptSelector');
    expect(item.textContent).toContain('Transcript not found on this page: selector .no-such-history');
    expect(item.textContent).toContain('Tab 12');
    expect(item.textContent).toContain(GADGET);
    expect(item.textContent).toContain('genesys-cloud');
  });

  it('follows the worker as problems appear and clear', async () => {
    const connector = new FakeOptionsConnector();
    render(<DesktopDiagnostics connector={connector} />);
    await act(async () => undefined);
    await act(() => connector.changeDiagnostics([{ tabId: 3, updatedAt: 2, problems: [{ key: 'conversationFrameSelector', selector: 'app-view-stack >>> iframe', profileId: 'p', frameUrl: GADGET }] }]));
    await waitFor(() => expect(screen.getByTestId('desktop-diagnostic').textContent).toContain('could not be read: selector app-view-stack >>> iframe'));
    await act(() => connector.changeDiagnostics([]));
    await waitFor(() => expect(screen.queryByTestId('desktop-diagnostics')).toBeNull());
  });

  it('stays quiet when the worker cannot answer', async () => {
    const connector = new FakeOptionsConnector();
    connector.workerError = new Error('worker restarting');
    render(<DesktopDiagnostics connector={connector} />);
    await act(async () => undefined);
    expect(screen.queryByTestId('desktop-diagnostics')).toBeNull();
  });
});
