import * as z from 'zod/mini';
import { DeliveryError } from '../outbox-status';

/**
 * What crosses between the worker and the extension pages about the fleet path (docs/fleet.md):
 * the delivery status the options page shows, the passwords it hands to the worker (never read
 * back: pages only learn where each one comes from), and the Fleet view's queries.
 */

export const FleetParkedRow = z.object({
  eventId: z.string(),
  seq: z.number(),
  kind: z.string(),
  /** Epoch ms of the audit entry. */
  time: z.number(),
  /** The server's message. */
  error: DeliveryError,
  /** Epoch ms. */
  parkedAt: z.number(),
});
export type FleetParkedRow = z.infer<typeof FleetParkedRow>;

/** Where a password comes from: the administrator's policy, the options page, or nowhere. */
export const SecretSource = z.enum(['policy', 'local', 'none']);
export type SecretSource = z.infer<typeof SecretSource>;

/**
 * Why nothing is being sent: no endpoint, user or password configured; the host permission for the
 * endpoint not granted; or null when it is configured.
 */
export const FLEET_PROBLEMS = ['no-url', 'no-user', 'no-password', 'no-permission'] as const;
export const FleetProblem = z.enum(FLEET_PROBLEMS);
export type FleetProblem = z.infer<typeof FleetProblem>;

export const FleetStatus = z.object({
  problem: z.nullable(FleetProblem),
  /** The endpoint's origin (no credentials), for the permission button. */
  origin: z.nullable(z.string()),
  table: z.string(),
  installId: z.string(),
  /** Audit entries not yet in ClickHouse (nor parked). */
  pending: z.number(),
  /** Every entry up to this sequence number is delivered or parked. */
  deliveredThroughSeq: z.number(),
  delivered: z.number(),
  lastDeliveredAt: z.nullable(z.number()),
  failures: z.number(),
  retryAt: z.nullable(z.number()),
  lastError: z.nullable(DeliveryError),
  parkedCount: z.number(),
  /** Most recent first, bounded. */
  parked: z.array(FleetParkedRow),
  secrets: z.object({ insertPassword: SecretSource, readPassword: SecretSource }),
  /** A read-only user and its password are set: the supervisor page can show the Fleet view. */
  readConfigured: z.boolean(),
});
export type FleetStatus = z.infer<typeof FleetStatus>;

const Password = z.nullable(z.string().check(z.maxLength(256)));

/** Options page → worker: set (string), clear (null) or leave (absent) each password. */
export const SetFleetSecrets = z.strictObject({
  insertPassword: z.optional(Password),
  readPassword: z.optional(Password),
});

export const FLEET_QUERIES = ['ctr_by_source', 'ctr_by_agent', 'latency_by_provider', 'not_helpful_reasons', 'what_if', 'chain_installs', 'chain_check'] as const;
export const FleetQueryName = z.enum(FLEET_QUERIES);
export type FleetQueryName = z.infer<typeof FleetQueryName>;

const InstallId = z.string().check(z.minLength(1), z.maxLength(200));
const EpochSeconds = z.int().check(z.gte(0), z.lte(4_294_967_295));

/** Supervisor page → worker: one fleet query over [from, to). Every value is typed and bounded here. */
export const FleetQueryRequest = z.strictObject({
  query: FleetQueryName,
  from: EpochSeconds,
  to: EpochSeconds,
  /** Seconds per chart bucket (ctr queries). */
  bucket: z.optional(z.int().check(z.gte(60), z.lte(31 * 86_400))),
  minScore: z.optional(z.number().check(z.gte(0), z.lte(1))),
  maxAgeDays: z.optional(z.number().check(z.gt(0), z.lte(36_500))),
  /** chain_check: the installs to check, first to last inclusive in the server's order (from chain_installs). */
  installs: z.optional(z.strictObject({ first: InstallId, last: InstallId })),
});
export type FleetQueryRequest = z.infer<typeof FleetQueryRequest>;

export const FleetQueryResponse = z.strictObject({
  rows: z.array(z.record(z.string(), z.unknown())),
  /** Milliseconds the request took, as the worker saw it. */
  elapsedMs: z.number(),
});
export type FleetQueryResponse = z.infer<typeof FleetQueryResponse>;
