import type { Channel } from '../shared/conversation';
import { MAX_PAGE_CHARS, MAX_TURN_CHARS } from '../shared/conversation-limits';
import type { DesktopProblem } from '../shared/desktop-diagnostics';
import type { DesktopProfile } from '../shared/desktop-profile';
import type { DesktopFrameReport } from '../shared/messages';
import { deepQuery, safeClosest, safeMatches, safeQuery, safeQueryAll } from './deep-query';
import { frameTokenOf as readFrameToken } from './frame-token';
import { createTranscriptTail } from './transcript-tail';

/**
 * Reads one frame of the desktop through a desktop profile (selectors as data). Each frame reads
 * only its own document: the top frame finds the selected interaction (id, channel, customer name,
 * start time) and the iframe that shows its transcript; the messaging gadget's frame finds the
 * transcript; a single-frame desktop finds both. The worker joins them (context-intake.ts).
 *
 * Parsed messages are remembered per element, so each transcript message is read once however
 * often we look, and a read after new messages parses only those (transcript-tail.ts): the
 * content script is a guest on the agent's desktop (docs/performance.md P4).
 *
 * Checked against: the simulator's simple desktop (`SIMULATOR_DESKTOP_PROFILE`) and realistic
 * desktop (`REALISTIC_SIMULATOR_PROFILE`, the Genesys profile on e2e/simulator/public/directory and
 * messaging-gadget). The Genesys selectors (docs/desktop-profile.md) are unverified on a live tenant.
 */
const CONVERSATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** An id read from an element's text must be a Genesys conversation id, not whatever text is there. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Our channel names (shared/conversation.ts `CHANNELS`, kept here so the content script needs no zod). */
const CHANNEL_NAMES: ReadonlySet<string> = new Set<Channel>(['voice', 'chat', 'message', 'email', 'callback', 'unknown']);
const MAX_NAME_CHARS = 200;
const MAX_TIME_CHARS = 64;
const MAX_SELECTOR_CHARS = 1000;
/** A desktop renders after our script starts: a selector is only "not found" once it stayed so. */
export const PROBLEM_GRACE_MS = 3000;
/** How often to look again for the reader of a conversation iframe that has not announced itself. */
export const FRAME_RECHECK_MS = 250;
export const FRAME_SLOW_RECHECK_MS = 2000;

export interface FrameRead {
  report: DesktopFrameReport;
  /** Open shadow roots the profile's selectors stepped into: to be observed as well. */
  shadowRoots: ShadowRoot[];
  /** Read again after this long even if nothing changes (a grace period or a frame still loading). */
  recheckInMs: number | null;
  /** The transcript container read, so a watcher can tell changes inside it from the rest. */
  transcriptContainer: Element | null;
}

export interface DesktopReader {
  /**
   * Reads the frame. `transcript-only`, when only the transcript container changed since the
   * last read, re-reads just the new end of the transcript: on a busy desktop the other
   * selectors would scan the whole document for every message (docs/performance.md P4).
   */
  read(scope?: 'all' | 'transcript-only'): FrameRead;
  /**
   * Mutation records from inside the transcript container of the last read: a transcript-only read
   * then parses only the messages they add, and reads again the ones they change.
   */
  transcriptChanged(records: Iterable<MutationRecord>): void;
  /**
   * The conversation this frame itself shows, without reading the transcript: null in a messaging
   * gadget's frame, which shows a transcript but not which conversation it is.
   */
  conversationId(): string | null;
  /** The transcript container on screen in this frame, if any (the inline overlay sits by it). */
  transcriptContainer(): Element | null;
}

export interface ReaderOptions {
  /** This frame's token (frame-token.ts). */
  frameToken?: string;
  /** The token of the document an iframe shows (injectable for tests). */
  frameTokenOf?(frame: Element): string | null;
  now?(): number;
}

export function createDesktopReader(profile: DesktopProfile, doc: Document, location: () => string, options: ReaderOptions = {}): DesktopReader {
  const idPattern = profile.conversationIdPattern ? safeRegExp(profile.conversationIdPattern) : null;
  const tokenOf = options.frameTokenOf ?? readFrameToken;
  const now = options.now ?? (() => Date.now());
  const missingSince = new Map<DesktopProblem['key'], number>();

  function readConversationId(entered: Set<ShadowRoot>): string | null {
    const fromUrl = idPattern?.exec(location())?.[1];
    if (fromUrl && CONVERSATION_ID.test(fromUrl)) return fromUrl;
    if (!profile.conversationIdSelector) return null;
    const element = deepQuery(doc, profile.conversationIdSelector, entered);
    if (!element) return null;
    // The attribute when the profile names one and the element has it; otherwise the element's
    // text (the desktop shows the id as text in places), which must then be a UUID.
    const attribute = profile.conversationIdAttribute ? element.getAttribute(profile.conversationIdAttribute)?.trim() : undefined;
    if (attribute) return CONVERSATION_ID.test(attribute) ? attribute : null;
    const text = element.textContent?.trim() ?? '';
    return UUID.test(text) ? text.toLowerCase() : null;
  }

  function channel(entered: Set<ShadowRoot>): Channel | null {
    if (!profile.channelSelector) return null;
    const element = deepQuery(doc, profile.channelSelector, entered);
    if (!element) return null;
    const raw = (profile.channelAttribute ? element.getAttribute(profile.channelAttribute) : element.textContent)?.trim().toLowerCase();
    if (!raw) return 'unknown';
    // A value that already is one of our channel names means that channel, map or no map.
    return profile.channelMap?.[raw] ?? (CHANNEL_NAMES.has(raw) ? (raw as Channel) : 'unknown');
  }

  function participantName(entered: Set<ShadowRoot>): string | undefined {
    if (!profile.participantNameSelector) return undefined;
    const text = deepQuery(doc, profile.participantNameSelector, entered)?.textContent?.replace(/\s+/g, ' ').trim();
    return text ? text.slice(0, MAX_NAME_CHARS) : undefined;
  }

  function subject(entered: Set<ShadowRoot>): string | undefined {
    if (!profile.subjectSelector) return undefined;
    const text = deepQuery(doc, profile.subjectSelector, entered)?.textContent?.replace(/\s+/g, ' ').trim();
    return text ? text.slice(0, MAX_NAME_CHARS) : undefined;
  }

  function startedAt(entered: Set<ShadowRoot>): string | undefined {
    if (!profile.startTimeSelector || !profile.startTimeAttribute) return undefined;
    const value = deepQuery(doc, profile.startTimeSelector, entered)?.getAttribute(profile.startTimeAttribute)?.trim();
    return value && !Number.isNaN(Date.parse(value)) ? value.slice(0, MAX_TIME_CHARS) : undefined;
  }

  // Each message is read and normalised once, and a new one is read on its own (transcript-tail.ts).
  const tail = createTranscriptTail({
    messagesIn: (node) => (safeMatches(node, profile.messageSelector, false) ? [node] : safeQueryAll(node, profile.messageSelector)),
    isMessage: (element) => safeMatches(element, profile.messageSelector, false),
    messageOf(node) {
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      return element ? safeClosest(element, profile.messageSelector) : null;
    },
    parse(message) {
      if (profile.excludeMessageSelector && safeMatches(message, profile.excludeMessageSelector)) return null;
      const textElement = profile.messageTextSelector === ':scope' ? message : safeQuery(message, profile.messageTextSelector);
      const text = (textElement?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TURN_CHARS);
      return text ? { role: safeMatches(message, profile.customerMessageSelector) ? 'customer' : 'agent', text } : null;
    },
  });

  /** Tracks how long a selector has matched nothing; a problem only once past the grace period. */
  function missing(key: DesktopProblem['key'], isMissing: boolean, at: number): { problem: boolean; waitMs: number | null } {
    if (!isMissing) {
      missingSince.delete(key);
      return { problem: false, waitMs: null };
    }
    const since = missingSince.get(key) ?? at;
    missingSince.set(key, since);
    const waited = at - since;
    return waited >= PROBLEM_GRACE_MS ? { problem: true, waitMs: null } : { problem: false, waitMs: PROBLEM_GRACE_MS - waited };
  }

  let last: FrameRead | null = null;

  return {
    read(scope = 'all') {
      const container = last?.transcriptContainer;
      if (scope === 'transcript-only' && last && container?.isConnected) {
        const turns = tail.read(container, 'changes');
        if (turns !== last.report.transcript) last = { ...last, report: { ...last.report, transcript: turns } };
        return last;
      }
      last = readAll();
      return last;
    },
    transcriptChanged: (records) => tail.note(records),
    conversationId: () => readConversationId(new Set()),
    transcriptContainer: () => deepQuery(doc, profile.transcriptSelector),
  };

  function readAll(): FrameRead {
    const entered = new Set<ShadowRoot>();
    const at = now();
    const id = readConversationId(entered);
    const shownChannel = channel(entered);
    const name = participantName(entered);
    const shownSubject = subject(entered);
    const started = startedAt(entered);
    const frame = profile.conversationFrameSelector ? deepQuery(doc, profile.conversationFrameSelector, entered) : null;
    const container = deepQuery(doc, profile.transcriptSelector, entered);
    const frameToken = frame ? tokenOf(frame) : undefined;

    const problems: DesktopProblem[] = [];
    const waits: number[] = [];
    // The transcript is expected here unless this frame points at the frame that holds it.
    const transcriptCheck = missing('transcriptSelector', !container && !frame, at);
    if (transcriptCheck.problem) problems.push({ key: 'transcriptSelector', selector: profile.transcriptSelector.slice(0, MAX_SELECTOR_CHARS) });
    if (transcriptCheck.waitMs !== null) waits.push(transcriptCheck.waitMs);
    // A conversation iframe whose reader never announces itself: our script does not run there.
    const frameCheck = missing('conversationFrameSelector', frame !== null && frameToken === null, at);
    if (frameCheck.problem && profile.conversationFrameSelector) problems.push({ key: 'conversationFrameSelector', selector: profile.conversationFrameSelector.slice(0, MAX_SELECTOR_CHARS) });
    // Keep looking (less often once reported): a slow gadget may still announce itself.
    if (frame !== null && frameToken === null) waits.push(frameCheck.problem ? FRAME_SLOW_RECHECK_MS : FRAME_RECHECK_MS);

    const report: DesktopFrameReport = {
      conversationId: id,
      channel: shownChannel,
      transcript: container ? (tail.read(container, 'walk')) : [],
      profileId: profile.id.slice(0, 64),
      ...(name !== undefined && { participantName: name }),
      ...(shownSubject !== undefined && { subject: shownSubject }),
      ...(started !== undefined && { startedAt: started }),
      ...(options.frameToken !== undefined && { frameToken: options.frameToken }),
      ...(frameToken !== undefined && { transcriptFrameToken: frameToken }),
      ...(problems.length > 0 && { problems, page: pageOf(location()) }),
    };
    return { report, shadowRoots: [...entered], recheckInMs: waits.length > 0 ? Math.min(...waits) : null, transcriptContainer: container };
  }
}

/** The address without query or fragment: which page, nothing the agent typed. */
function pageOf(href: string): string {
  const end = href.search(/[?#]/);
  return (end < 0 ? href : href.slice(0, end)).slice(0, MAX_PAGE_CHARS);
}

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}
