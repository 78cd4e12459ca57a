/**
 * One request per key at a time, whoever asks (docs/performance.md E4). Each asker brings its own abort
 * signal; the shared request is aborted only when every asker has given up, so one tab moving on
 * does not cancel the answer another tab is waiting for.
 */
export interface InFlight<T> {
  run(key: string, signal: AbortSignal, start: (signal: AbortSignal) => Promise<T>): Promise<T>;
  size(): number;
}

interface Shared<T> {
  promise: Promise<T>;
  controller: AbortController;
  askers: number;
}

export function createInFlight<T>(): InFlight<T> {
  const running = new Map<string, Shared<T>>();

  return {
    run(key, signal, start) {
      if (signal.aborted) return Promise.reject(abortError());
      let shared = running.get(key);
      if (!shared) {
        const controller = new AbortController();
        const promise = start(controller.signal).finally(() => {
          if (running.get(key) === entry) running.delete(key);
        });
        const entry: Shared<T> = { promise, controller, askers: 0 };
        shared = entry;
        running.set(key, entry);
      }
      const current = shared;
      current.askers++;
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => {
          current.askers--;
          if (current.askers === 0) {
            current.controller.abort();
            if (running.get(key) === current) running.delete(key);
          }
          reject(abortError());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        current.promise.then(
          (value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    },
    size: () => running.size,
  };
}

function abortError(): Error {
  return new DOMException('The request was cancelled', 'AbortError');
}
