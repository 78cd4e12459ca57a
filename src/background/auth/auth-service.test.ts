import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Agent } from '../../shared/conversation';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import type { SignedInUser } from '../../shared/view-state';
import type { Access } from '../genesys/api-client';
import { ApiError } from '../genesys/api-error';
import { createAuthService, EXPIRY_MARGIN_MS, type AuthServiceDeps } from './auth-service';
import { AuthError } from './authorization-code';
import type { StoredToken } from './token-store';
import { deferred } from '../../shared/testing/deferred';

// The worker's credential store, in memory; every write and clear is logged in order.
const vault = vi.hoisted(() => ({
  token: null as StoredToken | null,
  agent: null as Agent | null,
  user: null as SignedInUser | null,
  ended: false,
  freshLogin: false,
  log: [] as string[],
}));
vi.mock('./token-store', () => {
  const clear = async () => {
    vault.log.push('clear');
    vault.token = null;
    vault.agent = null;
    vault.user = null;
  };
  return {
    agentCredentials: {
      readToken: async () => (vault.token ? { ...vault.token } : null),
      readUser: async () => vault.user,
      save: async (token: StoredToken, agent: Agent) => {
        vault.log.push('write-token', 'write-agent');
        vault.token = { ...token };
        vault.agent = agent;
        vault.user = { id: agent.id, name: agent.name };
      },
      clear,
    },
    endSession: async () => {
      await clear();
      vault.ended = true;
    },
    sessionEnded: async () => vault.ended,
    forgetSessionEnded: async () => {
      vault.ended = false;
    },
    freshLoginRequired: async () => vault.freshLogin,
    requireFreshLogin: async (required: boolean) => {
      vault.freshLogin = required;
    },
  };
});
// Everything browser-facing is injected; `browser` exists only in an extension.
vi.mock('../../shared/browser', () => ({ browser: {} }));

const T0 = Date.parse('2025-03-10T12:00:00Z');
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, region: 'mypurecloud.ie', clientId: 'client-1' };
const AGENT: Agent = { id: 'agent-1', name: 'Ann Agent', skills: ['Billing'] };

function tokenFor(settings: Settings, patch: Partial<StoredToken> = {}): StoredToken {
  const env = settings.region;
  return { accessToken: 'old-token', expiresAt: T0 + 3_600_000, issuer: `https://login.${env}`, apiBaseUrl: `https://api.${env}`, clientId: settings.clientId, ...patch };
}

function signedIn(settings: Settings = SETTINGS, patch: Partial<StoredToken> = {}) {
  vault.token = tokenFor(settings, patch);
  vault.agent = AGENT;
  vault.user = { id: AGENT.id, name: AGENT.name };
}

function harness(overrides: Partial<AuthServiceDeps> = {}) {
  let settings = SETTINGS;
  let clock = T0;
  let issued = 0;
  // The login host: the token endpoint answers a new token each time.
  const tokenEndpoint = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    issued++;
    return new Response(JSON.stringify({ access_token: `new-token-${issued}`, token_type: 'bearer', expires_in: 3600 }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', tokenEndpoint);
  // The login window: redirects back with a code and the state it was given.
  const launch = vi.fn(async (details: { url: string; interactive: boolean }) => {
    const state = new URL(details.url).searchParams.get('state');
    return `${REDIRECT}?code=code-${launch.mock.calls.length}&state=${state}`;
  });
  const loadProfile = vi.fn(async (_access: Access) => AGENT);
  const revoke = vi.fn(async (_access: Access) => {
    vault.log.push('revoke');
  });
  const deps: AuthServiceDeps = {
    settings: async () => settings,
    loadProfile,
    revoke,
    launchWebAuthFlow: launch,
    redirectUri: () => REDIRECT,
    now: () => clock,
    ...overrides,
  };
  return {
    auth: createAuthService(deps),
    launch,
    loadProfile,
    revoke,
    tokenEndpoint,
    setSettings: (next: Settings) => {
      settings = next;
    },
    setClock: (ms: number) => {
      clock = ms;
    },
  };
}

async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected an ApiError');
}

beforeEach(() => {
  vault.token = null;
  vault.agent = null;
  vault.user = null;
  vault.ended = false;
  vault.freshLogin = false;
  vault.log = [];
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('signIn', () => {
  it('runs the interactive PKCE flow and stores the token and the agent', async () => {
    const h = harness();
    const state = await h.auth.signIn();
    expect(state).toEqual({ signedIn: true, user: { id: 'agent-1', name: 'Ann Agent' } });

    expect(h.launch).toHaveBeenCalledTimes(1);
    const { url, interactive } = h.launch.mock.calls[0]![0];
    expect(interactive).toBe(true);
    expect(new URL(url).origin).toBe('https://login.mypurecloud.ie');
    expect(new URL(url).searchParams.get('client_id')).toBe('client-1');
    expect(new URL(url).searchParams.get('redirect_uri')).toBe(REDIRECT);

    expect(h.tokenEndpoint).toHaveBeenCalledTimes(1);
    expect(h.tokenEndpoint.mock.calls[0]![0]).toBe('https://login.mypurecloud.ie/oauth/token');
    expect(vault.token).toEqual({
      accessToken: 'new-token-1',
      expiresAt: T0 + 3_600_000,
      issuer: 'https://login.mypurecloud.ie',
      apiBaseUrl: 'https://api.mypurecloud.ie',
      clientId: 'client-1',
    });
    expect(vault.agent).toEqual(AGENT);
    expect(h.loadProfile).toHaveBeenCalledWith({ token: 'new-token-1', apiBaseUrl: 'https://api.mypurecloud.ie' });
  });

  it('reports a closed login window as cancelled and stores nothing', async () => {
    const h = harness({
      launchWebAuthFlow: async () => {
        throw new Error('The user did not approve access.');
      },
    });
    await expect(h.auth.signIn()).rejects.toMatchObject({ name: 'AuthError', kind: 'cancelled' });
    expect(vault.token).toBeNull();
  });

  it('refuses a redirect with another state, without exchanging the code', async () => {
    const h = harness({ launchWebAuthFlow: async () => `${REDIRECT}?code=stolen&state=not-ours` });
    await expect(h.auth.signIn()).rejects.toMatchObject({ kind: 'invalid-response' });
    expect(h.tokenEndpoint).not.toHaveBeenCalled();
    expect(vault.token).toBeNull();
  });

  it('stores nothing when the profile cannot be loaded', async () => {
    const h = harness({
      loadProfile: async () => {
        throw new ApiError('http', 'HTTP 403', { status: 403 });
      },
    });
    await expect(h.auth.signIn()).rejects.toThrow('HTTP 403');
    expect(vault.token).toBeNull();
    expect(vault.user).toBeNull();
  });

  it('refuses to start before the client id is set', async () => {
    const h = harness();
    h.setSettings({ ...SETTINGS, clientId: '' });
    const error = await h.auth.signIn().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ kind: 'not-configured' });
    expect(h.launch).not.toHaveBeenCalled();
  });
});

describe('getAccess', () => {
  it('fails with auth when nobody is signed in', async () => {
    const h = harness();
    const error = await apiFailure(h.auth.getAccess());
    expect(error.kind).toBe('auth');
    expect(h.launch).not.toHaveBeenCalled();
  });

  it('returns the stored token while it is far from expiry', async () => {
    signedIn();
    const h = harness();
    await expect(h.auth.getAccess()).resolves.toEqual({ token: 'old-token', apiBaseUrl: 'https://api.mypurecloud.ie' });
    expect(h.launch).not.toHaveBeenCalled();
  });

  it('does not renew one millisecond before the margin', async () => {
    signedIn(SETTINGS, { expiresAt: T0 + EXPIRY_MARGIN_MS + 1 });
    const h = harness();
    await expect(h.auth.getAccess()).resolves.toMatchObject({ token: 'old-token' });
    expect(h.launch).not.toHaveBeenCalled();
  });

  it('renews silently once within 60 s of expiry and returns the new token', async () => {
    expect(EXPIRY_MARGIN_MS).toBe(60_000);
    signedIn(SETTINGS, { expiresAt: T0 + EXPIRY_MARGIN_MS });
    const h = harness();
    await expect(h.auth.getAccess()).resolves.toEqual({ token: 'new-token-1', apiBaseUrl: 'https://api.mypurecloud.ie' });
    expect(h.launch).toHaveBeenCalledTimes(1);
    expect(h.launch.mock.calls[0]![0].interactive).toBe(false);
    expect(vault.token?.accessToken).toBe('new-token-1');
  });

  it('renews an already expired token silently', async () => {
    signedIn(SETTINGS, { expiresAt: T0 - 1 });
    const h = harness();
    await expect(h.auth.getAccess()).resolves.toMatchObject({ token: 'new-token-1' });
  });

  it('shares one silent renewal between concurrent callers', async () => {
    signedIn(SETTINGS, { expiresAt: T0 });
    const gate = deferred<void>();
    const h = harness();
    const realLaunch = h.launch.getMockImplementation()!;
    h.launch.mockImplementation(async (details) => {
      await gate.promise;
      return realLaunch(details);
    });
    const all = Promise.all([h.auth.getAccess(), h.auth.getAccess(), h.auth.reauthorize()]);
    await vi.waitFor(() => expect(h.launch).toHaveBeenCalled());
    gate.resolve();
    const [a, b] = await all;
    expect(h.launch).toHaveBeenCalledTimes(1);
    expect(h.tokenEndpoint).toHaveBeenCalledTimes(1);
    expect(a).toEqual(b);
    expect(a.token).toBe('new-token-1');
  });

  it('clears the credentials and fails with auth when silent renewal fails', async () => {
    signedIn(SETTINGS, { expiresAt: T0 + 1000 });
    const h = harness({
      launchWebAuthFlow: async () => {
        throw new Error('User interaction required.');
      },
    });
    const error = await apiFailure(h.auth.getAccess());
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(vault.token).toBeNull();
    expect(vault.user).toBeNull();
    await expect(h.auth.state()).resolves.toEqual({ signedIn: false, user: null });
    // Every later caller hears that the session ended (one signed-out state), until a sign-in or sign-out.
    expect((await apiFailure(h.auth.getAccess())).code).toBe('session-ended');
    await h.auth.signOut();
    expect((await apiFailure(h.auth.getAccess())).code).toBeUndefined();
  });

  it('refuses a silent renewal that comes back as another user, and asks for a fresh login next', async () => {
    signedIn(SETTINGS, { expiresAt: T0 + 1000 });
    const h = harness();
    h.loadProfile.mockResolvedValueOnce({ id: 'supervisor-1', name: 'Sam Supervisor', skills: [] });
    const error = await apiFailure(h.auth.getAccess());
    expect(error.code).toBe('session-ended');
    expect(vault.user).toBeNull();
    expect(vault.token).toBeNull();
    expect(h.revoke).toHaveBeenCalledWith({ token: 'new-token-1', apiBaseUrl: 'https://api.mypurecloud.ie' });
    expect(vault.freshLogin).toBe(true);
  });

  it('treats a token issued for another client id as unusable', async () => {
    signedIn();
    const h = harness();
    h.setSettings({ ...SETTINGS, clientId: 'client-2' });
    expect((await apiFailure(h.auth.getAccess())).kind).toBe('auth');
    await expect(h.auth.state()).resolves.toEqual({ signedIn: false, user: null });
    expect(h.launch).not.toHaveBeenCalled();
  });

  it('treats a token issued for another region as unusable', async () => {
    signedIn();
    const h = harness();
    h.setSettings({ ...SETTINGS, region: 'mypurecloud.de' });
    expect((await apiFailure(h.auth.getAccess())).kind).toBe('auth');
  });

  it('treats a token issued for other custom endpoints as unusable, and accepts it again when they come back', async () => {
    const custom: Settings = { ...SETTINGS, region: 'custom', loginBaseUrl: 'https://login.example.com/', apiBaseUrl: 'https://api.example.com' };
    signedIn(custom, { issuer: 'https://login.example.com', apiBaseUrl: 'https://api.example.com' });
    const h = harness();
    h.setSettings(custom);
    await expect(h.auth.getAccess()).resolves.toEqual({ token: 'old-token', apiBaseUrl: 'https://api.example.com' });
    h.setSettings({ ...custom, apiBaseUrl: 'https://api.other.example.com' });
    expect((await apiFailure(h.auth.getAccess())).kind).toBe('auth');
    h.setSettings(custom);
    await expect(h.auth.getAccess()).resolves.toMatchObject({ token: 'old-token' });
  });
});

describe('reauthorize', () => {
  it('starts a new attempt once the previous one has finished', async () => {
    signedIn();
    const h = harness();
    await h.auth.reauthorize();
    await h.auth.reauthorize();
    expect(h.launch).toHaveBeenCalledTimes(2);
    expect(vault.token?.accessToken).toBe('new-token-2');
  });

  it('lets every concurrent caller see the failure, then allows a new attempt', async () => {
    signedIn();
    let fail = true;
    const h = harness();
    const realLaunch = h.launch.getMockImplementation()!;
    h.launch.mockImplementation(async (details) => {
      if (fail) throw new Error('User interaction required.');
      return realLaunch(details);
    });
    const results = await Promise.allSettled([h.auth.reauthorize(), h.auth.reauthorize()]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(h.launch).toHaveBeenCalledTimes(1);
    fail = false;
    await expect(h.auth.reauthorize()).resolves.toBeUndefined();
    expect(h.launch).toHaveBeenCalledTimes(2);
  });
});

describe('signOut and state', () => {
  it('clears the credentials before revoking the token', async () => {
    signedIn();
    const h = harness();
    await expect(h.auth.signOut()).resolves.toEqual({ signedIn: false, user: null });
    expect(vault.log).toEqual(['clear', 'revoke']);
    expect(h.revoke).toHaveBeenCalledWith({ token: 'old-token', apiBaseUrl: 'https://api.mypurecloud.ie' });
    expect(vault.token).toBeNull();
  });

  it('still signs out when the revoke call fails', async () => {
    signedIn();
    const h = harness({
      revoke: async () => {
        throw new ApiError('network', 'Failed to fetch');
      },
    });
    await expect(h.auth.signOut()).resolves.toEqual({ signedIn: false, user: null });
    expect(vault.token).toBeNull();
    expect(vault.user).toBeNull();
  });

  it('does not call revoke when there is no usable token', async () => {
    const h = harness();
    await h.auth.signOut();
    expect(h.revoke).not.toHaveBeenCalled();
  });

  it('reports signed in only with both a usable token and a user', async () => {
    const h = harness();
    await expect(h.auth.state()).resolves.toEqual({ signedIn: false, user: null });
    signedIn();
    await expect(h.auth.state()).resolves.toEqual({ signedIn: true, user: { id: 'agent-1', name: 'Ann Agent' } });
    vault.user = null;
    await expect(h.auth.state()).resolves.toEqual({ signedIn: false, user: null });
  });
});

describe('switching users', () => {
  const promptOf = (h: ReturnType<typeof harness>, call: number) => new URL(h.launch.mock.calls[call]![0].url).searchParams.get('prompt');

  it('asks for credentials (prompt=login) at the first sign-in after a sign-out, and not after that', async () => {
    const h = harness();
    await h.auth.signIn();
    expect(promptOf(h, 0)).toBeNull(); // a first sign-in may reuse the Genesys login session
    await h.auth.signOut();
    expect(vault.freshLogin).toBe(true);
    await h.auth.signIn();
    expect(promptOf(h, 1)).toBe('login');
    expect(vault.freshLogin).toBe(false);
    await h.auth.reauthorize();
    expect(h.launch.mock.calls[2]![0]).toMatchObject({ interactive: false });
    expect(promptOf(h, 2)).toBeNull(); // a silent renewal never asks
  });

  it("keeps a supervisor's session in its own store: always a login page, never renewed silently, never the agent's", async () => {
    signedIn();
    const saved: { token: StoredToken | null; user: SignedInUser | null } = { token: null, user: null };
    const store = {
      readToken: async () => saved.token,
      readUser: async () => saved.user,
      save: async (token: StoredToken, agent: Agent) => {
        saved.token = token;
        saved.user = { id: agent.id, name: agent.name };
      },
      clear: async () => {
        saved.token = null;
        saved.user = null;
      },
    };
    const h = harness({ role: 'supervisor', store, loadProfile: vi.fn(async () => ({ id: 'supervisor-1', name: 'Sam Supervisor', skills: [] })) });
    await expect(h.auth.signIn()).resolves.toEqual({ signedIn: true, user: { id: 'supervisor-1', name: 'Sam Supervisor' } });
    expect(promptOf(h, 0)).toBe('login');
    expect(vault.user).toEqual({ id: 'agent-1', name: 'Ann Agent' }); // the agent's session is untouched
    expect(vault.freshLogin).toBe(true); // the login host's session is the supervisor's now
    await expect(h.auth.reauthorize()).rejects.toThrow();
    expect(h.launch).toHaveBeenCalledTimes(1);
    expect(saved.user).toBeNull();
    expect(vault.token?.accessToken).toBe('old-token');
  });
});
