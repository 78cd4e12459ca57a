import { createHash } from 'node:crypto';

/**
 * The checks an Authorization Code + PKCE server makes (RFC 7636, and docs/genesys-api.md, "Sign-in"),
 * as pure functions so they can be tested without HTTP.
 */

/** The one OAuth client the simulator knows (a public client: PKCE, no secret). */
export const SIMULATOR_CLIENT_ID = 'agent-assist-sim';

/** Chrome's `identity.getRedirectURL()` and Firefox's equivalent. Nothing else may receive a code. */
const REDIRECT_URI_PATTERNS: readonly RegExp[] = [/^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/, /^https:\/\/[0-9a-f]+\.extensions\.allizom\.org\/$/];

export function isAllowedRedirectUri(value: string): boolean {
  return REDIRECT_URI_PATTERNS.some((pattern) => pattern.test(value));
}

/** RFC 7636 §4.1: 43–128 characters of the unreserved set. */
export function isValidCodeVerifier(value: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(value);
}

/** An S256 challenge is base64url(SHA-256) without padding: always 43 characters. */
export function isValidCodeChallenge(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function challengeFromVerifier(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** True when the verifier is well formed and hashes to the challenge given at authorize time. */
export function verifierMatchesChallenge(verifier: string, challenge: string): boolean {
  return isValidCodeVerifier(verifier) && challengeFromVerifier(verifier) === challenge;
}
