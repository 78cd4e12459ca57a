// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, panelSettingsOf } from '../shared/settings';
import type { ViewState } from '../shared/view-state';
import { App } from './App';
import type { ActionResult, PanelSnapshot } from './connector';
import { FakePanelConnector } from './fake-connector';
import { FIXTURE_NOW, hiddenFixture, recommendationFixture, snapshotFixture, viewFixture } from './fixtures';

afterEach(cleanup);

function renderPanel(snapshot: Partial<PanelSnapshot> = {}) {
  const connector = new FakePanelConnector(snapshotFixture(snapshot));
  const result = render(<App connector={connector} now={() => FIXTURE_NOW} />);
  const panel = screen.getByTestId('panel');
  return { connector, panel, ...result };
}

function withView(status: ViewState['status'], overrides: Partial<ViewState> = {}) {
  return renderPanel({ view: viewFixture(status, overrides) });
}

function deferred() {
  let resolve!: (result: ActionResult) => void;
  const promise = new Promise<ActionResult>((done) => (resolve = done));
  return { promise, resolve };
}

const cards = [
  recommendationFixture({ id: 'a', title: 'First article', relevanceScore: 0.97, content: 'Alpha text', sourceName: 'Billing KB' }),
  recommendationFixture({ id: 'b', title: 'Second article', relevanceScore: 0.9, content: '<p>Beta <b>text</b></p>', sourceName: undefined, sourceId: 'kb-raw' }),
  recommendationFixture({ id: 'c', title: 'Third article', relevanceScore: 0.81, content: 'Gamma text', publishedDate: null, url: undefined }),
];

describe('states', () => {
  it('asks for a conversation when the tab has no view, once set up and signed in', () => {
    const { panel } = renderPanel({ view: null, settings: panelSettingsOf({ ...DEFAULT_SETTINGS, clientId: 'client-1' }) });
    expect(panel.dataset.status).toBe('idle');
    expect(screen.getByTestId('idle').textContent).toBe('Open a conversation in the Genesys Cloud agent desktop');
  });

  it('leads through set-up, then sign-in, with no desktop tab, as a desktop tab would', () => {
    const unconfigured = renderPanel({ tabId: null, view: null, user: null });
    expect(unconfigured.panel.dataset.status).toBe('not-configured');
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy();
    expect(screen.queryByTestId('idle')).toBeNull();
    unconfigured.unmount();
    const signedOut = renderPanel({ tabId: null, view: null, user: null, settings: panelSettingsOf({ ...DEFAULT_SETTINGS, clientId: 'client-1' }) });
    expect(signedOut.panel.dataset.status).toBe('signed-out');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('shows one signed-out state when the session ended: no name, no Sign out, and says so', () => {
    const { panel } = renderPanel({ view: viewFixture('signed-out', { signedOutReason: 'session-ended' }) });
    expect(panel.dataset.status).toBe('signed-out');
    expect(screen.getByTestId('signed-out').textContent).toContain('Your session ended');
    expect(screen.queryByTestId('user-name')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('shows the idle message for no-conversation', () => {
    const { panel } = withView('no-conversation');
    expect(panel.dataset.status).toBe('no-conversation');
    expect(screen.getByTestId('idle').textContent).toContain('Open a conversation');
    expect(screen.queryByTestId('recommendations')).toBeNull();
  });

  it('says so when the desktop shows a conversation it cannot identify, rather than guessing', () => {
    const { panel } = withView('no-conversation', { idleReason: 'unidentified', channel: 'message' });
    expect(panel.dataset.status).toBe('no-conversation');
    const idle = screen.getByTestId('idle');
    expect(idle.dataset.reason).toBe('unidentified');
    expect(idle.textContent).toContain('not which one it is');
    expect(screen.queryByTestId('recommendation')).toBeNull();
  });

  it('sends an unconfigured extension to the settings', async () => {
    const { panel, connector } = withView('not-configured');
    expect(panel.dataset.status).toBe('not-configured');
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    await waitFor(() => expect(connector.calls).toEqual([{ action: 'open-settings' }]));
  });

  it('signs in, busy and disabled while pending', async () => {
    const { panel, connector } = renderPanel({ view: viewFixture('signed-out'), user: null });
    expect(panel.dataset.status).toBe('signed-out');
    const pending = deferred();
    connector.results['sign-in'] = pending.promise;
    const button = screen.getByRole('button', { name: 'Sign in' });
    fireEvent.click(button);
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(true));
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBe(button);
    expect(connector.calls).toEqual([{ action: 'sign-in' }]);
    pending.resolve({ ok: true });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a failed sign-in in an alert', async () => {
    const { connector } = renderPanel({ view: viewFixture('signed-out'), user: null });
    connector.results['sign-in'] = { ok: false, code: 'failed', message: 'access_denied' };
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Sign-in failed: access_denied');
  });

  it('keeps the cards while loading and says so', () => {
    withView('loading', { recommendations: cards });
    const indicator = screen.getByTestId('loading');
    expect(indicator.getAttribute('role')).toBe('status');
    expect(indicator.textContent).toBe('Finding recommendations…');
    expect(indicator.getAttribute('aria-busy')).toBe('true');
    expect(screen.getAllByTestId('recommendation')).toHaveLength(3);
  });

  it('says when nothing passes the thresholds, with the hidden count', () => {
    const { panel } = withView('ready', { hidden: [hiddenFixture('low-score'), hiddenFixture('too-old')] });
    expect(panel.dataset.status).toBe('ready');
    const empty = screen.getByTestId('empty');
    expect(empty.textContent).toContain('No recommendations pass the thresholds');
    expect(empty.textContent).toContain('2 recommendations were hidden by the thresholds.');
    expect(screen.queryByTestId('recommendations')).toBeNull();
  });

  it('notes cached results', () => {
    withView('ready', { recommendations: cards, stale: true });
    expect(screen.getByTestId('stale').textContent).toBe('Showing saved results; checking for newer ones.');
  });
});

describe('errors', () => {
  it('asks to sign in again after an auth error, and retries', async () => {
    const { connector } = withView('error', { error: { kind: 'auth', message: 'token rejected', status: 401 } });
    const error = screen.getByTestId('error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(within(error).getByTestId('error-message').textContent).toBe('Your session expired. Sign in again.');
    fireEvent.click(within(error).getByRole('button', { name: 'Sign in' }));
    fireEvent.click(within(error).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(connector.calls).toEqual([{ action: 'sign-in' }, { action: 'refresh', tabId: 7 }]));
  });

  it('gives the retry time of a rate limit and the correlation id, above the previous cards', () => {
    const retryAt = new Date(2025, 2, 20, 9, 5, 7).getTime();
    withView('error', {
      recommendations: cards,
      error: { kind: 'rate-limited', message: '429', status: 429, correlationId: 'corr-42', retryAt },
    });
    const error = screen.getByTestId('error');
    expect(within(error).getByTestId('error-message').textContent).toBe('Genesys Cloud asked us to slow down. Retrying at 09:05:07');
    expect(within(error).getByTestId('error-details').textContent).toContain('Correlation ID corr-42');
    expect(within(error).queryByRole('button', { name: 'Sign in' })).toBeNull();
    expect(screen.getAllByTestId('recommendation')).toHaveLength(3);
    expect(error.compareDocumentPosition(screen.getByTestId('recommendations')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it.each([
    ['offline', /reach Genesys Cloud/],
    ['timeout', /too long/],
    ['invalid-response', /could not read/],
  ] as const)('explains %s', (kind, text) => {
    withView('error', { error: { kind, message: 'x' } });
    expect(screen.getByTestId('error-message').textContent).toMatch(text);
    expect(screen.queryByTestId('error-details')).toBeNull();
  });

  it('shows the provider status and a failed retry', async () => {
    const { connector } = withView('error', { error: { kind: 'provider', message: 'x', status: 503 } });
    expect(screen.getByTestId('error-message').textContent).toBe('The knowledge service returned an error (HTTP 503).');
    connector.results.refresh = { ok: false, code: 'no-reply', message: 'Receiving end does not exist.' };
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect((await screen.findByTestId('action-error')).textContent).toMatch(/did not answer/);
  });
});

describe('header', () => {
  it('shows the agent, the channel and signs out', async () => {
    const { connector } = withView('ready', { recommendations: cards, channel: 'email' });
    expect(screen.getByTestId('user-name').textContent).toBe('Ada Agent');
    expect(screen.getByTestId('channel').textContent).toBe('Email');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(connector.calls).toEqual([{ action: 'sign-out' }]));
  });

  it('has no account controls when nobody is signed in', () => {
    renderPanel({ user: null, view: viewFixture('signed-out') });
    expect(screen.queryByTestId('user-name')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });
});

describe('cards', () => {
  it('lists the recommendations in the given order with title, content, source, score and date', () => {
    withView('ready', { recommendations: cards });
    const list = screen.getByTestId('recommendations');
    expect(list.tagName).toBe('OL');
    const items = within(list).getAllByTestId('recommendation');
    expect(items.map((item) => item.dataset.id)).toEqual(['a', 'b', 'c']);
    expect(items.map((item) => within(item).getByTestId('title').textContent)).toEqual(['First article', 'Second article', 'Third article']);
    expect(within(items[0]!).getByTestId('title').tagName).toBe('H3');
    expect(items.map((item) => within(item).getByTestId('content').textContent)).toEqual(['Alpha text', 'Beta text', 'Gamma text']);
    expect(items.map((item) => within(item).getByTestId('source').textContent)).toEqual(['Billing KB', 'kb-raw', 'Support knowledge base']);
    expect(items.map((item) => within(item).getByTestId('source').dataset.sourceId)).toEqual(['kb-support', 'kb-raw', 'kb-support']);
    expect(items.map((item) => within(item).getByTestId('score').textContent)).toEqual(['97%', '90%', '81%']);
    expect(items.map((item) => within(item).getByTestId('score-level').textContent)).toEqual(['High', 'High', 'Medium']);
    expect(within(items[0]!).getByRole('img', { name: 'Relevance High, 97 percent' })).toBe(within(items[0]!).getByTestId('score').parentElement);
    expect(within(items[0]!).getByTestId('published').textContent).toBe('Published 3 days ago');
    expect(within(items[2]!).getByTestId('published').textContent).toBe('Publication date unknown');
    expect(items.map((item) => within(item).getByTestId('type').textContent)).toEqual(['Article', 'Article', 'Article']);
  });

  it('links only https (and loopback http) article URLs', () => {
    withView('ready', {
      recommendations: [
        recommendationFixture({ id: 'https', url: 'https://help.example.com/a' }),
        recommendationFixture({ id: 'js', url: 'javascript:alert(1)' }),
        recommendationFixture({ id: 'http', url: 'http://help.example.com/a' }),
        recommendationFixture({ id: 'loop', url: 'http://127.0.0.1:4010/kb/1' }),
      ],
    });
    const links = screen.getAllByTestId<HTMLAnchorElement>('link');
    expect(links.map((link) => link.closest('li')!.dataset.id)).toEqual(['https', 'loop']);
    expect(links[0]!.getAttribute('href')).toBe('https://help.example.com/a');
    expect(links[0]!.rel).toBe('noopener noreferrer');
    expect(screen.getAllByRole('link', { name: /^Open article: / })).toHaveLength(2);
  });

  // Whether anything runs is for a browser that runs scripts: e2e/specs/hostile-content.spec.ts.
  it('renders hostile content as text: no script, image or frame element', () => {
    const payload = '<p>Safe words</p><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"><iframe srcdoc="<script>parent.pwned = 3</script>"></iframe>';
    const { panel } = withView('ready', {
      recommendations: [recommendationFixture({ id: 'evil', title: '<img src=x onerror=alert(1)>', content: payload })],
    });
    expect(panel.querySelector('script, img, iframe')).toBeNull();
    expect(screen.getByTestId('content').textContent).toBe('Safe words');
    expect(screen.getByTestId('title').textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('truncates long content behind a Show more / Show less button', () => {
    const long = Array.from({ length: 120 }, (_, index) => `word${index}`).join(' ');
    withView('ready', { recommendations: [recommendationFixture({ content: long })] });
    const content = screen.getByTestId('content');
    expect(content.textContent.endsWith('…')).toBe(true);
    expect(content.textContent.length).toBeLessThan(long.length);
    const toggle = screen.getByRole('button', { name: 'Show more' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(content.id);
    fireEvent.click(toggle);
    expect(content.textContent).toBe(long);
    expect(toggle.textContent).toBe('Show less');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('hidden recommendations', () => {
  const hidden = [hiddenFixture('low-score'), hiddenFixture('too-old')];

  it('reveals them behind a keyboard-operable toggle, with the reasons in words', () => {
    withView('ready', { recommendations: cards, hidden, invalidCount: 2 });
    const toggle = screen.getByTestId('hidden-toggle');
    expect(toggle.tagName).toBe('BUTTON');
    expect(toggle.getAttribute('type')).toBe('button');
    expect(toggle.textContent).toBe('Show 2 filtered-out suggestions');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('hidden-recommendations')).toBeNull();
    toggle.focus();
    expect(document.activeElement).toBe(toggle);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Hide filtered-out suggestions');
    const list = screen.getByTestId('hidden-recommendations');
    expect(toggle.getAttribute('aria-controls')).toBe(list.id);
    const items = within(list).getAllByTestId('hidden-recommendation');
    expect(items.map((item) => [item.dataset.id, item.dataset.reason])).toEqual([
      ['kb-low', 'low-score'],
      ['kb-old', 'too-old'],
    ]);
    expect(within(items[0]!).getByTestId('hidden-title').textContent).toBe('Billing cycles explained');
    expect(within(items[0]!).getByTestId('hidden-score').textContent).toBe('62%');
    expect(within(items[0]!).getByTestId('hidden-reason').textContent).toBe('Score 62% below 80%');
    expect(within(items[1]!).getByTestId('hidden-reason').textContent).toBe('Published 45 days ago, older than 7 days');
    expect(screen.getByTestId('invalid-count').textContent).toBe('2 items from the provider were invalid and dropped');
    fireEvent.click(toggle);
    expect(screen.queryByTestId('hidden-recommendations')).toBeNull();
  });

  it('states the reasons against the thresholds in force', () => {
    renderPanel({
      view: viewFixture('ready', { hidden }),
      settings: panelSettingsOf({ ...DEFAULT_SETTINGS, minRelevanceScore: 0.7, maxContentAgeDays: 30 }),
    });
    fireEvent.click(screen.getByTestId('hidden-toggle'));
    expect(screen.getAllByTestId('hidden-reason').map((reason) => reason.textContent)).toEqual([
      'Score 62% below 70%',
      'Published 45 days ago, older than 30 days',
    ]);
  });

  it('has no toggle when nothing is hidden and no invalid note when nothing was dropped', () => {
    withView('ready', { recommendations: cards });
    expect(screen.queryByTestId('hidden-toggle')).toBeNull();
    expect(screen.queryByTestId('invalid-count')).toBeNull();
  });
});

describe('updates', () => {
  it('follows new snapshots and stops listening when unmounted', () => {
    const { connector, panel, unmount } = renderPanel({ view: viewFixture('loading') });
    expect(panel.dataset.status).toBe('loading');
    connector.update({ view: viewFixture('ready', { recommendations: cards }) });
    return waitFor(() => expect(screen.getByTestId('panel').dataset.status).toBe('ready')).then(() => {
      expect(screen.getAllByTestId('recommendation')).toHaveLength(3);
      expect(connector.subscriberCount).toBe(1);
      unmount();
      expect(connector.subscriberCount).toBe(0);
    });
  });

  it('puts everything interactive in the tab order', () => {
    withView('error', { recommendations: cards, hidden: [hiddenFixture('low-score')], error: { kind: 'auth', message: 'x' } });
    const focusable = [...screen.getByTestId('panel').querySelectorAll<HTMLElement>('button, a[href]')];
    expect(focusable.length).toBeGreaterThan(4);
    for (const element of focusable) expect(element.tabIndex).toBe(0);
  });
});
