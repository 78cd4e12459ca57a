import { describe, expect, it } from 'vitest';
import type { DesktopFrameReport } from '../shared/messages';
import { appendedTurns, sameFrameReport } from './same-report';

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
    expect(sameFrameReport({ ...withProblem, page: 'https://a.example/one' }, { ...withProblem, page: 'https://a.example/two' })).toBe(false);
  });
});

describe('appendedTurns', () => {
  const turn = (text: string) => ({ role: 'customer' as const, text });
  const a = turn('a');
  const b = turn('b');
  const c = turn('c');
  const d = turn('d');
  const with_ = (transcript: DesktopFrameReport['transcript']) => ({ ...base, transcript });

  it('gives the turns added at the end, before and after the window is full', () => {
    expect(appendedTurns(with_([a]), with_([a, b, c]), 3)).toEqual([b, c]);
    expect(appendedTurns(with_([a, b, c]), with_([b, c, d]), 3)).toEqual([d]);
    expect(appendedTurns(with_([a, b]), with_([b, c, d]), 3)).toEqual([c, d]);
    expect(appendedTurns(with_([a, b, c]), with_([c, d, a]), 3)).toEqual([d, a]);
  });

  it('is null for anything but turns added at the end', () => {
    const cases: [DesktopFrameReport, DesktopFrameReport][] = [
      [with_([a, b]), with_([a, b])],
      [with_([a, b]), with_([a])],
      [with_([a, b]), with_([b, c])],
      [with_([a, b]), with_([a, c, d])],
      [with_([a, b]), with_([a, turn('b'), c])],
      [with_([]), with_([a])],
      [with_([a]), with_([])],
      [with_([a]), { ...with_([a, b]), channel: 'chat' }],
      [with_([a]), { ...with_([a, b]), problems: [{ key: 'transcriptSelector', selector: '.x' }] }],
    ];
    for (const [before, after] of cases) expect(appendedTurns(before, after, 3), JSON.stringify([before.transcript, after.transcript])).toBeNull();
    // More turns than the window holds went by: the window moved past all that was held.
    expect(appendedTurns(with_([a, b, c]), with_([turn('x'), turn('y'), turn('z')]), 3)).toBeNull();
  });
});
