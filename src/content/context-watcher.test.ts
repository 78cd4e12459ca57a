// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopFrameReport } from '../shared/messages';
import { reportRetryDelayMs, watchDesktop } from './context-watcher';
import { liveObservers } from './observers';
import type { DesktopReader } from './read-desktop';

function fakeReader(): DesktopReader & { current: DesktopFrameReport; changed: MutationRecord[]; reads: number; scopes: string[]; shadowRoots: ShadowRoot[]; recheckInMs: number | null; container: Element | null } {
  const reader = {
    current: { conversationId: 'a', channel: 'chat', transcript: [], profileId: 'test' } as DesktopFrameReport,
    reads: 0,
    scopes: [] as string[],
    shadowRoots: [] as ShadowRoot[],
    recheckInMs: null as number | null,
    container: null as Element | null,
    changed: [] as MutationRecord[],
    transcriptChanged(records: Iterable<MutationRecord>) {
      reader.changed.push(...records);
    },
        read(scope: 'all' | 'transcript-only' = 'all') {
      reader.reads++;
      reader.scopes.push(scope);
      return { report: reader.current, shadowRoots: reader.shadowRoots, recheckInMs: reader.recheckInMs, transcriptContainer: reader.container };
    },
    transcriptContainer: () => reader.container,
    conversationId: () => reader.current.conversationId,
  };
  return reader;
}

describe('watchDesktop', () => {
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    // happy-dom has no requestIdleCallback: the watcher then reads straight from its timer.
    expect('requestIdleCallback' in window).toBe(false);
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('reports what is on screen at start, then only changes, once per quiet period', async () => {
    const reader = fakeReader();
    const report = vi.fn(async () => undefined);
    watchDesktop({ reader, root: document.body, win: window, report, signal: controller.signal, debounceMs: 300, maxWaitMs: 5000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(report).toHaveBeenCalledTimes(1);

    for (let i = 0; i < 10; i++) {
      reader.current = { ...reader.current, transcript: [{ role: 'customer', text: `typing ${i}` }] };
      document.body.append(document.createElement('span'));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(report).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(report).toHaveBeenCalledTimes(2);
    expect(report).toHaveBeenLastCalledWith(reader.current);

    // A mutation that changes nothing we read sends nothing.
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(400);
    expect(report).toHaveBeenCalledTimes(2);
  });

  it('still reports at least every maxWait while the page keeps changing', async () => {
    const reader = fakeReader();
    const report = vi.fn(async () => undefined);
    watchDesktop({ reader, root: document.body, win: window, report, signal: controller.signal, debounceMs: 300, maxWaitMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 20; i++) {
      reader.current = { ...reader.current, transcript: [{ role: 'customer', text: `line ${i}` }] };
      document.body.append(document.createElement('span'));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(report.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(report.mock.calls.length).toBeLessThanOrEqual(4);
  });

  it('tries again on the next change after a failed report', async () => {
    const reader = fakeReader();
    const report = vi.fn(async () => {
      throw new Error('worker restarting');
    });
    watchDesktop({ reader, root: document.body, win: window, report, signal: controller.signal, debounceMs: 50 });
    await vi.advanceTimersByTimeAsync(0);
    expect(report).toHaveBeenCalledTimes(1);
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(100);
    expect(report).toHaveBeenCalledTimes(2);
  });

  it('sends a refused report again on its own, backing off, when nothing on the page changes', async () => {
    const reader = fakeReader();
    let refuse = 3;
    const report = vi.fn(async () => {
      if (refuse-- > 0) throw new Error('Sender refused: not an agent desktop page');
    });
    watchDesktop({ reader, root: document.body, win: window, report, signal: controller.signal, debounceMs: 50 });
    await vi.advanceTimersByTimeAsync(0);
    expect(report).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(report).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(report).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(report).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(2000);
    expect(report).toHaveBeenCalledTimes(4);
    // Accepted: nothing more is sent while nothing changes.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(report).toHaveBeenCalledTimes(4);
  });

  it('backs off from 0.5 s to at most 30 s', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(reportRetryDelayMs)).toEqual([500, 1000, 2000, 4000, 30_000, 30_000, 30_000]);
  });

  it('observes the shadow roots the profile reaches, and lets go of those it no longer reaches', async () => {
    const reader = fakeReader();
    const report = vi.fn(async () => undefined);
    const before = liveObservers();
    const hosts = [0, 1].map(() => document.body.appendChild(document.createElement('section-host')));
    const [first, second] = hosts.map((host) => host.attachShadow({ mode: 'open' }));
    reader.shadowRoots = [first!];
    watchDesktop({ reader, root: document.body, win: window, report, signal: controller.signal, debounceMs: 50 });
    await vi.advanceTimersByTimeAsync(0);
    expect(liveObservers() - before).toBe(2); // the document, and the shadow root

    // A change inside the shadow root is seen, though the document's observer cannot see it.
    reader.current = { ...reader.current, transcriptFrameToken: 'a'.repeat(32) };
    first!.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(100);
    expect(report).toHaveBeenCalledTimes(2);

    // The conversation area was re-rendered: the old root's observer goes, the new one's comes.
    reader.shadowRoots = [second!];
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(100);
    expect(liveObservers() - before).toBe(2);
    reader.current = { ...reader.current, transcriptFrameToken: 'b'.repeat(32) };
    second!.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(100);
    expect(report).toHaveBeenCalledTimes(3);
    const reads = reader.reads;
    first!.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(100);
    expect(reader.reads).toBe(reads);

    controller.abort();
    expect(liveObservers()).toBe(before);
  });

  it('reads only the transcript when only the transcript changed, and everything otherwise', async () => {
    const reader = fakeReader();
    const report = vi.fn(async () => undefined);
    const transcript = document.body.appendChild(document.createElement('div'));
    reader.container = transcript;
    watchDesktop({ reader, root: document.body, win: window, report, signal: controller.signal, debounceMs: 50 });
    await vi.advanceTimersByTimeAsync(0);
    transcript.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(100);
    transcript.firstElementChild?.append('more text');
    await vi.advanceTimersByTimeAsync(100);
    document.body.append(document.createElement('aside'));
    await vi.advanceTimersByTimeAsync(100);
    // A re-rendered transcript: its old container is gone, so everything is read again.
    transcript.remove();
    await vi.advanceTimersByTimeAsync(100);
    expect(reader.scopes).toEqual(['all', 'transcript-only', 'transcript-only', 'all', 'all']);
  });

  it('hands the reader the records from inside the transcript, and only those', async () => {
    const reader = fakeReader();
    const transcript = document.body.appendChild(document.createElement('div'));
    reader.container = transcript;
    watchDesktop({ reader, root: document.body, win: window, report: async () => undefined, signal: controller.signal, debounceMs: 50 });
    await vi.advanceTimersByTimeAsync(0);
    const line = document.createElement('p');
    transcript.append(line);
    const aside = document.body.appendChild(document.createElement('aside'));
    await vi.advanceTimersByTimeAsync(100);
    expect(reader.changed.map((record) => [...record.addedNodes])).toEqual([[line]]);
    expect(reader.changed.some((record) => [...record.addedNodes].includes(aside))).toBe(false);
    // The change outside still has everything read again.
    expect(reader.scopes).toEqual(['all', 'all']);
  });

  it('reads again when the reader asks to, without any mutation', async () => {
    const reader = fakeReader();
    const report = vi.fn(async () => undefined);
    reader.recheckInMs = 250;
    watchDesktop({ reader, root: document.body, win: window, report, signal: controller.signal, debounceMs: 50 });
    await vi.advanceTimersByTimeAsync(0);
    expect(reader.reads).toBe(1);
    reader.recheckInMs = null;
    reader.current = { ...reader.current, transcriptFrameToken: 'c'.repeat(32) };
    await vi.advanceTimersByTimeAsync(250);
    expect(reader.reads).toBe(2);
    expect(report).toHaveBeenLastCalledWith(reader.current);
    await vi.advanceTimersByTimeAsync(5000);
    expect(reader.reads).toBe(2);
  });

  it('stops observing when aborted', async () => {
    const reader = fakeReader();
    const report = vi.fn(async () => undefined);
    watchDesktop({ reader, root: document.body, win: window, report, signal: controller.signal, debounceMs: 50 });
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    reader.current = { ...reader.current, conversationId: 'b' };
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(200);
    expect(report).toHaveBeenCalledTimes(1);
  });
});
