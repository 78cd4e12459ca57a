import { toKnowledgeEngagement } from '../knowledge/engagement';
import type { Destination } from './destinations';

/**
 * Genesys Knowledge's own engagement records (knowledge/engagement.ts) for cards the
 * `knowledge-search` provider made: the event carries the document's ids from when it was
 * recorded; events recorded before a switch to another provider wait until it is chosen again. Like every destination, a 4xx
 * parks the one event with its message and the rest go on.
 */
export const knowledgeEngagementDestination: Destination = {
  id: 'genesys-knowledge',
  // Only Knowledge cards carry the ids it needs; listed (and sending) while that provider is chosen,
  // so other modes' delivery status does not show a destination they never use.
  configured: (settings) => settings.provider === 'knowledge-search',
  takes: (event) => toKnowledgeEngagement(event) !== null,
  async deliver(event, { api, retry }) {
    const request = toKnowledgeEngagement(event);
    if (!request) return;
    await api.request({ method: 'POST', path: request.path, body: request.body, retry });
  },
};
