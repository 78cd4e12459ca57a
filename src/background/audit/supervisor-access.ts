import * as z from 'zod/mini';
import { SUPERVISOR_PERMISSION, type SupervisorAccess } from '../../shared/audit/supervisor-access';
import type { AuthState } from '../../shared/messages';
import type { ApiClient } from '../genesys/api-client';
import { ApiError } from '../genesys/api-error';

/** `GET /api/v2/users/me?expand=authorization` (UserMe.authorization: UserAuthorization in the SDK typings). */
export const UserMeAuthorization = z.looseObject({
  id: z.string(),
  authorization: z.optional(z.looseObject({ permissions: z.optional(z.array(z.string())) })),
});

/**
 * Genesys permission strings are `domain:entity:action`; a role may grant a segment as `*`
 * (e.g. `analytics:*:*`), which covers every value there.
 */
export function grantsPermission(granted: readonly string[], wanted: string): boolean {
  const want = wanted.split(':');
  return granted.some((permission) => {
    const have = permission.split(':');
    return have.length === want.length && have.every((segment, index) => segment === '*' || segment === want[index]);
  });
}

export async function checkSupervisorAccess(auth: AuthState, api: ApiClient): Promise<SupervisorAccess> {
  const base = { signedIn: auth.signedIn, user: auth.user, permission: SUPERVISOR_PERMISSION };
  if (!auth.signedIn) return { ...base, supervisor: false, reason: 'signed-out' };
  try {
    const me = await api.request({ method: 'GET', path: '/api/v2/users/me', query: { expand: 'authorization' }, schema: UserMeAuthorization });
    const permissions = me.authorization?.permissions;
    // No permissions in the answer (the OAuth client's scopes may not cover them): deny, and say why.
    if (!permissions) return { ...base, supervisor: false, reason: 'permissions-unavailable' };
    const supervisor = grantsPermission(permissions, SUPERVISOR_PERMISSION);
    return { ...base, supervisor, reason: supervisor ? 'supervisor' : 'missing-permission' };
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'auth') return { ...base, signedIn: false, user: null, supervisor: false, reason: 'signed-out' };
    return { ...base, supervisor: false, reason: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
