import type { DesktopContext } from '../shared/messages';
import type { StoredContext } from './tab-state';

/**
 * Decides what a context report from one frame means for its tab. The desktop runs our content
 * script in every frame; only frames showing a conversation matter, and a frame that shows none
 * must not blank out the frame that does.
 */
export type IntakeDecision = { kind: 'ignore' } | { kind: 'store'; context: StoredContext; changed: boolean };

export function decideIntake(previous: StoredContext | null, incoming: StoredContext): IntakeDecision {
  if (!previous) return { kind: 'store', context: incoming, changed: true };
  const otherFrame = previous.frameId !== incoming.frameId;
  if (otherFrame && incoming.context.conversationId === null && previous.context.conversationId !== null) {
    return { kind: 'ignore' };
  }
  const changed = otherFrame || !sameContext(previous.context, incoming.context);
  return { kind: 'store', context: incoming, changed };
}

export function sameContext(a: DesktopContext, b: DesktopContext): boolean {
  if (a.conversationId !== b.conversationId || a.channel !== b.channel || a.transcript.length !== b.transcript.length) return false;
  return a.transcript.every((turn, index) => {
    const other = b.transcript[index];
    return other !== undefined && other.role === turn.role && other.text === turn.text;
  });
}
