import { REPORTED_TURNS } from '../shared/conversation-limits';
import type { DesktopFrameReport, DesktopReportRequest, TranscriptAppend } from '../shared/messages';
import { appendedTurns } from './same-report';

/**
 * Sends a frame's reports so that a new message costs the same however long the chat: the whole
 * report when anything but the transcript's end changed, and otherwise only the new turns, as an
 * addition to the report the worker acknowledged last (numbered, so the worker can tell it holds
 * that one). When the worker does not (it lost it, or another report came between) or the
 * addition could not be sent (the worker stopped, and its port with it), the whole report follows
 * at once. A whole report that fails is the caller's to send again.
 *
 * Two routes (index.ts): the whole report as a runtime message, which wakes a stopped worker and
 * carries the frame's current URL (a port keeps the one it was opened with, and Chromium can
 * name a new gadget frame `about:blank` at first); additions on the frame's long-lived port
 * (report-channel.ts), which opens no message channel per message.
 */
export interface FrameReporter {
  report(current: DesktopFrameReport): Promise<void>;
}

export interface ReportRoutes {
  whole(report: DesktopReportRequest): Promise<unknown>;
  append(change: TranscriptAppend): Promise<{ applied: boolean }>;
}

export function createFrameReporter(routes: ReportRoutes, keep = REPORTED_TURNS): FrameReporter {
  // The last report the worker acknowledged, and its number.
  let held: { report: DesktopFrameReport; revision: number } | null = null;
  let revision = 0;

  return {
    async report(current) {
      const turns = held && current.frameToken !== undefined ? appendedTurns(held.report, current, keep) : null;
      if (held && turns && current.frameToken !== undefined) {
        const next = ++revision;
        const applied = await routes.append({ frameToken: current.frameToken, after: held.revision, revision: next, turns }).then(
          (reply) => reply.applied,
          () => false,
        );
        if (applied) {
          held = { report: current, revision: next };
          return;
        }
      }
      const next = ++revision;
      held = null;
      await routes.whole({ ...current, revision: next });
      held = { report: current, revision: next };
    },
  };
}
