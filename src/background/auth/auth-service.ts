import { browser } from '../../shared/browser';
import type { Agent } from '../../shared/conversation';
import type { AuthState } from '../../shared/messages';
import { configurationProblem, resolveEndpoints, type Settings } from '../../shared/settings';
import { ApiError, SESSION_ENDED, type ApiErrorKind } from '../genesys/api-error';
import type { Access } from '../genesys/api-client';
import { AuthError, createAuthRequest, exchangeCode, readAuthResponse } from './authorization-code';
import { agentCredentials, endSession, forgetSessionEnded, freshLoginRequired, requireFreshLogin, sessionEnded, type CredentialStore, type StoredToken } from './token-store';

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
  /**
   * Whose session this is (docs/architecture.md "Sessions"): the agent's (the panel, the
   * pipeline, every recorded action), or the supervisor page's own, which always asks for
   * credentials, is never renewed silently, and is kept in its own store.
   */
  role?: 'agent' | 'supervisor';
  store?: CredentialStore;
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

function authFailure(message: string, kind: ApiErrorKind = 'auth', code?: string): ApiError {
  return new ApiError(kind, message, { status: 401, code });
}

function sessionEndedFailure(): ApiError {
  return authFailure('Your session ended. Sign in again', 'auth', SESSION_ENDED);
}

/** Chrome's and Firefox's words for a login page that did not load (unknown client, unregistered redirect URI, wrong host). */
const PAGE_FAILED = /could not be loaded|invalid redirect|error loading|couldn't load/i;

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const now = deps.now ?? Date.now;
  const launch = deps.launchWebAuthFlow ?? ((details) => browser.identity.launchWebAuthFlow(details));
  const redirectUri = deps.redirectUri ?? (() => browser.identity.getRedirectURL());
  const supervisor = deps.role === 'supervisor';
  const store = deps.store ?? agentCredentials;
  let renewal: Promise<void> | null = null;

  async function endpointsFor(settings: Settings) {
    const problem = configurationProblem(settings);
    const endpoints = resolveEndpoints(settings);
    if (problem || !endpoints) throw new AuthError('not-configured', `Set ${problem ?? 'region'} in the options page first`);
    return endpoints;
  }

  /**
   * One full Authorization Code + PKCE round trip; stores the token and the user's profile.
   * `expectUserId`: a silent renewal must come back as the same user, or it is refused (the login
   * host's session may have become someone else's: a supervisor signed in on this browser).
   */
  async function authorize(interactive: boolean, expectUserId?: string): Promise<void> {
    const settings = await deps.settings();
    const endpoints = await endpointsFor(settings);
    const freshLogin = interactive && (supervisor || (await freshLoginRequired()));
    const request = await createAuthRequest(endpoints, settings.clientId, redirectUri(), freshLogin ? 'login' : undefined);
    let redirectedTo: string;
    try {
      redirectedTo = await launch({ url: request.url, interactive });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Chrome: "Authorization page could not be loaded." (the login host refused the request),
      // "User interaction required." (silent), "The user did not approve access." (closed window).
      if (interactive && PAGE_FAILED.test(message)) throw new AuthError('page-failed', message);
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
    if (expectUserId !== undefined && agent.id !== expectUserId) {
      await deps.revoke({ token: stored.accessToken, apiBaseUrl: stored.apiBaseUrl }).catch(() => undefined);
      throw new AuthError('wrong-user', 'The login session belongs to another user');
    }
    await store.save(stored, agent);
  }

  /** The stored token if it was issued for the endpoints and client in today's settings. */
  async function currentToken(): Promise<StoredToken | null> {
    const [token, settings] = await Promise.all([store.readToken(), deps.settings()]);
    if (!token) return null;
    const endpoints = resolveEndpoints(settings);
    if (!endpoints || token.issuer !== endpoints.loginBaseUrl || token.apiBaseUrl !== endpoints.apiBaseUrl || token.clientId !== settings.clientId) {
      return null;
    }
    return token;
  }

  async function state(): Promise<AuthState> {
    const [token, user] = await Promise.all([currentToken(), store.readUser()]);
    const signedIn = token !== null && user !== null;
    return { signedIn, user: signedIn ? user : null };
  }

  /**
   * A token the API refused, or one past expiry, cannot be renewed without the agent: it is
   * forgotten at once, so the panel shows one signed-out state ("Your session ended") and never a
   * name with a Sign out button over a body asking to sign in.
   */
  function reauthorize(): Promise<void> {
    if (supervisor) {
      // The supervisor is at the page and signs in again there; their session is never renewed behind them.
      return store.clear().then(() => {
        throw new AuthError('interaction-required', 'The supervisor session ended');
      });
    }
    renewal ??= (async () => {
      const expected = (await store.readUser())?.id;
      await authorize(false, expected).catch(async (error: unknown) => {
        await endSession();
        if (error instanceof AuthError && error.kind === 'wrong-user') await requireFreshLogin(true);
        throw error;
      });
    })().finally(() => {
      renewal = null;
    });
    return renewal;
  }

  async function getAccess(): Promise<Access> {
    let token = await currentToken();
    if (!token) throw !supervisor && (await sessionEnded()) ? sessionEndedFailure() : authFailure('Not signed in');
    if (token.expiresAt - EXPIRY_MARGIN_MS <= now()) {
      try {
        await reauthorize();
      } catch {
        throw sessionEndedFailure();
      }
      token = await currentToken();
      if (!token) throw authFailure('Not signed in');
    }
    return { token: token.accessToken, apiBaseUrl: token.apiBaseUrl };
  }

  async function signIn(): Promise<AuthState> {
    await authorize(true);
    if (supervisor) {
      // The login host's session is now the supervisor's: the agent's next sign-in must not reuse it.
      await requireFreshLogin(true);
    } else {
      await forgetSessionEnded();
      await requireFreshLogin(false);
    }
    return state();
  }

  async function signOut(): Promise<AuthState> {
    const token = await currentToken();
    // Forget locally first: a failed revoke must never leave the user signed in here.
    await store.clear();
    if (!supervisor) await forgetSessionEnded();
    // Genesys has no API that ends its login session for a public client: revoking the token and
    // asking for credentials at the next sign-in (prompt=login) is as far as sign-out can go.
    await requireFreshLogin(true);
    if (token) {
      await deps.revoke({ token: token.accessToken, apiBaseUrl: token.apiBaseUrl }).catch(() => undefined);
    }
    return { signedIn: false, user: null };
  }

  return { state, signIn, signOut, getAccess, reauthorize };
}
