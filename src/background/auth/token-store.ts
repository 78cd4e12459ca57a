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
