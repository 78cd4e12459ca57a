import type { DesktopDiagnostic, TabDesktopDiagnostics } from '../shared/desktop-diagnostics';
import type { DesktopFrameReport, TranscriptAppend } from '../shared/messages';
import { appendToFrame, joinFrames, recordFrame, sameContext, sameProblems } from './context-intake';
import { createSerialQueue } from './serial-queue';
import type { StoredContext, StoredFrame } from './tab-state';

/**
 * The shell around context-intake.ts: a frame's report is recorded with the tab's other frames,
 * the tab's context is joined again, and when it changed the pipeline runs. Reports of one tab
 * are handled one at a time, because several frames report at once and each is a read-modify-write
 * of the tab's frames in storage.session.
 */
export interface DesktopIntakeDeps {
  readFrames(tabId: number): Promise<StoredFrame[]>;
  /** The tab's frames and, when it changed, its context, in one write. */
  writeFrames(tabId: number, frames: readonly StoredFrame[], context?: Omit<StoredContext, 'tabId'>): Promise<void>;
  readContext(tabId: number): Promise<StoredContext | null>;
  readDiagnostics(tabId: number): Promise<TabDesktopDiagnostics | null>;
  writeDiagnostics(diagnostics: TabDesktopDiagnostics): Promise<void>;
  /** The first report of a tab: the side panel becomes available there. */
  firstReport(tabId: number): Promise<void>;
  /** The tab's joined context changed: recompute its view (not awaited by the reply). */
  changed(tabId: number): void;
  now(): number;
}

export interface FrameSender {
  tabId: number;
  frameId: number;
  url: string;
}

export function createDesktopIntake(deps: DesktopIntakeDeps) {
  const tabs = createSerialQueue();

  /** What a report is recorded against, read at once: each storage call is a round trip. */
  function readTab(tabId: number) {
    return Promise.all([deps.readFrames(tabId), deps.readContext(tabId), deps.readDiagnostics(tabId)]);
  }

  async function intake(sender: FrameSender, report: DesktopFrameReport, revision: number | undefined): Promise<{ accepted: boolean }> {
    const at = deps.now();
    const [frames, previous, diagnostics] = await readTab(sender.tabId);
    await record(at, sender, frames, previous, diagnostics, report, revision);
    return { accepted: true };
  }

  async function append(sender: FrameSender, change: TranscriptAppend): Promise<{ applied: boolean }> {
    const at = deps.now();
    const [frames, previous, diagnostics] = await readTab(sender.tabId);
    const appended = appendToFrame(frames, sender.frameId, change);
    if (!appended) return { applied: false };
    await record(at, { ...sender, url: appended.url }, frames, previous, diagnostics, appended.report, change.revision);
    return { applied: true };
  }

  /** `at`: when the report arrived, before any storage was read (P1 counts from there). */
  async function record(
    at: number,
    sender: FrameSender,
    frames: StoredFrame[],
    previous: StoredContext | null,
    diagnostics: TabDesktopDiagnostics | null,
    report: DesktopFrameReport,
    revision: number | undefined,
  ): Promise<void> {
    const next = recordFrame(frames, { frameId: sender.frameId, url: sender.url, receivedAt: at, report, ...(revision !== undefined && { revision }) });
    const joined = joinFrames(next);
    if (!joined) return deps.writeFrames(sender.tabId, next);
    if (!previous) await deps.firstReport(sender.tabId);
    const contextChanged = !previous || previous.frameId !== joined.frameId || !sameContext(previous.context, joined.context);
    // The same conversation in a new gadget frame (an iframe reloaded) needs no new recommendations.
    const holderChanged = (previous?.transcriptFrameId ?? null) !== joined.transcriptFrameId;
    const context = contextChanged || holderChanged ? { frameId: joined.frameId, transcriptFrameId: joined.transcriptFrameId, receivedAt: at, context: joined.context } : undefined;
    await deps.writeFrames(sender.tabId, next, context);
    if (contextChanged) deps.changed(sender.tabId);
    await updateDiagnostics(sender.tabId, diagnostics, joined.problems, at);
  }

  async function updateDiagnostics(tabId: number, stored: TabDesktopDiagnostics | null, problems: DesktopDiagnostic[], at: number): Promise<void> {
    if (sameProblems(stored?.problems ?? [], problems)) return;
    await deps.writeDiagnostics({ tabId, updatedAt: at, problems });
  }

  return {
    /** A frame's whole report; `revision` numbers it, so later turns can be appended to it. */
    intake(sender: FrameSender, report: DesktopFrameReport, revision?: number): Promise<{ accepted: boolean }> {
      return tabs.run(String(sender.tabId), () => intake(sender, report, revision));
    },
    /** New turns after a frame's numbered report: `applied: false` when the worker does not hold that report. */
    append(sender: FrameSender, change: TranscriptAppend): Promise<{ applied: boolean }> {
      return tabs.run(String(sender.tabId), () => append(sender, change));
    },
  };
}
