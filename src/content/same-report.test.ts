import { describe, expect, it } from 'vitest';
import type { DesktopFrameReport } from '../shared/messages';
import { sameFrameReport } from './same-report';

const base: DesktopFrameReport = {
  conversationId: 'c',
  channel: 'message',
  transcript: [{ role: 'customer', text: 'hi' }],
  profileId: 'p',
  participantName: 'Pat',
  frameToken: 'a'.repeat(32),
  transcriptFrameToken: 'b'.repeat(32),
};

describe('sameFrameReport', () => {
  it('is true for an equal report, whether or not its turns are the same objects', () => {
    expect(sameFrameReport(base, { ...base })).toBe(true);
    expect(sameFrameReport(base, { ...base, transcript: [{ role: 'customer', text: 'hi' }] })).toBe(true);
  });

  it('sees any change of field, turn or problem', () => {
    const changes: Partial<DesktopFrameReport>[] = [
      { conversationId: null },
      { channel: 'chat' },
      { profileId: 'q' },
      { participantName: undefined },
      { startedAt: '2025-01-01T00:00:00Z' },
      { frameToken: 'c'.repeat(32) },
      { transcriptFrameToken: null },
      { transcript: [{ role: 'agent', text: 'hi' }] },
      { transcript: [{ role: 'customer', text: 'hi!' }] },
      { transcript: [] },
      { problems: [{ key: 'transcriptSelector', selector: '.x' }] },
    ];
    for (const change of changes) expect(sameFrameReport(base, { ...base, ...change }), JSON.stringify(change)).toBe(false);
    const withProblem = { ...base, problems: [{ key: 'transcriptSelector' as const, selector: '.x' }] };
    expect(sameFrameReport(withProblem, { ...withProblem, problems: [{ key: 'transcriptSelector', selector: '.y' }] })).toBe(false);
  });
});
