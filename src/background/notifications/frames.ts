import { Conversation, NotificationFrame } from '../genesys/copilot-schemas';
import { suggestionFromEvent, type SuggestionLike } from '../copilot/suggestion-events';
import { classifyTopic } from './topics';

/**
 * What one WebSocket text frame from the notifications service means. Frames are
 * `{topicName, version, eventBody, metadata}`; `channel.metadata` carries the heartbeat (about
 * every 30 s) and the answer to our `{"message":"ping"}`; `v2.system.socket_closing` means the
 * service will close this socket within a minute.
 */
export type Frame =
  | { kind: 'heartbeat' }
  | { kind: 'socket-closing' }
  | { kind: 'suggestion'; conversationId: string; suggestion: SuggestionLike }
  | { kind: 'conversation'; conversation: Conversation }
  | { kind: 'ignored'; topicName: string }
  | { kind: 'invalid'; reason: string };

/** Frames larger than this are not for us (suggestion events are a few KB). */
export const MAX_FRAME_CHARS = 512_000;

export function parseFrame(data: unknown): Frame {
  if (typeof data !== 'string') return { kind: 'invalid', reason: 'not a text frame' };
  if (data.length > MAX_FRAME_CHARS) return { kind: 'invalid', reason: 'frame too large' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { kind: 'invalid', reason: 'not JSON' };
  }
  const frame = NotificationFrame.safeParse(json);
  if (!frame.success) return { kind: 'invalid', reason: 'no topicName' };
  const topic = classifyTopic(frame.data.topicName);
  switch (topic.kind) {
    case 'heartbeat':
      return { kind: 'heartbeat' };
    case 'socket-closing':
      return { kind: 'socket-closing' };
    case 'suggestion': {
      const suggestion = suggestionFromEvent(topic.suggestionKind, frame.data.eventBody);
      if (!suggestion) return { kind: 'invalid', reason: `bad ${topic.suggestionKind} suggestion event` };
      return { kind: 'suggestion', conversationId: topic.conversationId, suggestion };
    }
    case 'user-conversations': {
      const conversation = Conversation.safeParse(frame.data.eventBody);
      if (!conversation.success) return { kind: 'invalid', reason: 'bad conversation event' };
      return { kind: 'conversation', conversation: conversation.data };
    }
    case 'other':
      return { kind: 'ignored', topicName: frame.data.topicName };
  }
}

/** What we send to keep the socket (and so the worker, Chrome 116+) alive and check it answers. */
export const PING_FRAME = JSON.stringify({ message: 'ping' });
