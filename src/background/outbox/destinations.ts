import type { RecommendationEvent } from '../../shared/recommendation-event';
import type { Settings } from '../../shared/settings';
import type { ApiClient } from '../genesys/api-client';
import type { RetryLimits } from '../genesys/retry-policy';
import { copilotEngagementDestination } from './engagement-destination';
import { knowledgeEngagementDestination } from './knowledge-destination';
import { webhookDestination } from './webhook-destination';

/**
 * Where feedback events go. Each destination is tracked separately in the outbox, so one being
 * down never holds up another. Adding one (the Genesys engagement API for the
 * `conversation-suggestions` provider, say) is one entry in FEEDBACK_DESTINATIONS: an id that never
 * changes (it is stored with pending events), when it applies, and how to send one event.
 */
export interface DeliveryContext {
  api: ApiClient;
  settings: Settings;
  /** Retry bounds for the API client: quick ones, because the outbox retries durably itself. */
  retry: RetryLimits;
}

export interface Destination {
  id: string;
  /** Whether it is set up under these settings; events for it wait while it is not. */
  configured(settings: Settings): boolean;
  /** Whether it takes this kind of event at all (decided once, at enqueue); default: every event. */
  takes?(event: RecommendationEvent): boolean;
  /** Sends one event; resolves when the destination took it, rejects with the API client's ApiError. */
  deliver(event: RecommendationEvent, context: DeliveryContext): Promise<void>;
}

export const FEEDBACK_DESTINATIONS: readonly Destination[] = [webhookDestination, copilotEngagementDestination, knowledgeEngagementDestination];
