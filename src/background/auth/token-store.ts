import * as z from 'zod/mini';
import { browser } from '../../shared/browser';
import { AUTH_USER_KEY, SignedInUser } from '../../shared/view-state';
import { Agent } from '../../shared/conversation';

/**
 * The one owner of credentials. They live in storage.session, which Chrome keeps in memory, clears
 * when the browser closes, and (access level TRUSTED_CONTEXTS, set at start-up by platform.ts)
 * never shows to content scripts. Only the public name goes under a key the panel reads.
 */
const TOKEN_KEY = 'auth:token';
const AGENT_KEY = 'auth:agent';
/** Set when the session ended without the agent signing out (token refused, renewal failed). */
const ENDED_KEY = 'auth:session-ended';

const StoredToken = z.object({
  accessToken: z.string(),
  expiresAt: z.number(),
  /** The endpoints and client the token was issued for: a settings change invalidates it. */
  issuer: z.string(),
  apiBaseUrl: z.string(),
  clientId: z.string(),
});
export type StoredToken = z.infer<typeof StoredToken>;

export async function readToken(): Promise<StoredToken | null> {
  const stored = await browser.storage.session.get(TOKEN_KEY);
  const parsed = StoredToken.safeParse(stored[TOKEN_KEY]);
  return parsed.success ? parsed.data : null;
}

export async function writeToken(token: StoredToken): Promise<void> {
  await browser.storage.session.set({ [TOKEN_KEY]: token });
}

export async function readAgent(): Promise<Agent | null> {
  const stored = await browser.storage.session.get(AGENT_KEY);
  const parsed = Agent.safeParse(stored[AGENT_KEY]);
  return parsed.success ? parsed.data : null;
}

export async function writeAgent(agent: Agent): Promise<void> {
  const user: SignedInUser = { id: agent.id, name: agent.name };
  await browser.storage.session.set({ [AGENT_KEY]: agent, [AUTH_USER_KEY]: user });
}

export async function readSignedInUser(): Promise<SignedInUser | null> {
  const stored = await browser.storage.session.get(AUTH_USER_KEY);
  const parsed = SignedInUser.safeParse(stored[AUTH_USER_KEY]);
  return parsed.success ? parsed.data : null;
}

/** Forgets the token and who was signed in. */
export async function clearCredentials(): Promise<void> {
  await browser.storage.session.remove([TOKEN_KEY, AGENT_KEY, AUTH_USER_KEY]);
}

/** Forgets the credentials of a session that ended by itself, and remembers that it did. */
export async function endSession(): Promise<void> {
  await clearCredentials();
  await browser.storage.session.set({ [ENDED_KEY]: true });
}

export async function sessionEnded(): Promise<boolean> {
  return (await browser.storage.session.get(ENDED_KEY))[ENDED_KEY] === true;
}

/** A sign-in or a deliberate sign-out: the signed-out state is no longer "your session ended". */
export async function forgetSessionEnded(): Promise<void> {
  await browser.storage.session.remove(ENDED_KEY);
}

/**
 * Whether the agent's next interactive sign-in must show the login page (`prompt=login`): after a
 * sign-out, or once another user may hold the login host's session in this browser (a supervisor
 * signed in on the supervisor page). In storage.local: the login host's cookie may outlive the
 * browser session, so the requirement does too. Not a credential.
 */
const FRESH_LOGIN_KEY = 'auth:fresh-login';

export async function freshLoginRequired(): Promise<boolean> {
  return (await browser.storage.local.get(FRESH_LOGIN_KEY))[FRESH_LOGIN_KEY] === true;
}

export async function requireFreshLogin(required: boolean): Promise<void> {
  if (required) await browser.storage.local.set({ [FRESH_LOGIN_KEY]: true });
  else await browser.storage.local.remove(FRESH_LOGIN_KEY);
}

/** Where a sign-in keeps its token and who it is: the agent's session, or the supervisor page's own. */
export interface CredentialStore {
  readToken(): Promise<StoredToken | null>;
  readUser(): Promise<SignedInUser | null>;
  save(token: StoredToken, agent: Agent): Promise<void>;
  clear(): Promise<void>;
}

export const agentCredentials: CredentialStore = {
  readToken: () => readToken(),
  readUser: () => readSignedInUser(),
  async save(token, agent) {
    await writeToken(token);
    await writeAgent(agent);
  },
  clear: () => clearCredentials(),
};

/**
 * The supervisor page's own session (storage.session `auth:supervisor`), apart from the agent's:
 * a supervisor signing in at an agent's browser never becomes the panel's user, and nothing the
 * agent does is credited to them. Nothing but the supervisor page's permission check uses it.
 */
const SUPERVISOR_KEY = 'auth:supervisor';
const SupervisorSession = z.object({ token: StoredToken, user: SignedInUser });

async function readSupervisor(): Promise<z.infer<typeof SupervisorSession> | null> {
  const parsed = SupervisorSession.safeParse((await browser.storage.session.get(SUPERVISOR_KEY))[SUPERVISOR_KEY]);
  return parsed.success ? parsed.data : null;
}

export const supervisorCredentials: CredentialStore = {
  readToken: async () => (await readSupervisor())?.token ?? null,
  readUser: async () => (await readSupervisor())?.user ?? null,
  async save(token, agent) {
    await browser.storage.session.set({ [SUPERVISOR_KEY]: { token, user: { id: agent.id, name: agent.name } } });
  },
  clear: () => browser.storage.session.remove(SUPERVISOR_KEY),
};
