// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeOptionsConnector } from './fake-connector';
import { FleetSection } from './FleetSection';

afterEach(cleanup);

const options = { allowLoopbackHttp: false };

describe('fleet section', () => {
  it('saves the endpoint and users as settings but hands the passwords to the worker only', async () => {
    const connector = new FakeOptionsConnector();
    render(<FleetSection connector={connector} parseOptions={options} />);
    const input = async (id: string, value: string) => fireEvent.input(await screen.findByTestId(`fleet-${id}`), { target: { value } });
    await input('url', 'https://ch.example.com:8443');
    await input('insertUser', 'fleet_insert');
    await input('insertPassword', 's3cret');
    fireEvent.click(screen.getByTestId('fleet-save'));
    await waitFor(() => expect(screen.getByTestId('fleet-save-status').textContent).toBe('Fleet settings saved.'));
    expect(connector.saved.at(-1)).toMatchObject({ fleetClickHouseUrl: 'https://ch.example.com:8443', fleetInsertUser: 'fleet_insert', fleetTable: 'agent_assist.events' });
    expect(JSON.stringify(connector.saved)).not.toContain('s3cret');
    expect(connector.secretsSet).toEqual([{ insertPassword: 's3cret' }]);
    expect(screen.getByTestId<HTMLInputElement>('fleet-insertPassword').value).toBe('');
  });

  it('refuses plain http and a table name that is not database.table', async () => {
    const connector = new FakeOptionsConnector();
    render(<FleetSection connector={connector} parseOptions={options} />);
    fireEvent.input(await screen.findByTestId('fleet-url'), { target: { value: 'http://ch.example.com:8123' } });
    fireEvent.input(screen.getByTestId('fleet-table'), { target: { value: 'x; DROP TABLE y' } });
    fireEvent.click(screen.getByTestId('fleet-save'));
    await waitFor(() => expect(screen.getByTestId('fleet-url').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByTestId('fleet-table').getAttribute('aria-invalid')).toBe('true');
    expect(connector.saved).toEqual([]);
  });

  it('asks for the host permission from a button and says what a refusal means', async () => {
    const connector = new FakeOptionsConnector({ fleetClickHouseUrl: 'https://ch.example.com:8443' });
    connector.fleet = { ...connector.fleet, problem: 'no-permission', origin: 'https://ch.example.com:8443', pending: 4 };
    connector.grantOnRequest = false;
    render(<FleetSection connector={connector} parseOptions={options} />);
    fireEvent.click(await screen.findByTestId('fleet-allow'));
    await waitFor(() => expect(screen.getByTestId('fleet-refused').textContent).toContain('Access to https://ch.example.com:8443 was refused'));
    expect(screen.getByTestId('fleet-refused').textContent).toContain('nothing is lost');
    expect(connector.hostRequests).toEqual([['https://ch.example.com/*']]);
  });

  it('lists the rows ClickHouse refused with its message, and says where each password comes from', async () => {
    const connector = new FakeOptionsConnector({ fleetClickHouseUrl: 'https://ch.example.com' });
    connector.fleet = {
      ...connector.fleet,
      problem: null,
      origin: 'https://ch.example.com',
      delivered: 41,
      parkedCount: 1,
      parked: [{ eventId: 'i:7', seq: 7, kind: 'feedback', time: 0, error: { kind: 'http', status: 500, message: "Code: 49, Unknown element 'dismissed'" }, parkedAt: 1 }],
      secrets: { insertPassword: 'policy', readPassword: 'local' },
    };
    render(<FleetSection connector={connector} parseOptions={options} />);
    const row = await screen.findByTestId('fleet-parked-row');
    expect(row.textContent).toContain("Unknown element 'dismissed'");
    expect(screen.queryByTestId('fleet-insertPassword')).toBeNull();
    expect(screen.getByTestId('fleet-readPassword-source').textContent).toContain('Kept by the extension');
  });
});
