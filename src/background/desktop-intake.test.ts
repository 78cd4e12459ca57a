import { describe, expect, it, vi } from 'vitest';
import type { TabDesktopDiagnostics } from '../shared/desktop-diagnostics';
import type { DesktopFrameReport } from '../shared/messages';
import { MAX_STORED_TURNS } from './context-intake';
import { createDesktopIntake, type DesktopIntakeDeps } from './desktop-intake';
import type { StoredContext, StoredFrame } from './tab-state';

const TAB = 3;
const GADGET = 'b'.repeat(32);
const TOP_URL = 'http://127.0.0.1:4010/directory/?timeline=off#/activity';
const GADGET_URL = 'http://127.0.0.1:4010/messaging-gadget/messaging-gadget.html';

/** In-memory storage whose reads and writes take a tick, as storage.session's do. */
function harness() {
  const frames = new Map<number, StoredFrame[]>();
  const contexts = new Map<number, StoredContext>();
  const diagnostics = new Map<number, TabDesktopDiagnostics>();
  const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));
  let clock = 1000;
  const deps: DesktopIntakeDeps = {
    readFrames: async (tabId) => {
      await tick();
      return structuredClone(frames.get(tabId) ?? []);
    },
    writeFrames: async (tabId, next, context) => {
      await tick();
      frames.set(tabId, structuredClone([...next]));
      if (context) contexts.set(tabId, structuredClone({ ...context, tabId }));
    },
    readContext: async (tabId) => structuredClone(contexts.get(tabId) ?? null),
    readDiagnostics: async (tabId) => structuredClone(diagnostics.get(tabId) ?? null),
    writeDiagnostics: async (entry) => {
      if (entry.problems.length === 0) diagnostics.delete(entry.tabId);
      else diagnostics.set(entry.tabId, structuredClone(entry));
    },
    firstReport: vi.fn(async () => undefined),
    changed: vi.fn(),
    now: () => clock++,
  };
  return { deps, frames, contexts, diagnostics, intake: createDesktopIntake(deps) };
}

const top = (report: Partial<DesktopFrameReport>): { sender: { tabId: number; frameId: number; url: string }; report: DesktopFrameReport } => ({
  sender: { tabId: TAB, frameId: 0, url: TOP_URL },
  report: { conversationId: null, channel: null, transcript: [], profileId: 'simulator-genesys', ...report },
});
const gadget = (report: Partial<DesktopFrameReport>): { sender: { tabId: number; frameId: number; url: string }; report: DesktopFrameReport } => ({
  sender: { tabId: TAB, frameId: 7, url: GADGET_URL },
  report: { conversationId: null, channel: null, transcript: [], profileId: 'simulator-genesys', frameToken: GADGET, ...report },
});

describe('desktop intake', () => {
  it('keeps every frame when several report at once, and joins them', async () => {
    const h = harness();
    const a = top({ conversationId: 'conv-1', channel: 'message', transcriptFrameToken: GADGET });
    const b = gadget({ transcript: [{ role: 'customer', text: 'my parcel is lost' }] });
    await Promise.all([h.intake.intake(a.sender, a.report), h.intake.intake(b.sender, b.report)]);
    expect(h.frames.get(TAB)?.map((frame) => frame.frameId).sort()).toEqual([0, 7]);
    expect(h.contexts.get(TAB)?.context).toMatchObject({ conversationId: 'conv-1', transcript: [{ role: 'customer', text: 'my parcel is lost' }] });
    // The worker knows which frame holds the transcript (and the composer) of the conversation shown.
    expect(h.contexts.get(TAB)).toMatchObject({ frameId: 0, transcriptFrameId: 7 });
    expect(h.deps.firstReport).toHaveBeenCalledTimes(1);
  });

  it('runs the pipeline only when the joined context changes', async () => {
    const h = harness();
    const a = top({ conversationId: 'conv-1', channel: 'message', transcriptFrameToken: GADGET });
    await h.intake.intake(a.sender, a.report);
    expect(h.deps.changed).toHaveBeenCalledTimes(1);
    const b = gadget({ transcript: [{ role: 'customer', text: 'hello' }] });
    await h.intake.intake(b.sender, b.report);
    expect(h.deps.changed).toHaveBeenCalledTimes(2);
    // The same again, and a report from a frame nobody looks at: nothing to recompute.
    await h.intake.intake(b.sender, b.report);
    await h.intake.intake({ tabId: TAB, frameId: 9, url: GADGET_URL }, { ...b.report, frameToken: 'c'.repeat(32), transcript: [{ role: 'customer', text: 'other' }] });
    expect(h.deps.changed).toHaveBeenCalledTimes(2);
    expect(await h.intake.intake(b.sender, b.report)).toEqual({ accepted: true });
  });

  it('stores the shown frame\'s problem once, and clears it when the frame reads again', async () => {
    const h = harness();
    const a = top({ conversationId: 'conv-1', channel: 'message', transcriptFrameToken: GADGET });
    const broken = gadget({ problems: [{ key: 'transcriptSelector', selector: '.nope' }] });
    await h.intake.intake(a.sender, a.report);
    await h.intake.intake(broken.sender, broken.report);
    await h.intake.intake(broken.sender, broken.report);
    expect(h.diagnostics.get(TAB)).toEqual({
      tabId: TAB,
      updatedAt: expect.any(Number),
      problems: [{ key: 'transcriptSelector', selector: '.nope', profileId: 'simulator-genesys', frameUrl: GADGET_URL }],
    });
    const fixed = gadget({ transcript: [{ role: 'customer', text: 'hi' }] });
    await h.intake.intake(fixed.sender, fixed.report);
    expect(h.diagnostics.has(TAB)).toBe(false);
  });

  it('writes the frames and the changed context together, once, before the pipeline is told', async () => {
    const h = harness();
    const a = top({ conversationId: 'conv-1', channel: 'message', transcriptFrameToken: GADGET });
    const b = gadget({ transcript: [{ role: 'customer', text: 'my parcel is lost' }] });
    await h.intake.intake(a.sender, a.report);
    await h.intake.intake(b.sender, b.report);
    const writes: { withContext: boolean; changedBefore: number }[] = [];
    const write = h.deps.writeFrames;
    h.deps.writeFrames = async (tabId, next, context) => {
      writes.push({ withContext: context !== undefined, changedBefore: vi.mocked(h.deps.changed).mock.calls.length });
      await write(tabId, next, context);
    };
    const changedBefore = vi.mocked(h.deps.changed).mock.calls.length;
    const c = gadget({ transcript: [{ role: 'customer', text: 'my parcel is lost' }, { role: 'customer', text: 'order 4411' }] });
    await h.intake.intake(c.sender, c.report);
    expect(writes).toEqual([{ withContext: true, changedBefore }]);
    expect(h.deps.changed).toHaveBeenCalledTimes(changedBefore + 1);
    expect(h.contexts.get(TAB)?.context.transcript.at(-1)?.text).toBe('order 4411');

    // A report that changes nothing joined writes the frames alone and tells nobody.
    await h.intake.intake(c.sender, c.report);
    expect(writes).toEqual([{ withContext: true, changedBefore }, { withContext: false, changedBefore: changedBefore + 1 }]);
    expect(h.deps.changed).toHaveBeenCalledTimes(changedBefore + 1);
  });

  it('goes on after a storage failure', async () => {
    const h = harness();
    const failing = vi.fn(async () => {
      throw new Error('quota');
    });
    const write = h.deps.writeFrames;
    h.deps.writeFrames = failing;
    const a = top({ conversationId: 'conv-1', channel: 'chat' });
    await expect(h.intake.intake(a.sender, a.report)).rejects.toThrow('quota');
    h.deps.writeFrames = write;
    await h.intake.intake(a.sender, a.report);
    expect(h.contexts.get(TAB)?.context.conversationId).toBe('conv-1');
  });

  it('appends new turns to the report the frame numbered, and says when it does not hold that report', async () => {
    const h = harness();
    const a = top({ conversationId: 'conv-1', channel: 'message', transcriptFrameToken: GADGET });
    const b = gadget({ transcript: [{ role: 'customer', text: 'my parcel is lost' }] });
    await h.intake.intake(a.sender, a.report);
    await h.intake.intake(b.sender, b.report, 4);
    const next = [{ role: 'agent' as const, text: 'Let me look' }];
    expect(await h.intake.append(b.sender, { frameToken: GADGET, after: 4, revision: 5, turns: next })).toEqual({ applied: true });
    expect(h.contexts.get(TAB)?.context.transcript).toEqual([{ role: 'customer', text: 'my parcel is lost' }, ...next]);
    expect(h.frames.get(TAB)?.find((frame) => frame.frameId === 7)?.revision).toBe(5);
    expect(h.deps.changed).toHaveBeenCalledTimes(3);
    // Another base, another content script's token, a frame that never reported whole: nothing changes.
    const refused = [
      { sender: b.sender, change: { frameToken: GADGET, after: 4, revision: 6, turns: next } },
      { sender: b.sender, change: { frameToken: 'c'.repeat(32), after: 5, revision: 6, turns: next } },
      { sender: { ...b.sender, frameId: 8 }, change: { frameToken: GADGET, after: 5, revision: 6, turns: next } },
    ];
    for (const { sender, change } of refused) expect(await h.intake.append(sender, change)).toEqual({ applied: false });
    expect(h.contexts.get(TAB)?.context.transcript).toHaveLength(2);
    expect(h.deps.changed).toHaveBeenCalledTimes(3);
    // A whole report without a number cannot be appended to.
    await h.intake.intake(b.sender, b.report);
    expect(await h.intake.append(b.sender, { frameToken: GADGET, after: 5, revision: 6, turns: next })).toEqual({ applied: false });
  });

  it('keeps the last turns only when appended turns pass the limit', async () => {
    const h = harness();
    const turns = Array.from({ length: MAX_STORED_TURNS }, (_, index) => ({ role: 'customer' as const, text: `line ${index}` }));
    const b = gadget({ conversationId: 'conv-1', channel: 'chat', transcript: turns });
    await h.intake.intake(b.sender, b.report, 1);
    await h.intake.append(b.sender, { frameToken: GADGET, after: 1, revision: 2, turns: [{ role: 'agent', text: 'new' }] });
    const stored = h.contexts.get(TAB)?.context.transcript ?? [];
    expect(stored).toHaveLength(MAX_STORED_TURNS);
    expect(stored[0]).toEqual({ role: 'customer', text: 'line 1' });
    expect(stored.at(-1)).toEqual({ role: 'agent', text: 'new' });
  });
});
