/**
 * Notification topic names (docs/genesys-api.md "Real-time"). The agent's conversations topic tells
 * which conversations are live and on which media; each conversation's suggestion topics carry
 * Agent Copilot suggestions as they are made.
 *
 * Public sources disagree on the canned-response and script topics: the SDK's event models
 * (`ConversationResponseSuggestionsTopic…`, `ConversationScriptSuggestionsTopic…`, named like
 * `ConversationKnowledgeSearchSuggestionsTopic…` for `…suggestions.knowledge.search`) point to
 * `…suggestions.response` / `…suggestions.script`; the Genesys developer article on Agent Copilot
 * names `…suggestions.knowledge.response` / `…knowledge.script`. Neither is confirmed on a live
 * org, so we subscribe to both spellings and recognise both. Subscriptions are sent with
 * `ignoreErrors=true`: a topic the server rejects comes back with `state`/`rejectionReason`
 * instead of failing the whole batch, so one wrong name cannot take the others down; and the
 * REST backfill after every (re)connect brings any suggestion a topic missed.
 */

export const HEARTBEAT_TOPIC = 'channel.metadata';
export const SOCKET_CLOSING_TOPIC = 'v2.system.socket_closing';

export const SUGGESTION_TOPIC_KINDS = ['knowledge.search', 'knowledge.article', 'response', 'script'] as const;
export type SuggestionTopicKind = (typeof SUGGESTION_TOPIC_KINDS)[number];

const ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function userConversationsTopic(userId: string): string {
  return `v2.users.${userId}.conversations`;
}

/** The second spelling of the response and script topics (see above). */
const ALTERNATE_TOPIC_SUFFIXES = ['knowledge.response', 'knowledge.script'] as const;

export function suggestionTopics(conversationId: string): string[] {
  return [...SUGGESTION_TOPIC_KINDS, ...ALTERNATE_TOPIC_SUFFIXES].map((kind) => `v2.conversations.${conversationId}.suggestions.${kind}`);
}

/** Every topic to follow for this agent and these conversations: sorted, no repeats, ids checked. */
export function topicsFor(userId: string, conversationIds: Iterable<string>): string[] {
  const topics = new Set<string>();
  if (ID.test(userId)) topics.add(userConversationsTopic(userId));
  for (const id of conversationIds) if (ID.test(id)) for (const topic of suggestionTopics(id)) topics.add(topic);
  return [...topics].sort();
}

export type TopicRef =
  | { kind: 'heartbeat' }
  | { kind: 'socket-closing' }
  | { kind: 'user-conversations'; userId: string }
  | { kind: 'suggestion'; conversationId: string; suggestionKind: SuggestionTopicKind }
  | { kind: 'other' };

const SUGGESTION_TOPIC = /^v2\.conversations\.([A-Za-z0-9._:-]{1,128}?)\.suggestions\.(knowledge\.search|knowledge\.article|(?:knowledge\.)?response|(?:knowledge\.)?script)$/;
const USER_CONVERSATIONS = /^v2\.users\.([A-Za-z0-9._:-]{1,128}?)\.conversations$/;

export function classifyTopic(topicName: string): TopicRef {
  if (topicName === HEARTBEAT_TOPIC) return { kind: 'heartbeat' };
  if (topicName === SOCKET_CLOSING_TOPIC) return { kind: 'socket-closing' };
  const user = USER_CONVERSATIONS.exec(topicName);
  if (user) return { kind: 'user-conversations', userId: user[1]! };
  const suggestion = SUGGESTION_TOPIC.exec(topicName);
  if (suggestion) {
    const suggestionKind = suggestion[2]!.replace(/^knowledge\.(response|script)$/, '$1') as SuggestionTopicKind;
    return { kind: 'suggestion', conversationId: suggestion[1]!, suggestionKind };
  }
  return { kind: 'other' };
}
