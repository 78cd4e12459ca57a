import { toKnowledgeEngagement } from '../knowledge/engagement';
import type { Destination } from './destinations';

/**
 * Genesys Knowledge's own engagement records (knowledge/engagement.ts) for cards the
 * `knowledge-search` provider made: the event carries the document's ids from when it was
 * recorded, so it is sendable whatever the settings say later. Like every destination, a 4xx
 * parks the one event with its message and the rest go on.
 */
export const knowledgeEngagementDestination: Destination = {
  id: 'genesys-knowledge',
  // Needs only the Genesys token, which every provider mode signs in for.
  configured: () => true,
  takes: (event) => toKnowledgeEngagement(event) !== null,
  async deliver(event, { api, retry }) {
    const request = toKnowledgeEngagement(event);
    if (!request) return;
    await api.request({ method: 'POST', path: request.path, body: request.body, retry });
  },
};
