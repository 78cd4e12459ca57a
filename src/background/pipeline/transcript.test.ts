import { describe, expect, it } from 'vitest';
import type { Turn } from '../../shared/conversation';
import { DEFAULT_TRANSCRIPT_LIMITS, formatTranscript, normaliseTurns } from './transcript';

const customer = (text: string): Turn => ({ role: 'customer', text });
const agent = (text: string): Turn => ({ role: 'agent', text });

describe('normaliseTurns', () => {
  it('trims, collapses whitespace of all kinds, and drops empty turns', () => {
    expect(normaliseTurns([customer('  Hello\n\t  there  '), agent(' \n '), agent('Hi\u00a0\u00a0you'), customer('')])).toEqual([
      customer('Hello there'),
      agent('Hi you'),
    ]);
  });

  it('makes re-renders of the same text compare equal', () => {
    expect(normaliseTurns([customer('a  b')])).toEqual(normaliseTurns([customer(' a\nb ')]));
  });
});

describe('formatTranscript', () => {
  it('prefixes turns with Customer: and Agent: and joins with newlines', () => {
    expect(formatTranscript([customer('My card was declined'), agent('Let me check'), customer(' thanks ')])).toBe(
      'Customer: My card was declined\nAgent: Let me check\nCustomer: thanks',
    );
  });

  it('is empty for no turns', () => {
    expect(formatTranscript([])).toBe('');
    expect(formatTranscript([customer('  ')])).toBe('');
  });

  it('keeps only the last 20 turns by default', () => {
    expect(DEFAULT_TRANSCRIPT_LIMITS).toEqual({ maxTurns: 20, maxChars: 6000 });
    const turns = Array.from({ length: 30 }, (_, index) => (index % 2 ? agent(`a${index}`) : customer(`c${index}`)));
    const lines = formatTranscript(turns).split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe('Customer: c10');
    expect(lines[19]).toBe('Agent: a29');
  });

  it('counts the 20 turns after dropping empty ones', () => {
    const turns = [...Array.from({ length: 20 }, (_, index) => customer(`t${index}`)), agent('  '), agent('')];
    const lines = formatTranscript(turns).split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe('Customer: t0');
  });

  it('stays within 6000 characters, keeping the newest turns whole', () => {
    const turns = Array.from({ length: 20 }, (_, index) => customer(`${index}`.padEnd(1000, 'x')));
    const text = formatTranscript(turns);
    expect(text.length).toBeLessThanOrEqual(6000);
    const lines = text.split('\n');
    // "Customer: " + 1000 chars + newline = 1011 per turn: 5 fit.
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toBe(`Customer: ${'19'.padEnd(1000, 'x')}`);
    expect(lines[0]).toBe(`Customer: ${'15'.padEnd(1000, 'x')}`);
  });

  it('drops every older turn once one does not fit, even if a shorter older one would', () => {
    const text = formatTranscript([customer('short'), agent('x'.repeat(40)), customer('newest')], { maxTurns: 20, maxChars: 30 });
    expect(text).toBe('Customer: newest');
  });

  it('cuts the newest turn when it alone exceeds the budget, rather than sending nothing', () => {
    const text = formatTranscript([customer('old'), agent('y'.repeat(50))], { maxTurns: 20, maxChars: 20 });
    expect(text).toBe(`Agent: ${'y'.repeat(13)}`);
    expect(text).toHaveLength(20);
  });

  it('follows custom limits', () => {
    expect(formatTranscript([customer('a'), agent('b'), customer('c')], { maxTurns: 2, maxChars: 1000 })).toBe('Agent: b\nCustomer: c');
  });
});
