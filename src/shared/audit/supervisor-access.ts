import * as z from 'zod/mini';
import { SignedInUser } from '../view-state';

/**
 * Who may export the audit log (answer of `page/supervisor-access`). In Genesys mode the worker
 * asks the API for the signed-in user's permissions (`GET /api/v2/users/me?expand=authorization`,
 * field `authorization.permissions`) and requires SUPERVISOR_PERMISSION.
 *
 * Why `analytics:conversationDetail:view`: it lets a user read the details of *every* agent's
 * conversations in Genesys Cloud analytics, which is what this log holds; the default Supervisor
 * role has it, while agents get `analytics:agentConversationDetail:view` (their own only). So
 * nobody gains through the export what the org's own roles do not already grant.
 */
export const SUPERVISOR_PERMISSION = 'analytics:conversationDetail:view';

export const ACCESS_REASONS = ['supervisor', 'signed-out', 'missing-permission', 'permissions-unavailable', 'error'] as const;

export const SupervisorAccess = z.object({
  signedIn: z.boolean(),
  user: z.nullable(SignedInUser),
  supervisor: z.boolean(),
  permission: z.string(),
  reason: z.enum(ACCESS_REASONS),
  /** Detail for `error` (what the API said). */
  message: z.optional(z.string()),
  /**
   * Whose session was checked: the supervisor page's own (signed in there, apart from the agent),
   * or the agent's (the panel's), when the page has none.
   */
  session: z.optional(z.enum(['agent', 'supervisor'])),
});
export type SupervisorAccess = z.infer<typeof SupervisorAccess>;
