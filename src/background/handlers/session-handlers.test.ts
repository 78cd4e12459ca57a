import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { AuthError } from '../auth/authorization-code';
import type { WorkerEvent } from '../worker-events';
import { sessionHandlers, type SessionHandlerDeps } from './session-handlers';

const agent = { id: 'agent-1', name: 'Ada' };

function harness(overrides: Partial<SessionHandlerDeps['auth']> = {}) {
  const calls: string[] = [];
  const deps: SessionHandlerDeps = {
    auth: {
      state: async () => ({ signedIn: true, user: agent }),
      signIn: async () => ({ signedIn: true, user: agent }),
      signOut: async () => {
        calls.push('signed out');
        return { signedIn: false, user: null };
      },
      ...overrides,
    },
    clearCache: async () => void calls.push('cache cleared'),
    emit: async (event: WorkerEvent) => void calls.push(`emit ${event.type} ${'user' in event ? (event.user?.id ?? 'nobody') : ''}`),
    refreshAllTabs: async () => void calls.push('tabs refreshed'),
    settings: async () => DEFAULT_SETTINGS,
    redirectUri: () => 'https://extension.example/cb',
  };
  return { calls, handlers: sessionHandlers(deps) };
}

const page = { kind: 'extension-page' as const, url: 'chrome-extension://id/options.html' };

describe('sessionHandlers', () => {
  it('signs out: the event names who left, the cache is cleared, then the tabs are recomputed', async () => {
    const { calls, handlers } = harness();
    await expect(handlers['page/sign-out']({}, page)).resolves.toEqual({ signedIn: false, user: null });
    expect(calls).toEqual(['signed out', 'emit signed-out agent-1', 'cache cleared', 'tabs refreshed']);
  });

  it('signs in: announced before the tabs are recomputed', async () => {
    const { calls, handlers } = harness();
    await handlers['page/sign-in']({}, page);
    expect(calls).toEqual(['emit signed-in agent-1', 'tabs refreshed']);
  });

  it('answers a login page that failed to load with what the admin must check, announcing nothing', async () => {
    const { calls, handlers } = harness({
      signIn: () => Promise.reject(new AuthError('page-failed', 'Authorization page could not be loaded')),
    });
    const reply = await handlers['page/sign-in']({}, page);
    expect(reply).toMatchObject({ signedIn: false, user: null, failure: { reason: 'page-failed', redirectUri: 'https://extension.example/cb' } });
    expect(calls).toEqual([]);
  });
});
