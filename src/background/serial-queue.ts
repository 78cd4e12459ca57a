/**
 * Runs tasks one at a time per key, in the order they were queued; tasks of different keys run
 * side by side. The worker's read-modify-write stores (storage.session lists, the audit chain's
 * head, a tab's frames) need this because two messages or events can arrive in the same tick,
 * and each would otherwise read the value the other is about to overwrite.
 *
 * A task that fails rejects its own promise only: the next task of the key still runs. A key
 * with nothing queued is forgotten, so per-tab or per-conversation keys do not pile up.
 */
export interface SerialQueue {
  run<T>(key: string, task: () => T | Promise<T>): Promise<T>;
  /** Keys with a task running or waiting (for tests and diagnostics). */
  busyKeys(): string[];
}

export function createSerialQueue(): SerialQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => T | Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      // A synchronous throw in `task` becomes this run's rejection, like an async one.
      const run = previous.then(() => task());
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return run;
    },
    busyKeys: () => [...tails.keys()],
  };
}
