import type { Channel, Turn } from '../../shared/conversation';
import type { Provider } from '../../shared/settings';
import { normaliseTurns } from '../pipeline/transcript';

/**
 * The identity of a question to the provider. Two asks with the same key would get the same
 * answer, so they share one request and one cache entry (docs/performance.md E2, E4).
 */
export interface ContextKeyInput {
  apiBaseUrl: string;
  provider: Provider;
  agentId: string;
  conversationId: string;
  channel: Channel | null;
  transcript: readonly Turn[];
  knowledgeBaseIds: readonly string[];
  /** Only the turns the provider is sent matter to the answer. */
  maxTurns: number;
}

export async function contextKey(input: ContextKeyInput): Promise<string> {
  const canonical = JSON.stringify([
    input.apiBaseUrl,
    input.provider,
    input.agentId,
    input.conversationId,
    input.channel,
    [...input.knowledgeBaseIds].sort(),
    normaliseTurns(input.transcript)
      .slice(-input.maxTurns)
      .map((turn) => [turn.role, turn.text]),
  ]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  const hash = Array.from(new Uint8Array(digest).slice(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
  // Conversation and agent stay readable in the key, so one conversation's entries can be found.
  return `${input.conversationId}|${input.agentId}|${hash}`;
}
