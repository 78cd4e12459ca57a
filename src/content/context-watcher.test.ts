// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopContext } from '../shared/messages';
import { watchDesktop } from './context-watcher';
import type { DesktopReader } from './read-desktop';

function fakeReader(): DesktopReader & { current: DesktopContext; reads: number } {
  const reader = {
    current: { conversationId: 'a', channel: 'chat', transcript: [], profileId: 'test' } as DesktopContext,
    reads: 0,
    read() {
      reader.reads++;
      return reader.current;
    },
    transcriptContainer: () => null,
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
