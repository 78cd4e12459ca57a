import * as z from 'zod/mini';

/**
 * Whether the worker could write the audit log lately (storage.session `audit:health`, written by
 * the worker, shown by the supervisor page): a full disk must be visible, never silent.
 */
export const AUDIT_HEALTH_KEY = 'audit:health';

export const AuditHealth = z.object({
  ok: z.boolean(),
  failedEntries: z.number(),
  lastError: z.nullable(z.string()),
  since: z.nullable(z.number()),
  at: z.number(),
});
export type AuditHealth = z.infer<typeof AuditHealth>;
