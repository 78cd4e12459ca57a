import type { DesktopFrameReport } from '../shared/messages';

/**
 * Whether a frame's new report says nothing new. Compared field by field rather than as JSON:
 * turns read from the same message elements are the very same objects, so on a long conversation
 * this is a few pointer comparisons instead of serialising the transcript on every look.
 */
export function sameFrameReport(a: DesktopFrameReport, b: DesktopFrameReport): boolean {
  if (
    a.conversationId !== b.conversationId ||
    a.channel !== b.channel ||
    a.profileId !== b.profileId ||
    a.participantName !== b.participantName ||
    a.subject !== b.subject ||
    a.startedAt !== b.startedAt ||
    a.frameToken !== b.frameToken ||
    a.transcriptFrameToken !== b.transcriptFrameToken ||
    a.transcript.length !== b.transcript.length
  ) {
    return false;
  }
  const problems = (report: DesktopFrameReport) => (report.problems ?? []).map((problem) => `${problem.key}\n${problem.selector}`).join('\n\n');
  if (problems(a) !== problems(b)) return false;
  if (a.transcript === b.transcript) return true;
  return a.transcript.every((turn, index) => {
    const other = b.transcript[index];
    return other !== undefined && (turn === other || (turn.role === other.role && turn.text === other.text));
  });
}
