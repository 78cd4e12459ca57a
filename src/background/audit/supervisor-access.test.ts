import { describe, expect, it, vi } from 'vitest';
import { SUPERVISOR_PERMISSION } from '../../shared/audit/supervisor-access';
import type { ApiClient } from '../genesys/api-client';
import { ApiError } from '../genesys/api-error';
import { checkSupervisorAccess, grantsPermission } from './supervisor-access';

const alex = { id: 'u1', name: 'Alex' };

function api(answer: unknown): ApiClient & { request: ReturnType<typeof vi.fn> } {
  return { request: vi.fn(async () => (answer instanceof Error ? Promise.reject(answer) : answer)) } as unknown as ApiClient & { request: ReturnType<typeof vi.fn> };
}

describe('grantsPermission', () => {
  it('matches exactly or through * segments', () => {
    expect(grantsPermission(['analytics:conversationDetail:view'], SUPERVISOR_PERMISSION)).toBe(true);
    expect(grantsPermission(['analytics:*:view'], SUPERVISOR_PERMISSION)).toBe(true);
    expect(grantsPermission(['*:*:*'], SUPERVISOR_PERMISSION)).toBe(true);
    expect(grantsPermission(['analytics:agentConversationDetail:view'], SUPERVISOR_PERMISSION)).toBe(false);
    expect(grantsPermission(['analytics:conversationDetail'], SUPERVISOR_PERMISSION)).toBe(false);
    expect(grantsPermission([], SUPERVISOR_PERMISSION)).toBe(false);
  });
});

describe('checkSupervisorAccess', () => {
  it('asks users/me with expand=authorization and grants supervisors', async () => {
    const client = api({ id: 'u1', authorization: { permissions: ['analytics:conversationDetail:view'] } });
    expect(await checkSupervisorAccess({ signedIn: true, user: alex }, client)).toEqual({ signedIn: true, user: alex, supervisor: true, permission: SUPERVISOR_PERMISSION, reason: 'supervisor' });
    expect(client.request).toHaveBeenCalledWith(expect.objectContaining({ method: 'GET', path: '/api/v2/users/me', query: { expand: 'authorization' } }));
  });

  it('refuses agents, and says when the permissions were not returned', async () => {
    expect(await checkSupervisorAccess({ signedIn: true, user: alex }, api({ id: 'u1', authorization: { permissions: ['analytics:agentConversationDetail:view'] } }))).toMatchObject({ supervisor: false, reason: 'missing-permission' });
    expect(await checkSupervisorAccess({ signedIn: true, user: alex }, api({ id: 'u1' }))).toMatchObject({ supervisor: false, reason: 'permissions-unavailable' });
  });

  it('does not call the API when nobody is signed in, and reports failures', async () => {
    const client = api({});
    expect(await checkSupervisorAccess({ signedIn: false, user: null }, client)).toMatchObject({ supervisor: false, reason: 'signed-out' });
    expect(client.request).not.toHaveBeenCalled();
    expect(await checkSupervisorAccess({ signedIn: true, user: alex }, api(new ApiError('auth', 'Sign in again')))).toMatchObject({ signedIn: false, reason: 'signed-out' });
    expect(await checkSupervisorAccess({ signedIn: true, user: alex }, api(new ApiError('network', 'offline')))).toMatchObject({ supervisor: false, reason: 'error', message: 'offline' });
  });
});
