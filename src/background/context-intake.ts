import { REPORTED_TURNS } from '../shared/conversation-limits';
import type { DesktopDiagnostic } from '../shared/desktop-diagnostics';
import type { DesktopContext, DesktopFrameReport, TranscriptAppend } from '../shared/messages';
import type { StoredContext } from './tab-state';

/**
 * Joins what the frames of one desktop tab report into the one conversation context the pipeline
 * works on. The desktop splits a conversation over frames: the top frame shows the selected
 * interaction (id, channel, customer name) and names the iframe that shows its transcript (by the
 * token that frame's content script gave itself); the messaging gadget in that iframe reads the
 * transcript. A single-frame desktop reports both from one frame. All pure.
 *
 * - The selection is the latest report of a frame that shows one; a frame that shows none (an
 *   empty gadget, an unrelated iframe) never blanks it. The same frame saying it shows nothing
 *   any more (the conversation closed) does.
 * - The transcript is the named frame's, or the selection frame's own; a named frame that has not
 *   reported yet gives an empty transcript (never another frame's).
 * - Diagnostics are the problems of whichever frame should hold the transcript.
 */
export interface FrameEntry {
  frameId: number;
  url: string;
  receivedAt: number;
  report: DesktopFrameReport;
  /** The content script's number for this report, when it gave one (only a numbered report can be appended to). */
  revision?: number;
}

export interface JoinedContext {
  /** The frame whose selection the context follows. */
  frameId: number;
  context: DesktopContext;
  /** The frame that holds the transcript (and the composer), when known. */
  transcriptFrameId: number | null;
  problems: DesktopDiagnostic[];
}

/** Frames kept per tab: the desktop keeps one iframe per open conversation, and gone ones linger. */
export const MAX_FRAMES_PER_TAB = 12;
/** Turns kept per frame (what the content script reports): storage.session is shared and bounded. */
export const MAX_STORED_TURNS = REPORTED_TURNS;

export function showsSelection(report: DesktopFrameReport): boolean {
  return report.conversationId !== null || report.channel !== null || report.participantName !== undefined || report.transcriptFrameToken !== undefined;
}

function latest(frames: readonly FrameEntry[]): FrameEntry | undefined {
  let found: FrameEntry | undefined;
  for (const frame of frames) if (!found || frame.receivedAt >= found.receivedAt) found = frame;
  return found;
}

/** The frame's report replaces its previous one; beyond the limit, the oldest frames not in use go. */
export function recordFrame(frames: readonly FrameEntry[], entry: FrameEntry, limit = MAX_FRAMES_PER_TAB): FrameEntry[] {
  const report = entry.report.transcript.length > MAX_STORED_TURNS ? { ...entry.report, transcript: entry.report.transcript.slice(-MAX_STORED_TURNS) } : entry.report;
  const next = [...frames.filter((frame) => frame.frameId !== entry.frameId), { ...entry, report }];
  if (next.length <= limit) return next;
  const joined = joinFrames(next);
  const inUse = new Set([joined?.frameId, joined?.transcriptFrameId]);
  const evictable = next.filter((frame) => !inUse.has(frame.frameId)).sort((a, b) => a.receivedAt - b.receivedAt);
  const evicted = new Set(evictable.slice(0, next.length - limit).map((frame) => frame.frameId));
  return next.filter((frame) => !evicted.has(frame.frameId));
}

/**
 * The frame's stored entry with `change`'s turns at the end of its transcript, if that entry is
 * the report the change follows (same content script, same number); null otherwise, and the frame
 * must send its whole report. The entry keeps the URL its whole report came with: a port keeps
 * the one it was opened with.
 */
export function appendToFrame(frames: readonly FrameEntry[], frameId: number, change: TranscriptAppend): FrameEntry | null {
  const entry = frames.find((frame) => frame.frameId === frameId);
  if (!entry || entry.revision !== change.after || entry.report.frameToken !== change.frameToken) return null;
  return { ...entry, report: { ...entry.report, transcript: [...entry.report.transcript, ...change.turns].slice(-MAX_STORED_TURNS) } };
}

export function joinFrames(frames: readonly FrameEntry[]): JoinedContext | null {
  const newest = latest(frames);
  if (!newest) return null;
  const selection = latest(frames.filter((frame) => showsSelection(frame.report)));
  if (!selection) {
    return { frameId: newest.frameId, context: { conversationId: null, channel: null, transcript: [], profileId: newest.report.profileId }, transcriptFrameId: null, problems: [] };
  }
  const { report } = selection;
  const token = report.transcriptFrameToken;
  // Undefined: no conversation iframe here, the transcript is the selection frame's own.
  const holder = token === undefined ? selection : token === null ? null : (frames.find((frame) => frame.frameId !== selection.frameId && frame.report.frameToken === token) ?? null);
  // While the named frame's reader has not announced itself, the problems (if any) are the selection frame's.
  const problemFrame = holder ?? (token === null ? selection : null);
  const context: DesktopContext = {
    conversationId: report.conversationId,
    channel: report.channel,
    transcript: holder ? holder.report.transcript : [],
    profileId: report.profileId,
    ...(report.participantName !== undefined && { participantName: report.participantName }),
    ...(report.subject !== undefined && { subject: report.subject }),
    ...(report.startedAt !== undefined && { startedAt: report.startedAt }),
  };
  return { frameId: selection.frameId, context, transcriptFrameId: holder?.frameId ?? null, problems: problemFrame ? problemsOf(problemFrame) : [] };
}

function problemsOf(frame: FrameEntry): DesktopDiagnostic[] {
  const frameUrl = shownPage(frame);
  return (frame.report.problems ?? []).map((problem) => ({ ...problem, profileId: frame.report.profileId, frameUrl }));
}

/**
 * The page a frame's problems were seen on. The sender's URL is the one Chromium vouches for, but
 * it can say about:blank for a gadget iframe, which the worker then takes for the tab's page
 * (src/background/messaging/sender.ts): the frame's own word for its page is taken when it is of the same origin.
 */
function shownPage(frame: FrameEntry): string {
  const sent = pageOf(frame.url);
  const own = frame.report.page === undefined ? '' : pageOf(frame.report.page);
  return own && sent && new URL(own).origin === new URL(sent).origin ? own : sent;
}

/** The page without query or fragment: enough to tell which frame, nothing the agent typed. */
export function pageOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '';
  }
}

export function sameContext(a: DesktopContext, b: DesktopContext): boolean {
  if (a.conversationId !== b.conversationId || a.channel !== b.channel || a.transcript.length !== b.transcript.length) return false;
  if (a.participantName !== b.participantName || a.subject !== b.subject || a.startedAt !== b.startedAt) return false;
  return a.transcript.every((turn, index) => {
    const other = b.transcript[index];
    return other !== undefined && other.role === turn.role && other.text === turn.text;
  });
}

export function sameProblems(a: readonly DesktopDiagnostic[], b: readonly DesktopDiagnostic[]): boolean {
  return a.length === b.length && a.every((problem, index) => JSON.stringify(problem) === JSON.stringify(b[index]));
}

/**
 * The frame that holds a tab's conversation: its transcript and reply box (the messaging gadget's
 * iframe on the Genesys desktop), else the frame that shows it. Insert and the overlay go there.
 */
export function conversationFrameOf(stored: StoredContext): number {
  return stored.transcriptFrameId ?? stored.frameId;
}
