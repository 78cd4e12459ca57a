import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../genesys/api-client';
import { supervisorHandlers } from './supervisor-handlers';

/** A client that answers the permission check with `permissions`, and says which session asked. */
function client(session: string, permissions: string[], asked: string[]): ApiClient {
  return {
    request: vi.fn(async () => {
      asked.push(session);
      return { id: `${session}-id`, name: session, authorization: { permissions } };
    }),
  } as unknown as ApiClient;
}

const page = { kind: 'extension-page' as const, url: 'chrome-extension://id/supervisor.html' };

describe('supervisorHandlers', () => {
  it("checks the agent's session while the page has none of its own, and the page's own once signed in", async () => {
    const asked: string[] = [];
    let supervisorSignedIn = false;
    const handlers = supervisorHandlers({
      agentAuth: { state: async () => ({ signedIn: true, user: { id: 'agent', name: 'Agent' } }) },
      agentApi: client('agent', [], asked),
      supervisorAuth: {
        state: async () => (supervisorSignedIn ? { signedIn: true, user: { id: 'sup', name: 'Sup' } } : { signedIn: false, user: null }),
        signIn: async () => {
          supervisorSignedIn = true;
          return { signedIn: true, user: { id: 'sup', name: 'Sup' } };
        },
        signOut: async () => ({ signedIn: false, user: null }),
      },
      supervisorApi: client('supervisor', ['analytics:conversationDetail:view'], asked),
    });
    expect(await handlers['page/supervisor-access']({}, page)).toMatchObject({ session: 'agent' });
    expect(await handlers['page/supervisor-sign-in']({}, page)).toMatchObject({ session: 'supervisor' });
    expect(asked).toEqual(['agent', 'supervisor']);
  });
});
