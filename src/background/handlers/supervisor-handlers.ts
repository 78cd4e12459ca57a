import { checkSupervisorAccess } from '../audit/supervisor-access';
import type { AuthService } from '../auth/auth-service';
import type { ApiClient } from '../genesys/api-client';
import type { Handlers } from '../messaging/router';

/** The supervisor page's own session and its permission check (docs/architecture.md "Sessions"). */
export interface SupervisorHandlerDeps {
  /** The agent's session, whose permissions count when the page has no session of its own. */
  agentAuth: Pick<AuthService, 'state'>;
  agentApi: ApiClient;
  supervisorAuth: Pick<AuthService, 'state' | 'signIn' | 'signOut'>;
  supervisorApi: ApiClient;
}

export function supervisorHandlers(deps: SupervisorHandlerDeps): Pick<Handlers, 'page/supervisor-access' | 'page/supervisor-sign-in' | 'page/supervisor-sign-out'> {
  /** The supervisor page's own session when it has one, else the agent's. */
  async function access() {
    const own = await deps.supervisorAuth.state();
    if (own.signedIn) return { ...(await checkSupervisorAccess(own, deps.supervisorApi)), session: 'supervisor' as const };
    return { ...(await checkSupervisorAccess(await deps.agentAuth.state(), deps.agentApi)), session: 'agent' as const };
  }

  return {
    'page/supervisor-access': access,
    async 'page/supervisor-sign-in'() {
      await deps.supervisorAuth.signIn();
      return access();
    },
    async 'page/supervisor-sign-out'() {
      await deps.supervisorAuth.signOut();
      return access();
    },
  };
}
