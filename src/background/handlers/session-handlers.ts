import { resolveEndpoints, type Settings } from '../../shared/settings';
import { AuthError } from '../auth/authorization-code';
import type { AuthService } from '../auth/auth-service';
import type { Handlers } from '../messaging/router';
import type { WorkerEvent } from '../worker-events';

/** The agent's sign-in and sign-out. */
export interface SessionHandlerDeps {
  auth: Pick<AuthService, 'signIn' | 'signOut' | 'state'>;
  /** The answers cached for the agent who signs out. */
  clearCache(): Promise<void>;
  emit(event: WorkerEvent): Promise<void>;
  refreshAllTabs(): Promise<void>;
  settings(): Promise<Settings>;
  redirectUri(): string;
}

export function sessionHandlers(deps: SessionHandlerDeps): Pick<Handlers, 'page/sign-in' | 'page/sign-out'> {
  /** What the admin must check when the login host refused to show its page. */
  async function signInFailure(error: AuthError) {
    const settings = await deps.settings();
    const endpoints = resolveEndpoints(settings);
    return {
      reason: 'page-failed' as const,
      detail: error.message,
      loginHost: endpoints ? new URL(endpoints.loginBaseUrl).host : '',
      clientId: settings.clientId,
      redirectUri: deps.redirectUri(),
    };
  }

  return {
    async 'page/sign-in'() {
      let state;
      try {
        state = await deps.auth.signIn();
      } catch (error) {
        if (error instanceof AuthError && error.kind === 'page-failed') return { signedIn: false, user: null, failure: await signInFailure(error) };
        throw error;
      }
      if (state.user) await deps.emit({ type: 'signed-in', user: state.user });
      void deps.refreshAllTabs();
      return state;
    },
    async 'page/sign-out'() {
      const before = await deps.auth.state();
      const state = await deps.auth.signOut();
      await deps.emit({ type: 'signed-out', user: before.user });
      // A shared workstation's next agent must not see this agent's cached answers.
      await deps.clearCache();
      void deps.refreshAllTabs();
      return state;
    },
  };
}
