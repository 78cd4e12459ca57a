import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetHostPauseMirror, hostPausedUntil, pauseHost } from './host-pause';

const session = vi.hoisted(() => new Map<string, unknown>());
vi.mock('../../shared/browser', async () => {
  const { memoryStorageArea } = await import('../../shared/testing/memory-storage-area');
  return { browser: { storage: { session: memoryStorageArea(session) } } };
});

const T = 1_700_000_000_000;

beforeEach(() => {
  session.clear();
  forgetHostPauseMirror();
});

describe('host pauses', () => {
  it('is 0 for a host never paused', async () => {
    expect(await hostPausedUntil('api.mypurecloud.com', T)).toBe(0);
  });

  it('reports the pause until it has passed', async () => {
    await pauseHost('api.mypurecloud.com', T + 3000, T);
    expect(await hostPausedUntil('api.mypurecloud.com', T)).toBe(T + 3000);
    expect(await hostPausedUntil('api.mypurecloud.com', T + 2999)).toBe(T + 3000);
    expect(await hostPausedUntil('api.mypurecloud.com', T + 3000)).toBe(0);
    expect(await hostPausedUntil('api.mypurecloud.ie', T)).toBe(0);
  });

  it('survives a worker restart (kept in storage.session, not only in memory)', async () => {
    await pauseHost('api.mypurecloud.com', T + 10_000, T);
    forgetHostPauseMirror();
    expect(await hostPausedUntil('api.mypurecloud.com', T + 1)).toBe(T + 10_000);
  });

  it('never shortens a pause', async () => {
    await pauseHost('h', T + 10_000, T);
    await pauseHost('h', T + 2000, T + 1000);
    expect(await hostPausedUntil('h', T + 5000)).toBe(T + 10_000);
    await pauseHost('h', T + 20_000, T + 5000);
    expect(await hostPausedUntil('h', T + 15_000)).toBe(T + 20_000);
  });

  it('drops expired pauses of other hosts when storing a new one', async () => {
    await pauseHost('old', T + 1000, T);
    await pauseHost('live', T + 50_000, T);
    await pauseHost('new', T + 9000, T + 2000);
    forgetHostPauseMirror();
    const stored = session.get('api:host-pauses') as Record<string, number>;
    expect(stored).toEqual({ live: T + 50_000, new: T + 9000 });
  });

  it('treats an unreadable stored value as no pauses', async () => {
    session.set('api:host-pauses', { h: 'tomorrow' });
    expect(await hostPausedUntil('h', T)).toBe(0);
  });
});
