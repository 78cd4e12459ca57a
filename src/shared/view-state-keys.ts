/**
 * The storage.session keys of src/shared/view-state.ts, in a module without zod: the side panel
 * names them at start and checks what it reads by hand (docs/performance.md P8).
 */
export function viewStateKey(tabId: number): string {
  return `view:${tabId}`;
}

/** Public sign-in state (storage.session `auth:user`): who is signed in, never the token. */
export const AUTH_USER_KEY = 'auth:user';
