import type { Turn } from '../shared/conversation';
import type { DesktopFrameReport } from '../shared/messages';

/** Whether two reports agree on everything but the transcript. */
function sameHeader(a: DesktopFrameReport, b: DesktopFrameReport): boolean {
  if (
    a.conversationId !== b.conversationId ||
    a.channel !== b.channel ||
    a.profileId !== b.profileId ||
    a.participantName !== b.participantName ||
    a.subject !== b.subject ||
    a.startedAt !== b.startedAt ||
    a.frameToken !== b.frameToken ||
    a.transcriptFrameToken !== b.transcriptFrameToken ||
    a.page !== b.page
  ) {
    return false;
  }
  const problems = (report: DesktopFrameReport) => (report.problems ?? []).map((problem) => `${problem.key}\n${problem.selector}`).join('\n\n');
  return (a.problems === undefined && b.problems === undefined) || problems(a) === problems(b);
}

/**
 * Whether a frame's new report says nothing new. Compared field by field rather than as JSON:
 * turns read from the same message elements are the very same objects, so on a long conversation
 * this is a few pointer comparisons instead of serialising the transcript on every look.
 */
export function sameFrameReport(a: DesktopFrameReport, b: DesktopFrameReport): boolean {
  if (a.transcript.length !== b.transcript.length || !sameHeader(a, b)) return false;
  if (a.transcript === b.transcript) return true;
  return a.transcript.every((turn, index) => {
    const other = b.transcript[index];
    return other !== undefined && (turn === other || (turn.role === other.role && turn.text === other.text));
  });
}

/**
 * The turns `after` adds at the end of `before`'s transcript when that is all that changed: `after`'s
 * transcript is `before`'s with them appended, cut to the last `keep` (as the worker keeps it).
 * Null for anything else (another header, an edit, a removal, a turn inserted above the end), and
 * then the whole report goes. Turns are compared by identity: the transcript reader hands out the
 * same object for a message it already read, so this is pointer comparisons, and a message read
 * again (its text changed) is never taken for the old one.
 */
export function appendedTurns(before: DesktopFrameReport, after: DesktopFrameReport, keep: number): Turn[] | null {
  const old = before.transcript;
  const now = after.transcript;
  if (old.length === 0 || now.length === 0 || !sameHeader(before, after)) return null;
  // Where `now` starts in `old`: at its start, unless the window is full and older turns fell out.
  const start = now.length < keep ? 0 : old.indexOf(now[0]!);
  if (start < 0) return null;
  const kept = old.length - start;
  if (now.length <= kept) return null;
  for (let index = 0; index < kept; index++) if (now[index] !== old[start + index]) return null;
  return now.slice(kept);
}
