import { describe, expect, it } from 'vitest';
import type { DesktopFrameReport } from '../shared/messages';
import { createFrameReporter, type ReportRoutes } from './frame-reporter';

const TOKEN = 'a'.repeat(32);
const turn = (text: string) => ({ role: 'customer' as const, text });
const report = (transcript: DesktopFrameReport['transcript'], extra: Partial<DesktopFrameReport> = {}): DesktopFrameReport => ({
  conversationId: 'c',
  channel: 'message',
  transcript,
  profileId: 'p',
  frameToken: TOKEN,
  ...extra,
});

/** A worker that holds one frame's numbered report, as desktop-intake.ts does; each route can fail. */
function worker() {
  const sent: { type: 'whole' | 'append'; data: unknown }[] = [];
  let held: { revision: number | undefined; transcript: unknown[] } | null = null;
  const failing = { whole: false, append: false };
  const routes: ReportRoutes = {
    async whole(data) {
      sent.push({ type: 'whole', data });
      if (failing.whole) throw new Error('gone');
      held = { revision: data.revision, transcript: data.transcript };
      return { accepted: true };
    },
    async append(change) {
      sent.push({ type: 'append', data: change });
      if (failing.append) throw new Error('port closed');
      if (!held || held.revision !== change.after) return { applied: false };
      held = { revision: change.revision, transcript: [...held.transcript, ...change.turns].slice(-3) };
      return { applied: true };
    },
  };
  return { routes, sent, failing, held: () => held, forget: () => void (held = null) };
}

describe('frame reporter', () => {
  it('sends the whole report first, then only the new turns', async () => {
    const w = worker();
    const reporter = createFrameReporter(w.routes, 3);
    const [a, b, c, d] = [turn('a'), turn('b'), turn('c'), turn('d')];
    await reporter.report(report([a]));
    await reporter.report(report([a, b, c]));
    await reporter.report(report([b, c, d]));
    expect(w.sent.map((message) => message.type)).toEqual(['whole', 'append', 'append']);
    expect(w.sent[2]!.data).toEqual({ frameToken: TOKEN, after: 2, revision: 3, turns: [d] });
    expect(w.held()?.transcript).toEqual([b, c, d]);
  });

  it('sends the whole report when the worker does not hold the base, or anything else changed', async () => {
    const w = worker();
    const reporter = createFrameReporter(w.routes, 3);
    const [a, b, c] = [turn('a'), turn('b'), turn('c')];
    await reporter.report(report([a]));
    w.forget();
    await reporter.report(report([a, b]));
    expect(w.sent.map((message) => message.type)).toEqual(['whole', 'append', 'whole']);
    expect(w.held()).toEqual({ revision: 3, transcript: [a, b] });
    await reporter.report(report([a, b, c], { subject: 'Lost parcel' }));
    expect(w.sent.at(-1)!.type).toBe('whole');
  });

  it('sends the whole report at once when an addition cannot be sent', async () => {
    const w = worker();
    const reporter = createFrameReporter(w.routes, 3);
    const [a, b, c] = [turn('a'), turn('b'), turn('c')];
    await reporter.report(report([a]));
    w.failing.append = true;
    await reporter.report(report([a, b]));
    expect(w.sent.map((message) => message.type)).toEqual(['whole', 'append', 'whole']);
    expect(w.held()).toEqual({ revision: 3, transcript: [a, b] });
    w.failing.append = false;
    await reporter.report(report([a, b, c]));
    expect(w.sent.at(-1)).toEqual({ type: 'append', data: { frameToken: TOKEN, after: 3, revision: 4, turns: [c] } });
  });

  it('after a failed whole report, sends the next one whole', async () => {
    const w = worker();
    const reporter = createFrameReporter(w.routes, 3);
    const [a, b, c] = [turn('a'), turn('b'), turn('c')];
    await reporter.report(report([a]));
    w.failing.whole = true;
    await expect(reporter.report(report([a, b], { channel: 'chat' }))).rejects.toThrow('gone');
    w.failing.whole = false;
    await reporter.report(report([a, b, c], { channel: 'chat' }));
    expect(w.sent.map((message) => message.type)).toEqual(['whole', 'whole', 'whole']);
    expect(w.held()?.transcript).toEqual([a, b, c]);
  });

  it('never sends a delta for a frame without a token', async () => {
    const w = worker();
    const reporter = createFrameReporter(w.routes, 3);
    const [a, b] = [turn('a'), turn('b')];
    await reporter.report(report([a], { frameToken: undefined }));
    await reporter.report(report([a, b], { frameToken: undefined }));
    expect(w.sent.map((message) => message.type)).toEqual(['whole', 'whole']);
  });
});
