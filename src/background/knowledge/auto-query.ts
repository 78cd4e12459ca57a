import type { Turn } from '../../shared/conversation';
import { normaliseTurns } from '../pipeline/transcript';

/**
 * The `query` of an automatic knowledge search, built from the conversation as it stands.
 *
 * How it is chosen: Genesys Knowledge ranks documents against a short question, not a dialogue,
 * so we send what the customer said most recently, and only that:
 * - customer turns only: the agent's lines ("let me check that for you") add words every article
 *   shares and pull the ranking towards whatever the agent happened to say;
 * - the newest customer turns first, up to {@link AUTO_QUERY_MAX_TURNS}: the last one alone is
 *   often "yes" or "thanks", and the one before it still says what the problem is;
 * - at most {@link AUTO_QUERY_MAX_CHARS} characters, keeping the newest text whole where possible
 *   (an older turn that does not fit is left out; a single turn longer than the budget keeps its
 *   beginning, where customers state the problem), in the order they were said;
 * - nothing when what is left is shorter than {@link AUTO_QUERY_MIN_CHARS} (the API refuses a
 *   query under 3 characters), so no call is made on an empty or trivial transcript.
 * The simulator's seed conversations are held to this in e2e/simulator/knowledge.test.ts.
 */
export const AUTO_QUERY_MAX_TURNS = 3;
export const AUTO_QUERY_MAX_CHARS = 400;
export const AUTO_QUERY_MIN_CHARS = 3;

export function buildAutoQuery(transcript: readonly Turn[]): string | null {
  const customer = normaliseTurns(transcript).filter((turn) => turn.role === 'customer');
  const picked: string[] = [];
  let used = 0;
  for (let index = customer.length - 1; index >= 0 && picked.length < AUTO_QUERY_MAX_TURNS; index--) {
    const text = customer[index]!.text;
    const cost = text.length + (picked.length > 0 ? 1 : 0);
    if (used + cost > AUTO_QUERY_MAX_CHARS) {
      if (picked.length === 0) picked.push(clipAtWord(text, AUTO_QUERY_MAX_CHARS));
      break;
    }
    picked.push(text);
    used += cost;
  }
  const query = picked.reverse().join(' ').trim();
  return query.length >= AUTO_QUERY_MIN_CHARS ? query : null;
}

function clipAtWord(text: string, max: number): string {
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).trim();
}
