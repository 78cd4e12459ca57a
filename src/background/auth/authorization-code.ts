import * as oauth from 'oauth4webapi';
import { SIMULATOR_BUILD } from '../../shared/build-flags';
import type { Endpoints } from '../../shared/settings';

/**
 * Authorization Code + PKCE against the Genesys login host (docs/genesys-api.md "Sign-in").
 * oauth4webapi does the protocol checks (state, error responses, token response shape); this
 * module only knows Genesys's endpoints and that PKCE clients get no refresh token.
 */

export class AuthError extends Error {
  constructor(
    readonly kind: 'cancelled' | 'interaction-required' | 'denied' | 'invalid-response' | 'exchange-failed' | 'not-configured' | 'page-failed' | 'wrong-user',
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

export interface AuthRequest {
  url: string;
  state: string;
  codeVerifier: string;
  redirectUri: string;
}

export interface TokenSet {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

function authorizationServer(endpoints: Endpoints): oauth.AuthorizationServer {
  return {
    issuer: endpoints.loginBaseUrl,
    authorization_endpoint: `${endpoints.loginBaseUrl}/oauth/authorize`,
    token_endpoint: `${endpoints.loginBaseUrl}/oauth/token`,
  };
}

/**
 * A fresh authorize URL with a new S256 challenge and state. The verifier never leaves the worker.
 * `prompt: 'login'` makes Genesys ask for credentials even when its login session would answer
 * at once (its documented "force prompt" parameter): how a sign-out or a user switch gets a real
 * login page.
 */
export async function createAuthRequest(endpoints: Endpoints, clientId: string, redirectUri: string, prompt?: 'login'): Promise<AuthRequest> {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(authorizationServer(endpoints).authorization_endpoint as string);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...(prompt && { prompt }),
  }).toString();
  return { url: url.toString(), state, codeVerifier, redirectUri };
}

/** Checks the redirect the login host sent back: the state must match and there must be no error. */
export function readAuthResponse(endpoints: Endpoints, clientId: string, redirectedTo: string, expectedState: string): URLSearchParams {
  try {
    return oauth.validateAuthResponse(authorizationServer(endpoints), { client_id: clientId }, new URL(redirectedTo), expectedState);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      const kind = error.error === 'access_denied' ? 'denied' : 'invalid-response';
      throw new AuthError(kind, error.error_description ?? error.error);
    }
    throw new AuthError('invalid-response', error instanceof Error ? error.message : String(error));
  }
}

/** Exchanges the code for a token (POST /oauth/token with the verifier). */
export async function exchangeCode(
  endpoints: Endpoints,
  clientId: string,
  callbackParameters: URLSearchParams,
  request: AuthRequest,
  now: () => number = Date.now,
): Promise<TokenSet> {
  const as = authorizationServer(endpoints);
  const client: oauth.Client = { client_id: clientId };
  // Loopback http is the simulator; store builds compile this to false.
  const insecure = SIMULATOR_BUILD && new URL(endpoints.loginBaseUrl).protocol === 'http:';
  try {
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), callbackParameters, request.redirectUri, request.codeVerifier, {
      [oauth.allowInsecureRequests]: insecure,
    });
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    // Genesys tokens last 300 s to 48 h depending on the OAuth client; assume the shortest if unsaid.
    const lifetimeSeconds = typeof tokens.expires_in === 'number' ? tokens.expires_in : 300;
    return { accessToken: tokens.access_token, expiresAt: now() + lifetimeSeconds * 1000 };
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) {
      throw new AuthError('exchange-failed', `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`);
    }
    throw new AuthError('exchange-failed', error instanceof Error ? error.message : String(error));
  }
}
