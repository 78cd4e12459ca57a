import { describe, expect, it } from 'vitest';
import { createSerialQueue } from './serial-queue';
import { deferred } from '../shared/testing/deferred';

describe('createSerialQueue', () => {
  it('runs the tasks of one key one at a time, in the order queued', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const first = deferred();
    const a = queue.run('k', async () => {
      log.push('a start');
      await first.promise;
      log.push('a end');
      return 'a';
    });
    const b = queue.run('k', () => {
      log.push('b');
      return 'b';
    });
    const c = queue.run('k', async () => {
      log.push('c');
      return 'c';
    });
    // Let every microtask that could start b or c run: neither may start while a holds the key.
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    first.resolve();
    expect(await Promise.all([a, b, c])).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b', 'c']);
  });

  it('runs different keys side by side', async () => {
    const queue = createSerialQueue();
    const blocker = deferred();
    const slow = queue.run('one', () => blocker.promise.then(() => 'one'));
    // Resolves while "one" is still blocked: the keys do not wait for each other.
    await expect(queue.run('two', async () => 'two')).resolves.toBe('two');
    expect(queue.busyKeys()).toEqual(['one']);
    blocker.resolve();
    await expect(slow).resolves.toBe('one');
  });

  it('rejects only the failing task; the key goes on with the next one', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const failing = queue.run('k', async () => {
      log.push('fail');
      throw new Error('boom');
    });
    const throwingSync = queue.run('k', () => {
      log.push('sync throw');
      throw new Error('sync boom');
    });
    const after = queue.run('k', async () => {
      log.push('after');
      return 42;
    });
    await expect(failing).rejects.toThrow('boom');
    await expect(throwingSync).rejects.toThrow('sync boom');
    await expect(after).resolves.toBe(42);
    expect(log).toEqual(['fail', 'sync throw', 'after']);
  });

  it('forgets a key once its last task settled', async () => {
    const queue = createSerialQueue();
    const gate = deferred();
    const run = queue.run('tab:1', () => gate.promise);
    expect(queue.busyKeys()).toEqual(['tab:1']);
    gate.resolve();
    await run;
    // The clean-up is chained after the task: a later task settling (and one more turn) is after it.
    await queue.run('tab:2', () => undefined);
    await Promise.resolve();
    expect(queue.busyKeys()).toEqual([]);
  });
});
