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
  writeFrames(tabId: number, frames: readonly StoredFrame[]): Promise<void>;
  readContext(tabId: number): Promise<StoredContext | null>;
  writeContext(context: StoredContext): Promise<void>;
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

  async function intake(sender: FrameSender, report: DesktopFrameReport, revision: number | undefined): Promise<{ accepted: boolean }> {
    const at = deps.now();
    const [frames, previous] = await Promise.all([deps.readFrames(sender.tabId), deps.readContext(sender.tabId)]);
    await record(at, sender, frames, previous, report, revision);
    return { accepted: true };
  }

  async function append(sender: FrameSender, change: TranscriptAppend): Promise<{ applied: boolean }> {
    const at = deps.now();
    const [frames, previous] = await Promise.all([deps.readFrames(sender.tabId), deps.readContext(sender.tabId)]);
    const appended = appendToFrame(frames, sender.frameId, change);
    if (!appended) return { applied: false };
    await record(at, { ...sender, url: appended.url }, frames, previous, appended.report, change.revision);
    return { applied: true };
  }

  /** `at`: when the report arrived, before any storage was read (P1 counts from there). */
  async function record(at: number, sender: FrameSender, frames: StoredFrame[], previous: StoredContext | null, report: DesktopFrameReport, revision: number | undefined): Promise<void> {
    const next = recordFrame(frames, { frameId: sender.frameId, url: sender.url, receivedAt: at, report, ...(revision !== undefined && { revision }) });
    await deps.writeFrames(sender.tabId, next);
    const joined = joinFrames(next);
    if (!joined) return;
    if (!previous) await deps.firstReport(sender.tabId);
    const contextChanged = !previous || previous.frameId !== joined.frameId || !sameContext(previous.context, joined.context);
    // The same conversation in a new gadget frame (an iframe reloaded) needs no new recommendations.
    const holderChanged = (previous?.transcriptFrameId ?? null) !== joined.transcriptFrameId;
    if (contextChanged || holderChanged) await deps.writeContext({ tabId: sender.tabId, frameId: joined.frameId, transcriptFrameId: joined.transcriptFrameId, receivedAt: at, context: joined.context });
    if (contextChanged) deps.changed(sender.tabId);
    await updateDiagnostics(sender.tabId, joined.problems, at);
  }

  async function updateDiagnostics(tabId: number, problems: DesktopDiagnostic[], at: number): Promise<void> {
    const stored = await deps.readDiagnostics(tabId);
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
