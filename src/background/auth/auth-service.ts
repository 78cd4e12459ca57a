import { browser } from '../../shared/browser';
import type { Agent } from '../../shared/conversation';
import type { AuthState } from '../../shared/messages';
import { configurationProblem, resolveEndpoints, type Settings } from '../../shared/settings';
import { ApiError, type ApiErrorKind } from '../genesys/api-error';
import type { Access } from '../genesys/api-client';
import { AuthError, createAuthRequest, exchangeCode, readAuthResponse } from './authorization-code';
import { clearCredentials, readSignedInUser, readToken, writeAgent, writeToken, type StoredToken } from './token-store';

/** Renew this long before the token's stated expiry, so no request leaves with a dying token. */
export const EXPIRY_MARGIN_MS = 60_000;

export interface AuthServiceDeps {
  settings(): Promise<Settings>;
  /** GET /api/v2/users/me?expand=skills with the given token. */
  loadProfile(access: Access): Promise<Agent>;
  /** DELETE /api/v2/tokens/me with the given token. */
  revoke(access: Access): Promise<void>;
  launchWebAuthFlow?(details: { url: string; interactive: boolean }): Promise<string>;
  redirectUri?(): string;
  now?: () => number;
}

export interface AuthService {
  state(): Promise<AuthState>;
  signIn(): Promise<AuthState>;
  signOut(): Promise<AuthState>;
  /** A usable token, renewed silently when close to expiry; ApiError('auth') when there is none. */
  getAccess(): Promise<Access>;
  /** A new token without asking the agent; concurrent callers share one attempt. */
  reauthorize(): Promise<void>;
}

function authFailure(message: string, kind: ApiErrorKind = 'auth'): ApiError {
  return new ApiError(kind, message, { status: 401 });
}

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const now = deps.now ?? Date.now;
  const launch = deps.launchWebAuthFlow ?? ((details) => browser.identity.launchWebAuthFlow(details));
  const redirectUri = deps.redirectUri ?? (() => browser.identity.getRedirectURL());
  let renewal: Promise<void> | null = null;

  async function endpointsFor(settings: Settings) {
    const problem = configurationProblem(settings);
    const endpoints = resolveEndpoints(settings);
    if (problem || !endpoints) throw new AuthError('not-configured', `Set ${problem ?? 'region'} in the options page first`);
    return endpoints;
  }

  /** One full Authorization Code + PKCE round trip; stores the token and the agent's profile. */
  async function authorize(interactive: boolean): Promise<void> {
    const settings = await deps.settings();
    const endpoints = await endpointsFor(settings);
    const request = await createAuthRequest(endpoints, settings.clientId, redirectUri());
    let redirectedTo: string;
    try {
      redirectedTo = await launch({ url: request.url, interactive });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Chrome: "User interaction required." (silent) / "The user did not approve access." (closed window).
      throw new AuthError(interactive ? 'cancelled' : 'interaction-required', message);
    }
    const parameters = readAuthResponse(endpoints, settings.clientId, redirectedTo, request.state);
    const tokens = await exchangeCode(endpoints, settings.clientId, parameters, request, now);
    const stored: StoredToken = {
      accessToken: tokens.accessToken,
      expiresAt: tokens.expiresAt,
      issuer: endpoints.loginBaseUrl,
      apiBaseUrl: endpoints.apiBaseUrl,
      clientId: settings.clientId,
    };
    const agent = await deps.loadProfile({ token: stored.accessToken, apiBaseUrl: stored.apiBaseUrl });
    await writeToken(stored);
    await writeAgent(agent);
  }

  /** The stored token if it was issued for the endpoints and client in today's settings. */
  async function currentToken(): Promise<StoredToken | null> {
    const [token, settings] = await Promise.all([readToken(), deps.settings()]);
    if (!token) return null;
    const endpoints = resolveEndpoints(settings);
    if (!endpoints || token.issuer !== endpoints.loginBaseUrl || token.apiBaseUrl !== endpoints.apiBaseUrl || token.clientId !== settings.clientId) {
      return null;
    }
    return token;
  }

  async function state(): Promise<AuthState> {
    const [token, user] = await Promise.all([currentToken(), readSignedInUser()]);
    const signedIn = token !== null && user !== null;
    return { signedIn, user: signedIn ? user : null };
  }

  function reauthorize(): Promise<void> {
    renewal ??= authorize(false).finally(() => {
      renewal = null;
    });
    return renewal;
  }

  async function getAccess(): Promise<Access> {
    let token = await currentToken();
    if (!token) throw authFailure('Not signed in');
    if (token.expiresAt - EXPIRY_MARGIN_MS <= now()) {
      try {
        await reauthorize();
      } catch {
        await clearCredentials();
        throw authFailure('Your session ended. Sign in again');
      }
      token = await currentToken();
      if (!token) throw authFailure('Not signed in');
    }
    return { token: token.accessToken, apiBaseUrl: token.apiBaseUrl };
  }

  async function signIn(): Promise<AuthState> {
    await authorize(true);
    return state();
  }

  async function signOut(): Promise<AuthState> {
    const token = await currentToken();
    // Forget locally first: a failed revoke must never leave the agent signed in here.
    await clearCredentials();
    if (token) {
      await deps.revoke({ token: token.accessToken, apiBaseUrl: token.apiBaseUrl }).catch(() => undefined);
    }
    return { signedIn: false, user: null };
  }

  return { state, signIn, signOut, getAccess, reauthorize };
}
