import type { RequestOf, ResponseOf } from '../shared/messages';
import { REPORT_PORT } from '../shared/report-port';
import { metered } from './main-thread-meter';
import { replyData, runtime, WorkerUnavailableError, type PortLike, type RuntimeLike } from './worker-channel';

/** The messages a frame sends on its report port: additions to its transcript (frame-reporter.ts). */
export type ReportType = 'desktop/transcript-appended';

export interface ReportChannel {
  send<T extends ReportType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>>;
}

interface Waiting {
  type: ReportType;
  resolve(data: unknown): void;
  reject(error: Error): void;
}

/**
 * A frame's transcript additions to the worker on one long-lived port (shared/report-port.ts)
 * instead of a `runtime.sendMessage` each, which opens a message channel per message
 * (docs/performance.md P4 says what that did and did not change). The port is opened at the first report and again after it
 * closes: the worker stopped (a port does not outlive it; opening one wakes it) or the extension
 * was reloaded (then every report fails as orphaned, as with askWorker). A request whose answer
 * never came when the port closed fails, so the watcher sends it again later.
 */
export function createReportChannel(api: () => RuntimeLike | undefined = runtime): ReportChannel {
  let port: PortLike | null = null;
  let seq = 0;
  const waiting = new Map<number, Waiting>();

  function failAll(message: string, orphaned: boolean): void {
    const failed = [...waiting.values()];
    waiting.clear();
    for (const request of failed) request.reject(new WorkerUnavailableError(message, orphaned));
  }

  const onReply = metered('worker-reply', (message: unknown): void => {
    if (typeof message !== 'object' || message === null || !('seq' in message) || typeof message.seq !== 'number') return;
    const request = waiting.get(message.seq);
    if (!request) return;
    waiting.delete(message.seq);
    try {
      request.resolve(replyData(request.type, (message as { reply?: unknown }).reply));
    } catch (error) {
      request.reject(error instanceof Error ? error : new Error(String(error)));
    }
  });

  function open(runtimeApi: RuntimeLike): PortLike {
    const opened = runtimeApi.connect({ name: REPORT_PORT });
    opened.onMessage.addListener(onReply);
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = null;
      failAll('The worker closed the report port', !runtimeApi.id);
    });
    return opened;
  }

  return {
    send<T extends ReportType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
      const runtimeApi = api();
      // After the extension is updated or removed, this script lives on without a runtime id.
      if (!runtimeApi?.id) return Promise.reject(new WorkerUnavailableError('The extension was reloaded', true));
      return new Promise<ResponseOf<T>>((resolve, reject) => {
        // Ids only need to tell this port's requests apart; they wrap long before precision runs out.
        const id = seq;
        seq = (seq + 1) % Number.MAX_SAFE_INTEGER;
        waiting.set(id, { type, resolve, reject });
        try {
          port ??= open(runtimeApi);
          port.postMessage({ seq: id, message: { type, data } });
        } catch (error) {
          // A closed port throws before its disconnect event: what waits on it fails now, and the
          // next report opens a new one.
          port = null;
          failAll(error instanceof Error ? error.message : String(error), !runtimeApi.id);
        }
      });
    },
  };
}
