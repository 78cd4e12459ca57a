// @vitest-environment happy-dom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ViewState } from '../shared/view-state';
import { App } from './App';
import type { PanelSnapshot } from './connector';
import { FakePanelConnector } from './fake-connector';
import { FIXTURE_NOW, recommendationFixture, snapshotFixture, viewFixture } from './fixtures';

// The first open of a lazily loaded view imports its module, transformed on demand in a unit run:
// on a busy shared machine that has taken longer than findBy's 1 s and even a test's 5 s.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 15_000 });

/** A controllable IntersectionObserver: tests say which cards are on screen. */
class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.instances.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  takeRecords() {
    return [];
  }
  show(target: Element, ratio: number) {
    const entry = { target, isIntersecting: ratio > 0, intersectionRatio: ratio } as unknown as IntersectionObserverEntry;
    this.callback([entry], this as unknown as IntersectionObserver);
  }
}

beforeEach(() => {
  FakeIntersectionObserver.instances = [];
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const cards = [
  recommendationFixture({ id: 'a', title: 'First article', content: '<p>Alpha <b>text</b></p>', sourceId: 'kb-a' }),
  recommendationFixture({ id: 'b', title: 'Second article', content: 'Beta text', sourceId: 'kb-b', kind: 'Faq' }),
  recommendationFixture({ id: 'c', title: 'Third article', content: 'Gamma text', sourceId: 'kb-c' }),
];

function renderPanel(view: Partial<ViewState> = {}, snapshot: Partial<PanelSnapshot> = {}) {
  const connector = new FakePanelConnector(snapshotFixture({ view: viewFixture('ready', { recommendations: cards, ...view }), ...snapshot }));
  render(<App connector={connector} now={() => FIXTURE_NOW} />);
  return connector;
}

const card = (id: string) => screen.getAllByTestId('recommendation').find((item) => item.dataset.id === id)!;
const button = (id: string, testId: string) => within(card(id)).getByTestId(testId);
const ack = (id: string) => within(card(id)).getByTestId('ack');

describe('card actions', () => {
  it('copies the article as text, records the copy, and says "Copied"', async () => {
    const connector = renderPanel();
    fireEvent.click(button('a', 'copy'));
    await waitFor(() => expect(ack('a').textContent).toBe('Copied'));
    expect(connector.copies).toEqual(['Alpha text']);
    expect(connector.events).toEqual([{ conversationId: 'conv-1', recommendationId: 'a', sourceId: 'kb-a', action: 'copy' }]);
  });

  it('says when the clipboard refused, and records nothing', async () => {
    const connector = renderPanel();
    connector.copyResult = { ok: false, code: 'failed', message: 'Document is not focused.' };
    fireEvent.click(button('a', 'copy'));
    await waitFor(() => expect(ack('a').textContent).toBe('Could not copy: Document is not focused.'));
    expect(ack('a').dataset.ok).toBe('false');
    expect(connector.events).toEqual([]);
  });

  it('inserts through the worker and reports each outcome in words', async () => {
    const connector = renderPanel();
    fireEvent.click(button('b', 'insert'));
    await waitFor(() => expect(ack('b').textContent).toBe('Inserted into the reply. Review it, then send.'));
    expect(connector.inserts).toEqual([{ tabId: 7, recommendationId: 'b' }]);
    // The worker records inserts itself, once the text is in.
    expect(connector.events).toEqual([]);

    for (const [outcome, text] of [
      ['no-composer', 'No reply box found on this page'],
      ['conversation-changed', 'The desktop now shows another conversation: nothing was inserted.'],
      ['not-found', 'This suggestion is no longer current: nothing was inserted.'],
      ['no-desktop', 'The agent desktop did not answer. Reload the desktop tab and try again.'],
    ] as const) {
      connector.insertResult = { ok: true, outcome };
      fireEvent.click(button('b', 'insert'));
      await waitFor(() => expect(ack('b').textContent).toBe(text));
      expect(ack('b').dataset.ok).toBe('false');
    }
    connector.insertResult = { ok: false, code: 'no-reply', message: 'Receiving end does not exist.' };
    fireEvent.click(button('b', 'insert'));
    await waitFor(() => expect(ack('b').textContent).toMatch(/^Could not insert: .*did not answer/));
  });

  it('offers no Insert on a call', () => {
    renderPanel({ channel: 'voice' });
    expect(screen.queryAllByTestId('insert')).toEqual([]);
    expect(screen.getAllByTestId('copy')).toHaveLength(3);
  });

  it('rates helpful, shows it pressed, and keeps the mark for a reopened panel', async () => {
    const connector = renderPanel();
    fireEvent.click(button('a', 'helpful'));
    await waitFor(() => expect(button('a', 'helpful').getAttribute('aria-pressed')).toBe('true'));
    expect(ack('a').textContent).toBe('Marked helpful. Thank you.');
    expect(card('a').dataset.rating).toBe('helpful');
    expect(connector.events.at(-1)).toMatchObject({ recommendationId: 'a', action: 'helpful' });
    expect(connector.marks).toEqual({ 'conv-1': { a: { rating: 'helpful' } } });
    cleanup();
    const reopened = new FakePanelConnector(connector.snapshot);
    reopened.marks = connector.marks;
    render(<App connector={reopened} now={() => FIXTURE_NOW} />);
    await waitFor(() => expect(button('a', 'helpful').getAttribute('aria-pressed')).toBe('true'));
  });

  it('asks for an optional reason with Not helpful, sends it, and can be cancelled', async () => {
    const connector = renderPanel();
    fireEvent.click(button('b', 'not-helpful'));
    const form = await within(card('b')).findByTestId('reason-form');
    expect(button('b', 'not-helpful').getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Not relevant to this conversation')));
    fireEvent.keyDown(form, { key: 'Escape' });
    expect(within(card('b')).queryByTestId('reason-form')).toBeNull();
    expect(document.activeElement).toBe(button('b', 'not-helpful'));
    expect(connector.events).toEqual([]);

    fireEvent.click(button('b', 'not-helpful'));
    fireEvent.click(within(card('b')).getByLabelText('Wrong or incomplete'));
    fireEvent.input(within(card('b')).getByTestId('reason-details'), { target: { value: 'Wrong plan name' } });
    fireEvent.submit(within(card('b')).getByTestId('reason-form'));
    await waitFor(() => expect(button('b', 'not-helpful').getAttribute('aria-pressed')).toBe('true'));
    expect(connector.events).toEqual([{ conversationId: 'conv-1', recommendationId: 'b', sourceId: 'kb-b', action: 'not_helpful', reason: 'incorrect: Wrong plan name' }]);
    expect(within(card('b')).queryByTestId('reason-form')).toBeNull();

    // No reason at all is fine too.
    fireEvent.click(button('c', 'not-helpful'));
    fireEvent.submit(await within(card('c')).findByTestId('reason-form'));
    await waitFor(() => expect(connector.events.at(-1)).toEqual({ conversationId: 'conv-1', recommendationId: 'c', sourceId: 'kb-c', action: 'not_helpful' }));
  });

  it('dismisses a card, announces it, and can bring it back', async () => {
    const connector = renderPanel();
    fireEvent.click(button('b', 'dismiss'));
    await waitFor(() => expect(screen.getAllByTestId('recommendation').map((item) => item.dataset.id)).toEqual(['a', 'c']));
    expect(screen.getByTestId('announcement').textContent).toBe('Dismissed: Second article');
    expect(screen.getByTestId('dismissed-note').textContent).toContain('1 suggestion dismissed.');
    expect(connector.events).toEqual([{ conversationId: 'conv-1', recommendationId: 'b', sourceId: 'kb-b', action: 'dismissed' }]);
    fireEvent.click(screen.getByTestId('restore-dismissed'));
    expect(screen.getAllByTestId('recommendation').map((item) => item.dataset.id)).toEqual(['a', 'b', 'c']);
    expect(screen.queryByTestId('dismissed-note')).toBeNull();
  });

  it('shows a refusal on the card and marks nothing', async () => {
    const connector = renderPanel();
    connector.eventResult = () => ({ ok: false, code: 'failed', message: 'Sign in before recording actions' });
    fireEvent.click(button('a', 'helpful'));
    await waitFor(() => expect(ack('a').textContent).toBe('Not recorded: Sign in before recording actions'));
    expect(button('a', 'helpful').getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button('a', 'dismiss'));
    await waitFor(() => expect(ack('a').textContent).toBe('Not recorded: Sign in before recording actions'));
    expect(screen.getAllByTestId('recommendation')).toHaveLength(3);
    expect(connector.marks).toEqual({});
  });

  it('records opening an article once, when it is read in full', async () => {
    const long = Array.from({ length: 120 }, (_, index) => `word${index}`).join(' ');
    const connector = renderPanel({ recommendations: [recommendationFixture({ id: 'long', content: long })] });
    const toggle = screen.getByTestId('content-toggle');
    fireEvent.click(toggle);
    fireEvent.click(toggle);
    fireEvent.click(toggle);
    await waitFor(() => expect(connector.events).toEqual([{ conversationId: 'conv-1', recommendationId: 'long', sourceId: 'kb-support', action: 'open' }]));
  });

  it('takes a copy pressed while the open of the same card is still being recorded', async () => {
    const long = Array.from({ length: 120 }, (_, index) => `word${index}`).join(' ');
    const connector = renderPanel({ recommendations: [recommendationFixture({ id: 'long', content: long })] });
    let releaseOpen: () => void = () => undefined;
    const recordEvent = connector.recordEvent.bind(connector);
    connector.recordEvent = (input) =>
      input.action === 'open' ? new Promise((resolve) => (releaseOpen = () => void recordEvent(input).then(resolve))) : recordEvent(input);
    fireEvent.click(screen.getByTestId('content-toggle'));
    fireEvent.click(button('long', 'copy'));
    await waitFor(() => expect(ack('long').textContent).toBe('Copied'));
    releaseOpen();
    await waitFor(() => expect(connector.events.map((event) => event.action)).toEqual(['copy', 'open']));
    expect(ack('long').textContent).toBe('Copied');
  });
});

describe('keyboard', () => {
  it('is one tab stop for the list; arrows move between cards; letters act on the focused card', async () => {
    const connector = renderPanel();
    const [a, b, c] = ['a', 'b', 'c'].map(card) as [HTMLElement, HTMLElement, HTMLElement];
    expect([a.tabIndex, b.tabIndex, c.tabIndex]).toEqual([0, -1, -1]);
    a.focus();
    fireEvent.keyDown(a, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(b);
    await waitFor(() => expect([a.tabIndex, b.tabIndex]).toEqual([-1, 0]));
    fireEvent.keyDown(b, { key: 'End' });
    expect(document.activeElement).toBe(c);
    fireEvent.keyDown(c, { key: 'k' });
    expect(document.activeElement).toBe(b);

    fireEvent.keyDown(b, { key: 'c' });
    await waitFor(() => expect(ack('b').textContent).toBe('Copied'));
    expect(connector.copies).toEqual(['Beta text']);
    fireEvent.keyDown(b, { key: 'i' });
    await waitFor(() => expect(ack('b').textContent).toMatch(/^Inserted/));
    expect(connector.inserts).toEqual([{ tabId: 7, recommendationId: 'b' }]);
    fireEvent.keyDown(b, { key: 'h' });
    await waitFor(() => expect(connector.events.at(-1)).toMatchObject({ recommendationId: 'b', action: 'helpful' }));
    fireEvent.keyDown(b, { key: 'n' });
    expect(await within(b).findByTestId('reason-form')).toBeTruthy();
    fireEvent.keyDown(b, { key: 'Escape' });

    // Shortcuts never fire from a field or button inside the card.
    fireEvent.keyDown(within(b).getByTestId('copy'), { key: 'd' });
    expect(screen.getAllByTestId('recommendation')).toHaveLength(3);
    // Nor with a modifier (Ctrl+C copies the agent's own selection).
    fireEvent.keyDown(b, { key: 'c', ctrlKey: true });
    expect(connector.copies).toHaveLength(1);

    b.focus();
    fireEvent.keyDown(b, { key: 'Delete' });
    await waitFor(() => expect(screen.getAllByTestId('recommendation').map((item) => item.dataset.id)).toEqual(['a', 'c']));
    // Focus goes to the card that took its place.
    await waitFor(() => expect(document.activeElement).toBe(card('c')));
  });

  it('lists the shortcuts, with the command keys the agent really has', async () => {
    const connector = new FakePanelConnector(snapshotFixture());
    connector.shortcuts = { _execute_action: 'Ctrl+Shift+K', 'insert-top-suggestion': '' };
    render(<App connector={connector} now={() => FIXTURE_NOW} />);
    const help = screen.getByTestId('keyboard-help');
    // Closed, it holds only its summary: the list arrives when the agent opens it.
    expect(help.textContent).toBe('Keyboard shortcuts');
    fireEvent.click(within(help).getByText('Keyboard shortcuts'));
    await waitFor(() => expect(help.textContent).toContain('Ctrl+Shift+K'));
    expect(help.textContent).toContain('(no shortcut set)');
    expect(help.textContent).toContain('Mark not helpful');
  });
});

describe('impressions', () => {
  it('reports a card once it is at least half visible, once per conversation', async () => {
    const connector = renderPanel();
    const observer = FakeIntersectionObserver.instances[0]!;
    expect(observer.targets.size).toBe(3);
    observer.show(card('a'), 0.4);
    expect(connector.events).toEqual([]);
    observer.show(card('a'), 0.6);
    observer.show(card('a'), 1);
    observer.show(card('b'), 0.5);
    await waitFor(() => expect(connector.events.map((event) => [event.action, event.recommendationId])).toEqual([
      ['impression', 'a'],
      ['impression', 'b'],
    ]));
    expect(connector.events[0]).toEqual({ conversationId: 'conv-1', recommendationId: 'a', sourceId: 'kb-a', action: 'impression' });

    // Another conversation with the same card counts again.
    connector.update({ view: viewFixture('ready', { recommendations: cards, conversationId: 'conv-2' }) });
    await waitFor(() => expect(card('a')).toBeTruthy());
    observer.show(card('a'), 1);
    await waitFor(() => expect(connector.events.at(-1)).toMatchObject({ conversationId: 'conv-2', recommendationId: 'a', action: 'impression' }));
    expect(connector.events).toHaveLength(3);
  });

  it('tries again on a later sighting when the worker did not record it', async () => {
    const connector = renderPanel();
    let fail = true;
    connector.eventResult = () => (fail ? { ok: false, code: 'no-reply', message: 'asleep' } : { ok: true, eventId: 'e' });
    const observer = FakeIntersectionObserver.instances[0]!;
    observer.show(card('a'), 1);
    await waitFor(() => expect(connector.events).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    fail = false;
    observer.show(card('a'), 1);
    await waitFor(() => expect(connector.events).toHaveLength(2));
    observer.show(card('a'), 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(connector.events).toHaveLength(2);
  });
});

describe('the card itself', () => {
  it('shows the type badge and relevance level', () => {
    renderPanel();
    expect(within(card('b')).getByTestId('type').textContent).toBe('FAQ');
    expect(within(card('a')).getByTestId('score-level').textContent).toBe('High');
  });
});
