// @vitest-environment happy-dom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, panelSettingsOf } from '../shared/settings';
import { App } from './App';
import { FakePanelConnector } from './fake-connector';
import { FIXTURE_NOW, recommendationFixture, snapshotFixture, viewFixture } from './fixtures';

// The first open of a lazily loaded view imports its module, transformed on demand in a unit run:
// on a busy shared machine that has taken longer than findBy's 1 s and even a test's 5 s.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 15_000 });

afterEach(cleanup);

const copilotSettings = panelSettingsOf({ ...DEFAULT_SETTINGS, provider: 'conversation-suggestions' });

describe('other suggestions', () => {
  it('lists canned responses, scripts and unknown types in their own group, as text', async () => {
    const connector = new FakePanelConnector(
      snapshotFixture({
        view: viewFixture('ready', {
          otherSuggestions: [
            { id: 'c', kind: 'CannedResponse', title: 'resp-1', detail: 'resp-1 (lib-1)', trigger: 'Intent' },
            { id: 's', kind: 'Script', title: 'script › page', detail: 'amount: 4\nref: <b>x</b>' },
            { id: 'u', kind: 'SuggestedKnowledgeAnswer', title: 'SuggestedKnowledgeAnswer', detail: '' },
          ],
        }),
      }),
    );
    render(<App connector={connector} now={() => FIXTURE_NOW} />);
    const items = await screen.findAllByTestId('other-suggestion');
    expect(items.map((item) => [item.dataset.id, item.dataset.kind])).toEqual([
      ['c', 'CannedResponse'],
      ['s', 'Script'],
      ['u', 'SuggestedKnowledgeAnswer'],
    ]);
    expect(within(items[0]!).getByTestId('other-kind').textContent).toBe('Canned response');
    expect(within(items[2]!).getByTestId('other-kind').textContent).toBe('Other (SuggestedKnowledgeAnswer)');
    expect(within(items[1]!).getByTestId('other-detail').textContent).toBe('amount: 4\nref: <b>x</b>');
    expect(items[1]!.querySelector('b')).toBeNull();
  });

  it('shows nothing when there are none', () => {
    render(<App connector={new FakePanelConnector(snapshotFixture())} now={() => FIXTURE_NOW} />);
    expect(screen.queryByTestId('other-suggestions')).toBeNull();
  });
});

describe('knowledge search', () => {
  it('is offered in any provider mode where the worker says Genesys Knowledge answers', async () => {
    const without = new FakePanelConnector(snapshotFixture());
    without.knowledge = false;
    const { unmount } = render(<App connector={without} now={() => FIXTURE_NOW} />);
    await screen.findByTestId('panel');
    expect(screen.queryByTestId('knowledge-search')).toBeNull();
    unmount();
    // recommendations-query mode, in an org that has knowledge bases.
    render(<App connector={new FakePanelConnector(snapshotFixture())} now={() => FIXTURE_NOW} />);
    expect(await screen.findByTestId('knowledge-search')).toBeTruthy();
  });

  it('sends the query for the followed tab and lists the results', async () => {
    const connector = new FakePanelConnector(snapshotFixture({ settings: copilotSettings }));
    connector.searchResult = { ok: true, results: [recommendationFixture({ id: 'doc-1', title: 'Refund timelines', relevanceScore: 0.7, content: '<p>Three to five days.</p>' })] };
    render(<App connector={connector} now={() => FIXTURE_NOW} />);
    const input = await screen.findByTestId('knowledge-search-input');
    expect(screen.getByTestId('knowledge-search-submit')).toHaveProperty('disabled', true);
    fireEvent.input(input, { target: { value: '  refund timeline ' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(screen.getAllByTestId('knowledge-result')).toHaveLength(1));
    expect(connector.searches).toEqual([{ tabId: 7, query: 'refund timeline' }]);
    const result = screen.getByTestId('knowledge-result');
    expect(within(result).getByTestId('knowledge-result-title').textContent).toBe('Refund timelines');
    expect(within(result).getByTestId('knowledge-result-score').textContent).toBe('70%');
    expect(result.textContent).toContain('Three to five days.');
  });

  it('says when nothing matched, and why a search failed', async () => {
    const connector = new FakePanelConnector(snapshotFixture({ settings: copilotSettings, view: viewFixture('no-conversation') }));
    render(<App connector={connector} now={() => FIXTURE_NOW} />);
    const input = await screen.findByTestId('knowledge-search-input');
    fireEvent.input(input, { target: { value: 'nothing' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(screen.getByTestId('knowledge-search-empty')).toBeTruthy());
    connector.searchResult = { ok: false, code: 'failed', message: 'HTTP 503' };
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(screen.getByTestId('knowledge-search-error').textContent).toContain('HTTP 503'));
  });
});
