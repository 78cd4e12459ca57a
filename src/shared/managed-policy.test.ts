import { describe, expect, it } from 'vitest';
import { createManagedPolicyReader, samePolicy, type ManagedPolicyDeps, type Policy } from './managed-policy';

/** A policy service that answers when the test says, a storage copy, and a clock the test moves. */
function setup(copy: Policy | null = null) {
  let clock = 0;
  const sleepers: { at: number; wake(): void }[] = [];
  const pending: { resolve(policy: Policy): void; reject(error: Error): void }[] = [];
  const state = { copy, reads: 0, copyReads: 0, writes: [] as Policy[] };
  const deps: ManagedPolicyDeps = {
    readPolicy: () =>
      new Promise<Policy>((resolve, reject) => {
        state.reads++;
        pending.push({ resolve, reject });
      }),
    readCopy: async () => {
      state.copyReads++;
      return state.copy;
    },
    writeCopy: async (policy) => {
      state.writes.push(policy);
      state.copy = policy;
    },
    now: () => clock,
    sleep: (ms) => new Promise<void>((wake) => sleepers.push({ at: clock + ms, wake })),
    waitMs: 1000,
  };
  const advance = async (ms: number) => {
    clock += ms;
    for (const sleeper of sleepers.filter((entry) => entry.at <= clock)) sleeper.wake();
    await flush();
  };
  return { read: createManagedPolicyReader(deps), state, pending, advance };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reading the managed policy', () => {
  it('answers with the policy service when it answers in time, and keeps a copy', async () => {
    const { read, state, pending } = setup();
    const reading = read();
    await flush();
    pending[0]!.resolve({ region: 'mypurecloud.de' });
    expect(await reading).toEqual({ region: 'mypurecloud.de' });
    expect(state.copy).toEqual({ region: 'mypurecloud.de' });
  });

  it('does not rewrite an unchanged copy (a write would make every settings watcher read again)', async () => {
    const { read, state, pending } = setup({ clientId: 'abc', region: 'mypurecloud.com' });
    const reading = read();
    await flush();
    pending[0]!.resolve({ region: 'mypurecloud.com', clientId: 'abc' });
    await reading;
    expect(state.writes).toEqual([]);
  });

  it('writes no copy when there is no policy and never was (most installs)', async () => {
    const { read, state, pending } = setup(null);
    const reading = read();
    await flush();
    pending[0]!.resolve({});
    expect(await reading).toEqual({});
    expect(state.writes).toEqual([]);
  });

  it('goes by the last copy when the policy service is slow, and updates the copy when it answers', async () => {
    const { read, state, pending, advance } = setup({ region: 'mypurecloud.com' });
    const reading = read();
    await advance(999);
    let settled = false;
    void reading.then(() => (settled = true));
    await flush();
    expect(settled).toBe(false);
    await advance(1);
    expect(await reading).toEqual({ region: 'mypurecloud.com' });
    pending[0]!.resolve({ region: 'mypurecloud.ie' });
    await flush();
    expect(state.copy).toEqual({ region: 'mypurecloud.ie' });
  });

  it('goes by no policy when it is slow and there has never been one', async () => {
    const { read, advance } = setup(null);
    const reading = read();
    await advance(1000);
    expect(await reading).toEqual({});
  });

  it('asks the policy service once at a time: a service that never answers costs the wait once', async () => {
    const { read, state, advance } = setup({ region: 'mypurecloud.com' });
    const first = read();
    await advance(1000);
    await first;
    // Later reads do not wait again for the same unanswered request, nor start another.
    expect(await read()).toEqual({ region: 'mypurecloud.com' });
    expect(await read()).toEqual({ region: 'mypurecloud.com' });
    expect(state.reads).toBe(1);
  });

  it('looks at the copy only when the policy service says something new', async () => {
    const { read, state, pending } = setup({ region: 'mypurecloud.com' });
    const answer = async (policy: Policy) => {
      const reading = read();
      await flush();
      pending.at(-1)!.resolve(policy);
      return reading;
    };
    for (let index = 0; index < 3; index++) await answer({ region: 'mypurecloud.com' });
    expect(state.copyReads).toBe(1);
    expect(state.writes).toEqual([]);
    expect(await answer({ region: 'mypurecloud.ie' })).toEqual({ region: 'mypurecloud.ie' });
    expect(state.copyReads).toBe(2);
    expect(state.copy).toEqual({ region: 'mypurecloud.ie' });
  });

  it('asks again once the previous answer came', async () => {
    const { read, state, pending } = setup();
    const first = read();
    await flush();
    pending[0]!.resolve({});
    await first;
    const second = read();
    await flush();
    pending[1]!.resolve({ clientId: 'x' });
    expect(await second).toEqual({ clientId: 'x' });
    expect(state.reads).toBe(2);
  });

  it('reads a failing policy service (Firefox without a policy) as no policy, replacing an old copy', async () => {
    const { read, state, pending } = setup({ region: 'mypurecloud.com' });
    const reading = read();
    await flush();
    pending[0]!.reject(new Error('Managed storage manifest not found'));
    expect(await reading).toEqual({});
    expect(state.copy).toEqual({});
  });
});

describe('samePolicy', () => {
  it('ignores key order, not values', () => {
    expect(samePolicy({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(samePolicy({ a: 1 }, { a: 2 })).toBe(false);
    expect(samePolicy({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(samePolicy({}, { a: undefined })).toBe(false);
  });
});

describe('when storage fails', () => {
  it('still answers with the policy read when the copy cannot be written (a full disk), and with none when nothing can be read', async () => {
    const full = createManagedPolicyReader({
      readPolicy: async () => ({ clientId: 'abc' }),
      readCopy: async () => null,
      writeCopy: () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
      now: () => 0,
      sleep: () => new Promise<void>(() => undefined),
      waitMs: 1000,
    });
    expect(await full()).toEqual({ clientId: 'abc' });

    const broken = createManagedPolicyReader({
      readPolicy: () => {
        throw new TypeError('storage.managed is undefined');
      },
      readCopy: () => {
        throw new TypeError('storage.local is undefined');
      },
      writeCopy: async () => undefined,
      now: () => 0,
      sleep: () => new Promise<void>(() => undefined),
      waitMs: 1000,
    });
    expect(await broken()).toEqual({});
  });
});
