import { describe, expect, it, vi } from 'vitest';
import { createInFlight } from './in-flight';
import { deferred } from '../../shared/testing/deferred';

describe('createInFlight', () => {
  it('runs one request per key and gives every asker its result', async () => {
    const inFlight = createInFlight<string>();
    const answer = deferred<string>();
    const start = vi.fn(() => answer.promise);
    const first = inFlight.run('k', new AbortController().signal, start);
    const second = inFlight.run('k', new AbortController().signal, start);
    expect(start).toHaveBeenCalledTimes(1);
    answer.resolve('cards');
    await expect(first).resolves.toBe('cards');
    await expect(second).resolves.toBe('cards');
    expect(inFlight.size()).toBe(0);
  });

  it('starts again once the previous request for the key has finished', async () => {
    const inFlight = createInFlight<number>();
    let calls = 0;
    const start = () => Promise.resolve(++calls);
    await inFlight.run('k', new AbortController().signal, start);
    await expect(inFlight.run('k', new AbortController().signal, start)).resolves.toBe(2);
  });

  it('keeps the shared request going while one asker remains', async () => {
    const inFlight = createInFlight<string>();
    const answer = deferred<string>();
    let sharedSignal: AbortSignal | undefined;
    const leaving = new AbortController();
    const first = inFlight.run('k', leaving.signal, (signal) => {
      sharedSignal = signal;
      return answer.promise;
    });
    const second = inFlight.run('k', new AbortController().signal, () => answer.promise);
    leaving.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(sharedSignal?.aborted).toBe(false);
    answer.resolve('still useful');
    await expect(second).resolves.toBe('still useful');
  });

  it('aborts the shared request when every asker has gone', async () => {
    const inFlight = createInFlight<string>();
    let sharedSignal: AbortSignal | undefined;
    const a = new AbortController();
    const b = new AbortController();
    const never = new Promise<string>(() => undefined);
    const first = inFlight.run('k', a.signal, (signal) => {
      sharedSignal = signal;
      return never;
    });
    const second = inFlight.run('k', b.signal, () => never);
    a.abort();
    b.abort();
    await expect(first).rejects.toThrow();
    await expect(second).rejects.toThrow();
    expect(sharedSignal?.aborted).toBe(true);
    expect(inFlight.size()).toBe(0);
  });

  it('passes a failure to every asker', async () => {
    const inFlight = createInFlight<string>();
    const answer = deferred<string>();
    const first = inFlight.run('k', new AbortController().signal, () => answer.promise);
    const second = inFlight.run('k', new AbortController().signal, () => answer.promise);
    answer.reject(new Error('503'));
    await expect(first).rejects.toThrow('503');
    await expect(second).rejects.toThrow('503');
  });
});
