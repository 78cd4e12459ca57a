import type { Turn } from '../../shared/conversation';

export interface TranscriptLimits {
  maxTurns: number;
  maxChars: number;
}

/** Enough recent conversation for relevance; older turns rarely change what helps now. */
export const DEFAULT_TRANSCRIPT_LIMITS: TranscriptLimits = { maxTurns: 20, maxChars: 6000 };

/** Trims, collapses whitespace and drops empty turns, so re-renders of the same text compare equal. */
export function normaliseTurns(turns: readonly Turn[]): Turn[] {
  const result: Turn[] = [];
  for (const turn of turns) {
    const text = turn.text.replace(/\s+/g, ' ').trim();
    if (text) result.push({ role: turn.role, text });
  }
  return result;
}

/** The last turns as "Customer: …\nAgent: …", newest kept when the character budget runs out. */
export function formatTranscript(turns: readonly Turn[], limits: TranscriptLimits = DEFAULT_TRANSCRIPT_LIMITS): string {
  const lines: string[] = [];
  let used = 0;
  const recent = normaliseTurns(turns).slice(-limits.maxTurns);
  for (let index = recent.length - 1; index >= 0; index--) {
    const turn = recent[index]!;
    const line = `${turn.role === 'customer' ? 'Customer' : 'Agent'}: ${turn.text}`;
    if (used + line.length + 1 > limits.maxChars) {
      if (lines.length === 0) lines.push(line.slice(0, limits.maxChars));
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.reverse().join('\n');
}

/** The customer's last turn (what a query built from this transcript mostly answers), cut to `maxChars`. */
export function lastCustomerLine(turns: readonly Turn[], maxChars = 400): string | undefined {
  const last = normaliseTurns(turns).findLast((turn) => turn.role === 'customer');
  if (!last) return undefined;
  return last.text.length <= maxChars ? last.text : `${last.text.slice(0, maxChars - 1)}…`;
}
