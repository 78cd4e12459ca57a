import { toEngagement } from '../copilot/engagement';
import type { Destination } from './destinations';

/**
 * Agent Copilot's own feedback channel (docs/genesys-api.md "Engagement"): with the
 * `conversation-suggestions` provider, recommendation ids are suggestion ids, and opens, copies,
 * dismissals and ratings are posted as suggestion engagements. Impressions are not engagements.
 * Targets are chosen when an event is recorded, so an event from the other provider never comes here.
 */
export const copilotEngagementDestination: Destination = {
  id: 'genesys-engagement',
  configured: (settings) => settings.provider === 'conversation-suggestions',
  takes: (event) => toEngagement(event) !== null,
  async deliver(event, { api, retry }) {
    const request = toEngagement(event);
    if (!request) return;
    await api.request({ method: 'POST', path: request.path, body: request.body, retry });
  },
};
