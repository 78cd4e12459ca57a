import type { DesktopDiagnostic, TabDesktopDiagnostics } from '../shared/desktop-diagnostics';
import type { DesktopFrameReport } from '../shared/messages';
import { joinFrames, recordFrame, sameContext, sameProblems } from './context-intake';
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

  async function intake(sender: FrameSender, report: DesktopFrameReport): Promise<{ accepted: boolean }> {
    const at = deps.now();
    const [frames, previous] = await Promise.all([deps.readFrames(sender.tabId), deps.readContext(sender.tabId)]);
    const next = recordFrame(frames, { frameId: sender.frameId, url: sender.url, receivedAt: at, report });
    await deps.writeFrames(sender.tabId, next);
    const joined = joinFrames(next);
    if (!joined) return { accepted: true };
    if (!previous) await deps.firstReport(sender.tabId);
    const contextChanged = !previous || previous.frameId !== joined.frameId || !sameContext(previous.context, joined.context);
    // The same conversation in a new gadget frame (an iframe reloaded) needs no new recommendations.
    const holderChanged = (previous?.transcriptFrameId ?? null) !== joined.transcriptFrameId;
    if (contextChanged || holderChanged) await deps.writeContext({ tabId: sender.tabId, frameId: joined.frameId, transcriptFrameId: joined.transcriptFrameId, receivedAt: at, context: joined.context });
    if (contextChanged) deps.changed(sender.tabId);
    await updateDiagnostics(sender.tabId, joined.problems, at);
    return { accepted: true };
  }

  async function updateDiagnostics(tabId: number, problems: DesktopDiagnostic[], at: number): Promise<void> {
    const stored = await deps.readDiagnostics(tabId);
    if (sameProblems(stored?.problems ?? [], problems)) return;
    await deps.writeDiagnostics({ tabId, updatedAt: at, problems });
  }

  return {
    intake(sender: FrameSender, report: DesktopFrameReport): Promise<{ accepted: boolean }> {
      return tabs.run(String(sender.tabId), () => intake(sender, report));
    },
  };
}
