import * as z from 'zod/mini';
import { RecommendationAction } from './recommendation-event';

/**
 * What the feedback outbox reports (`page/get-outbox-status`): how much waits per destination,
 * which events were parked as poison and why, and whether it is close to its bound.
 */

export const DeliveryError = z.object({
  /** `http`, `network`, `timeout`, `auth`, ... (the API client's error kinds). */
  kind: z.string(),
  message: z.string(),
  status: z.optional(z.number()),
});
export type DeliveryError = z.infer<typeof DeliveryError>;

export const ParkedDelivery = z.object({
  eventId: z.string(),
  conversationId: z.string(),
  recommendationId: z.string(),
  action: RecommendationAction,
  timestamp: z.string(),
  destination: z.string(),
  error: DeliveryError,
  attempts: z.number(),
  /** Epoch ms. */
  parkedAt: z.number(),
});
export type ParkedDelivery = z.infer<typeof ParkedDelivery>;

export const DestinationStatus = z.object({
  id: z.string(),
  /** False when settings no longer name it: its events wait until they do again. */
  configured: z.boolean(),
  pending: z.number(),
  parked: z.number(),
  /** Failed attempts in a row; 0 when the last one succeeded. */
  failures: z.number(),
  /** When the next attempt may start (epoch ms), or null when it is not waiting. */
  retryAt: z.nullable(z.number()),
  lastError: z.nullable(DeliveryError),
});
export type DestinationStatus = z.infer<typeof DestinationStatus>;

export const OUTBOX_WARNINGS = ['near-full', 'full'] as const;

export const OutboxStatus = z.object({
  /** Events stored (pending or parked somewhere). */
  events: z.number(),
  capacity: z.number(),
  /** `near-full` before anything would be dropped; `full` once the next event drops the oldest. */
  warning: z.nullable(z.enum(OUTBOX_WARNINGS)),
  /** Events dropped because the outbox was full, ever. */
  dropped: z.number(),
  destinations: z.array(DestinationStatus),
  /** Most recent first, bounded. */
  parked: z.array(ParkedDelivery),
});
export type OutboxStatus = z.infer<typeof OutboxStatus>;
