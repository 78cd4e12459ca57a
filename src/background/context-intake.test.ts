import { describe, expect, it } from 'vitest';
import type { DesktopFrameReport } from '../shared/messages';
import { joinFrames, MAX_STORED_TURNS, pageOf, recordFrame, sameContext, type FrameEntry } from './context-intake';
import { DEFAULT_TRANSCRIPT_LIMITS } from './pipeline/transcript';

const TOP = 'a'.repeat(32);
const GADGET_A = 'b'.repeat(32);
const GADGET_B = 'c'.repeat(32);
const TRANSCRIPT_SELECTOR = '[data-automation-id="message-history"]';

function report(overrides: Partial<DesktopFrameReport> = {}): DesktopFrameReport {
  return { conversationId: null, channel: null, transcript: [], profileId: 'genesys-cloud', ...overrides };
}

function frame(frameId: number, receivedAt: number, overrides: Partial<DesktopFrameReport> = {}, url = 'https://apps.mypurecloud.com/messaging-gadget/messaging-gadget.html'): FrameEntry {
  return { frameId, url, receivedAt, report: report(overrides) };
}

const turns = (...texts: string[]) => texts.map((text) => ({ role: 'customer' as const, text }));

/** The top frame of the Genesys desktop, showing conversation `id` whose gadget has `token`. */
function top(receivedAt: number, id: string | null, token: string | null | undefined, extra: Partial<DesktopFrameReport> = {}): FrameEntry {
  return frame(0, receivedAt, { conversationId: id, channel: id ? 'message' : null, frameToken: TOP, ...(token !== undefined && { transcriptFrameToken: token }), ...extra }, 'https://apps.mypurecloud.com/directory/#/activity');
}

describe('joinFrames', () => {
  it('has nothing to join before any frame reported', () => {
    expect(joinFrames([])).toBeNull();
  });

  it('takes a single-frame desktop as it is (the simple layout)', () => {
    const joined = joinFrames([frame(0, 1, { conversationId: 'conv-1', channel: 'chat', transcript: turns('hi') })]);
    // The same frame holds the transcript (and the composer).
    expect(joined).toMatchObject({ frameId: 0, transcriptFrameId: 0, context: { conversationId: 'conv-1', channel: 'chat', transcript: turns('hi') } });
  });

  it("joins the top frame's selection with the transcript of the gadget it names", () => {
    const joined = joinFrames([
      frame(5, 1, { frameToken: GADGET_A, transcript: turns('about A') }),
      frame(6, 2, { frameToken: GADGET_B, transcript: turns('about B') }),
      top(3, 'conv-b', GADGET_B, { participantName: 'Priya Shah', startedAt: '2025-03-20T11:00:00Z' }),
    ]);
    expect(joined).toEqual({
      frameId: 0,
      transcriptFrameId: 6,
      problems: [],
      context: { conversationId: 'conv-b', channel: 'message', transcript: turns('about B'), profileId: 'genesys-cloud', participantName: 'Priya Shah', startedAt: '2025-03-20T11:00:00Z' },
    });
  });

  it("never lends another gadget's transcript while the named one has not reported", () => {
    const frames = [frame(5, 1, { frameToken: GADGET_A, transcript: turns('about A') }), top(2, 'conv-b', GADGET_B)];
    expect(joinFrames(frames)?.context.transcript).toEqual([]);
    expect(joinFrames(frames)?.transcriptFrameId).toBeNull();
    // Nor while the top frame found the iframe but its reader has not announced itself.
    expect(joinFrames([frame(5, 1, { frameToken: GADGET_A, transcript: turns('about A') }), top(2, 'conv-b', null)])?.context.transcript).toEqual([]);
  });

  it('follows the selection from one gadget to another whatever order the frames report in', () => {
    const gadgets = [frame(5, 1, { frameToken: GADGET_A, transcript: turns('about A') }), frame(6, 1, { frameToken: GADGET_B, transcript: turns('about B') })];
    expect(joinFrames([...gadgets, top(2, 'conv-a', GADGET_A)])?.context).toMatchObject({ conversationId: 'conv-a', transcript: turns('about A') });
    expect(joinFrames([...gadgets, top(3, 'conv-b', GADGET_B)])?.context).toMatchObject({ conversationId: 'conv-b', transcript: turns('about B') });
    // A gadget reporting after the switch changes nothing about which one is shown.
    const later = [frame(5, 9, { frameToken: GADGET_A, transcript: turns('about A', 'more A') }), gadgets[1]!, top(3, 'conv-b', GADGET_B)];
    expect(joinFrames(later)?.context).toMatchObject({ conversationId: 'conv-b', transcript: turns('about B') });
  });

  it('does not let a frame that shows nothing blank out the one that shows a conversation', () => {
    const joined = joinFrames([frame(4, 1, { conversationId: 'conv-1', channel: 'chat', transcript: turns('hi') }), frame(0, 2)]);
    expect(joined).toMatchObject({ frameId: 4, context: { conversationId: 'conv-1', transcript: turns('hi') } });
  });

  it('lets the same frame say its conversation closed', () => {
    const frames = recordFrame([frame(4, 1, { conversationId: 'conv-1', channel: 'chat', transcript: turns('hi') })], frame(4, 2));
    expect(joinFrames(frames)).toMatchObject({ frameId: 4, context: { conversationId: null, channel: null, transcript: [] }, problems: [] });
  });

  it('treats a selection without an id (a channel, a name) as a conversation shown but unidentified', () => {
    const joined = joinFrames([frame(6, 1, { frameToken: GADGET_B, transcript: turns('hello') }), top(2, null, GADGET_B, { channel: 'message', participantName: 'Jordan Lee' })]);
    expect(joined?.context).toMatchObject({ conversationId: null, channel: 'message', participantName: 'Jordan Lee', transcript: turns('hello') });
  });
});

describe('diagnostics from the join', () => {
  const missing = { key: 'transcriptSelector' as const, selector: TRANSCRIPT_SELECTOR };

  it("reports the gadget's missing transcript once it is the one shown, with where and which profile", () => {
    const frames = [frame(6, 1, { frameToken: GADGET_B, problems: [missing] }, 'https://apps.mypurecloud.com/messaging-gadget/messaging-gadget.html?x=1#y'), top(2, 'conv-b', GADGET_B)];
    expect(joinFrames(frames)?.problems).toEqual([{ ...missing, profileId: 'genesys-cloud', frameUrl: 'https://apps.mypurecloud.com/messaging-gadget/messaging-gadget.html' }]);
  });

  it("names the gadget's own page when Chromium gave its sender as about:blank and the worker took the tab's page for it", () => {
    const gadgetPage = 'https://apps.mypurecloud.com/messaging-gadget/messaging-gadget.html';
    const asTab = (page: string) => [frame(6, 1, { frameToken: GADGET_B, problems: [missing], page }, 'https://apps.mypurecloud.com/directory/#/activity'), top(2, 'conv-b', GADGET_B)];
    expect(joinFrames(asTab(gadgetPage))?.problems).toEqual([{ ...missing, profileId: 'genesys-cloud', frameUrl: gadgetPage }]);
    // A frame's word for its page is taken only within the origin Chromium vouches for.
    expect(joinFrames(asTab('https://elsewhere.example/messaging-gadget.html'))?.problems[0]?.frameUrl).toBe('https://apps.mypurecloud.com/directory/');
    expect(joinFrames(asTab('not a url'))?.problems[0]?.frameUrl).toBe('https://apps.mypurecloud.com/directory/');
  });

  it('ignores the problems of frames nobody looks at', () => {
    const frames = [frame(5, 1, { frameToken: GADGET_A, problems: [missing] }), frame(6, 1, { frameToken: GADGET_B, transcript: turns('ok') }), top(2, 'conv-b', GADGET_B)];
    expect(joinFrames(frames)?.problems).toEqual([]);
    expect(joinFrames([frame(5, 1, { frameToken: GADGET_A, problems: [missing] })])?.problems).toEqual([]);
  });

  it("reports the selection frame's own problems when it holds the transcript, or its iframe cannot be read", () => {
    expect(joinFrames([frame(0, 1, { conversationId: 'c', channel: 'chat', problems: [missing] })])?.problems).toHaveLength(1);
    const unread = { key: 'conversationFrameSelector' as const, selector: 'app-view-stack >>> iframe' };
    expect(joinFrames([top(1, 'conv-b', null, { problems: [unread] })])?.problems).toEqual([{ ...unread, profileId: 'genesys-cloud', frameUrl: 'https://apps.mypurecloud.com/directory/' }]);
  });
});

describe('recordFrame', () => {
  it("replaces the frame's previous report", () => {
    const frames = recordFrame([frame(5, 1, { transcript: turns('one') })], frame(5, 2, { transcript: turns('one', 'two') }));
    expect(frames).toHaveLength(1);
    expect(frames[0]?.report.transcript).toEqual(turns('one', 'two'));
  });

  it('keeps at least as many turns as the pipeline sends', () => {
    expect(MAX_STORED_TURNS).toBeGreaterThanOrEqual(DEFAULT_TRANSCRIPT_LIMITS.maxTurns);
  });

  it('keeps only the recent turns of a long transcript', () => {
    const long = Array.from({ length: MAX_STORED_TURNS + 30 }, (_, index) => `line ${index}`);
    const [stored] = recordFrame([], frame(5, 1, { transcript: turns(...long) }));
    expect(stored?.report.transcript).toHaveLength(MAX_STORED_TURNS);
    expect(stored?.report.transcript.at(-1)?.text).toBe(`line ${MAX_STORED_TURNS + 29}`);
  });

  it('forgets the oldest frames beyond the limit, never the selection or the gadget it shows', () => {
    let frames: FrameEntry[] = [frame(6, 0, { frameToken: GADGET_B, transcript: turns('shown') }), top(1, 'conv-b', GADGET_B)];
    for (let index = 0; index < 10; index++) frames = recordFrame(frames, frame(100 + index, 10 + index, { frameToken: index.toString(16).padStart(32, 'd') }), 4);
    expect(frames.map((entry) => entry.frameId).sort((a, b) => a - b)).toEqual([0, 6, 108, 109]);
    expect(joinFrames(frames)?.context.transcript).toEqual(turns('shown'));
  });
});

describe('sameContext', () => {
  const base = { conversationId: 'c', channel: 'chat' as const, transcript: turns('hi'), profileId: 'p' };
  it('compares id, channel, transcript and the matching hints', () => {
    expect(sameContext(base, { ...base, transcript: turns('hi') })).toBe(true);
    expect(sameContext(base, { ...base, transcript: turns('hi', 'more') })).toBe(false);
    expect(sameContext(base, { ...base, participantName: 'Pat' })).toBe(false);
    expect(sameContext(base, { ...base, startedAt: '2025-01-01T00:00:00Z' })).toBe(false);
    expect(sameContext(base, { ...base, channel: 'voice' })).toBe(false);
  });
});

describe('pageOf', () => {
  it('keeps origin and path only', () => {
    expect(pageOf('https://apps.mypurecloud.com/directory/?q=1#/activity')).toBe('https://apps.mypurecloud.com/directory/');
    expect(pageOf('not a url')).toBe('');
  });
});
