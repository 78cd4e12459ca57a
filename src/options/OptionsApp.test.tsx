// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { FakeOptionsConnector } from './fake-connector';
import { OptionsApp } from './OptionsApp';
import { FORM_FIELDS } from './settings-form';

afterEach(cleanup);

async function renderOptions(stored: unknown = undefined, parseOptions = { allowLoopbackHttp: true }) {
  const connector = new FakeOptionsConnector(stored);
  render(<OptionsApp connector={connector} parseOptions={parseOptions} />);
  await waitFor(() => expect(screen.getByTestId('options').getAttribute('aria-busy')).toBe('false'));
  return connector;
}

function field<T extends HTMLElement = HTMLInputElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no #${id}`);
  return element as T;
}

function type(id: string, value: string) {
  const element = field(id);
  element.focus();
  fireEvent.input(element, { target: { value } });
}

function choose(id: string, value: string) {
  fireEvent.change(field<HTMLSelectElement>(id), { target: { value } });
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('form', () => {
  it('labels every setting input, with ids equal to the setting keys', async () => {
    await renderOptions({ region: 'custom', loginBaseUrl: 'https://login.example.com', apiBaseUrl: 'https://api.example.com' });
    for (const key of FORM_FIELDS) {
      const input = field(key);
      const label = document.querySelector(`label[for="${key}"]`);
      expect(label, key).not.toBeNull();
      expect(input.getAttribute('name')).toBe(key);
    }
    expect(field<HTMLSelectElement>('region').value).toBe('custom');
    const customOption = [...field<HTMLSelectElement>('region').options].find((option) => option.value === 'custom');
    // Unit tests run as a store build: there the custom region is for an own service or a proxy.
    expect(customOption?.textContent).toBe('Custom hosts (your own service or a proxy)');
    expect(screen.getByText(/every API call, the recommendations query included, to the API base URL/)).toBeTruthy();
  });

  it('names regions with their domain beside', async () => {
    await renderOptions();
    const labels = [...field<HTMLSelectElement>('region').options].map((option) => option.textContent);
    expect(labels).toContain('US East (Virginia) — mypurecloud.com');
    expect(labels).toContain('EU (Frankfurt) — mypurecloud.de');
  });

  it('explains content age, cache lifetime and retention, and what the age compares for the chosen provider', async () => {
    await renderOptions();
    const hint = (id: string) => document.getElementById(`${id}-hint`)?.textContent ?? '';
    expect(hint('maxContentAgeDays')).toContain('Every article older than this is hidden');
    expect(hint('maxContentAgeDays')).toContain('publishedDate');
    expect(hint('cacheTtlSeconds')).toContain('0 turns the cache off');
    expect(hint('auditRetentionDays')).toContain('deleted from this browser');
    choose('provider', 'conversation-suggestions');
    expect(hint('maxContentAgeDays')).toContain('never hidden for age');
  });

  it('asks for access to custom hosts when saving, and says so while it is missing', async () => {
    const connector = await renderOptions({ region: 'custom', loginBaseUrl: 'https://login.example.com', apiBaseUrl: 'https://recs.example.com/v1' });
    await waitFor(() => expect(screen.getByTestId('host-access').getAttribute('data-state')).toBe('missing'));
    expect(screen.getByTestId('host-access').textContent).toContain('https://login.example.com, https://recs.example.com');
    connector.grantOnRequest = false;
    save();
    await waitFor(() => expect(screen.getByTestId('host-access').getAttribute('data-state')).toBe('denied'));
    expect(connector.hostRequests).toEqual([['https://login.example.com/*', 'https://recs.example.com/*']]);
    connector.grantOnRequest = true;
    fireEvent.click(screen.getByTestId('host-access-allow'));
    await waitFor(() => expect(screen.queryByTestId('host-access')).toBeNull());
  });

  it('shows the custom URLs only for the custom region', async () => {
    await renderOptions();
    expect(document.getElementById('loginBaseUrl')).toBeNull();
    choose('region', 'custom');
    expect(field('loginBaseUrl')).toBeTruthy();
    expect(field('apiBaseUrl')).toBeTruthy();
  });

  it('loads the stored settings and reports stored problems', async () => {
    await renderOptions({ clientId: 'abc', minRelevanceScore: 7, knowledgeBaseIds: ['kb-1', 'kb-2'] });
    expect(field('clientId').value).toBe('abc');
    expect(field('minRelevanceScore').value).toBe('0.8');
    expect(field<HTMLTextAreaElement>('knowledgeBaseIds').value).toBe('kb-1\nkb-2');
    const issues = screen.getByTestId('stored-issues');
    expect(issues.textContent).toContain('minRelevanceScore');
    expect(issues.textContent).toContain('the default is used');
  });

  it('keeps the form closed until the stored settings are in it, so defaults are never saved over them', async () => {
    const connector = new FakeOptionsConnector({ clientId: 'stored-client', provider: 'conversation-suggestions' });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const load = connector.load.bind(connector);
    connector.load = async () => {
      await held;
      return load();
    };
    render(<OptionsApp connector={connector} parseOptions={{ allowLoopbackHttp: true }} />);
    // Disabled through its fieldset, as browsers (not happy-dom) apply to every control inside.
    const closed = () => field('clientId').closest('fieldset')!.disabled;
    expect(closed()).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(true);
    release();
    await waitFor(() => expect(closed()).toBe(false));
    expect(field('clientId').value).toBe('stored-client');
    expect(field<HTMLSelectElement>('provider').value).toBe('conversation-suggestions');
  });

  it('does not save invalid input: errors next to the fields, focus on the first', async () => {
    const connector = await renderOptions();
    type('minRelevanceScore', '1.5');
    type('auditRetentionDays', '0');
    type('feedbackWebhookUrl', 'ftp://hooks.example.com');
    save();
    await waitFor(() => expect(document.activeElement).toBe(field('minRelevanceScore')));
    expect(connector.saved).toEqual([]);
    for (const [key, message] of [
      ['minRelevanceScore', 'Enter a number from 0 to 1.'],
      ['feedbackWebhookUrl', 'This address must use https.'],
      ['auditRetentionDays', 'Enter a whole number of days from 1 to 3650.'],
    ] as const) {
      const input = field(key);
      expect(input.getAttribute('aria-invalid'), key).toBe('true');
      const error = screen.getByTestId(`error-${key}`);
      expect(error.textContent).toBe(message);
      expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    }
    expect(field('clientId').getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByTestId('save-status').textContent).toBe('');
  });

  it('saves exactly the settings the form describes, then says Saved', async () => {
    const connector = await renderOptions({ desktopProfile: { transcriptSelector: '#log' } });
    choose('region', 'custom');
    type('loginBaseUrl', 'http://127.0.0.1:4010');
    type('apiBaseUrl', 'http://127.0.0.1:4010');
    type('clientId', 'client-42');
    choose('provider', 'conversation-suggestions');
    type('knowledgeBaseIds', 'kb-1\nkb-2, kb-3');
    type('minRelevanceScore', '0.75');
    type('maxContentAgeDays', '10');
    type('cacheTtlSeconds', '60');
    type('feedbackWebhookUrl', 'https://hooks.example.com/f');
    type('auditRetentionDays', '45');
    const excerpts = field<HTMLInputElement>('auditTranscriptExcerpts');
    expect(excerpts.checked).toBe(false);
    fireEvent.click(excerpts);
    // Masking customer data in outgoing text is on unless the admin turns it off.
    const redact = field<HTMLInputElement>('redactOutgoingText');
    expect(redact.checked).toBe(true);
    fireEvent.click(redact);
    save();
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saved'));
    expect(screen.getByTestId('save-status').getAttribute('role')).toBe('status');
    expect(connector.saved).toEqual([
      {
        region: 'custom',
        loginBaseUrl: 'http://127.0.0.1:4010',
        apiBaseUrl: 'http://127.0.0.1:4010',
        clientId: 'client-42',
        provider: 'conversation-suggestions',
        knowledgeBaseIds: ['kb-1', 'kb-2', 'kb-3'],
        minRelevanceScore: 0.75,
        maxContentAgeDays: 10,
        cacheTtlSeconds: 60,
        feedbackWebhookUrl: 'https://hooks.example.com/f',
        auditRetentionDays: 45,
        auditTranscriptExcerpts: true,
        redactOutgoingText: false,
        fleetTable: 'agent_assist.events',
        desktopProfile: { transcriptSelector: '#log' },
      },
    ]);
  });

  it('rejects loopback http outside simulator builds', async () => {
    const connector = await renderOptions(undefined, { allowLoopbackHttp: false });
    choose('region', 'custom');
    type('loginBaseUrl', 'http://127.0.0.1:4010');
    type('apiBaseUrl', 'https://api.example.com');
    save();
    await waitFor(() => expect(screen.getByTestId('error-loginBaseUrl').textContent).toMatch(/must use https/));
    expect(connector.saved).toEqual([]);
  });

  it('shows a failed save in an alert', async () => {
    const connector = await renderOptions();
    connector.saveError = new Error('QUOTA_BYTES quota exceeded');
    save();
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save the settings: QUOTA_BYTES quota exceeded');
  });
});

describe('changes made elsewhere', () => {
  it('are reflected when there are no unsaved edits', async () => {
    const connector = await renderOptions({ clientId: 'old' });
    connector.changeElsewhere({ clientId: 'new', maxContentAgeDays: 3 });
    await waitFor(() => expect(field('clientId').value).toBe('new'));
    expect(field('maxContentAgeDays').value).toBe('3');
  });

  it('do not overwrite unsaved edits', async () => {
    const connector = await renderOptions({ clientId: 'old' });
    type('clientId', 'typing');
    connector.changeElsewhere({ clientId: 'new' });
    await screen.findByTestId('changed-elsewhere');
    expect(field('clientId').value).toBe('typing');
  });
});

describe('redirect URI', () => {
  it('shows the URI and copies it', async () => {
    await renderOptions();
    const uri = screen.getByTestId<HTMLInputElement>('redirect-uri');
    expect(uri.value).toBe('https://abcdefghijklmnop.chromiumapp.org/');
    expect(uri.readOnly).toBe(true);
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByTestId('copy-status').textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledWith('https://abcdefghijklmnop.chromiumapp.org/');
  });

  it('selects the text when the clipboard refuses', async () => {
    await renderOptions();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByTestId('copy-status').textContent).toMatch(/selected/));
    const uri = screen.getByTestId<HTMLInputElement>('redirect-uri');
    expect(document.activeElement).toBe(uri);
    expect([uri.selectionStart, uri.selectionEnd]).toEqual([0, uri.value.length]);
  });

  it('explains how to set up the OAuth client', async () => {
    await renderOptions();
    const help = screen.getByTestId('setup-help').textContent;
    expect(help).toContain('Code Authorization');
    expect(help).toContain('PKCE');
    expect(help).toContain('redirect URI');
    const scopes = () => [...screen.getByTestId('oauth-scopes').querySelectorAll('li')].map((item) => item.textContent);
    const features = () => [...screen.getByTestId('oauth-permissions').querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-feature'));
    expect(scopes()).toEqual(['user-basic-info']);
    expect(features()).toEqual(['supervisor-export']);
    choose('provider', 'conversation-suggestions');
    expect(scopes()).toEqual(['conversations', 'knowledge', 'notifications', 'response-management:readonly', 'user-basic-info']);
    expect(features()).toEqual(['suggestions', 'engagement', 'canned-responses', 'knowledge-bases', 'knowledge-search', 'supervisor-export']);
    choose('provider', 'knowledge-search');
    expect(scopes()).toEqual(['knowledge', 'user-basic-info']);
    expect(features()).toEqual(['knowledge-bases', 'knowledge-search', 'knowledge-presentations', 'knowledge-views', 'knowledge-copies', 'knowledge-feedback', 'supervisor-export']);
    expect(screen.getByTestId('oauth-permissions').textContent).toContain('knowledge:feedback:create');
  });
});

it('starts from the defaults before anything is stored', async () => {
  await renderOptions();
  expect(field<HTMLSelectElement>('region').value).toBe(DEFAULT_SETTINGS.region);
  expect(field('cacheTtlSeconds').value).toBe('120');
});

describe('managed policy', () => {
  it('shows policy values read-only and says why', async () => {
    const connector = new FakeOptionsConnector({ clientId: 'local-client', minRelevanceScore: 0.7 });
    connector.policy = { clientId: 'policy-client', region: 'mypurecloud.de' };
    render(<OptionsApp connector={connector} parseOptions={{ allowLoopbackHttp: true }} />);
    await waitFor(() => expect(screen.getByTestId('options').getAttribute('aria-busy')).toBe('false'));

    expect(field('clientId').value).toBe('policy-client');
    expect(field('clientId').disabled).toBe(true);
    expect(field<HTMLSelectElement>('region').disabled).toBe(true);
    expect(field('minRelevanceScore').disabled).toBe(false);
    expect(screen.getByTestId('locked-clientId').textContent).toContain('policy');
    expect(field('clientId').getAttribute('aria-describedby')).toContain('clientId-locked');
  });
});
