import type { Handlers } from '../messaging/router';
import type { MetricsRecorder } from '../metrics/metrics-recorder';
import type { Outbox } from '../outbox/outbox';

/** What the options page reports on: metrics and the outbox. */
export function reportHandlers(deps: { metrics: Pick<MetricsRecorder, 'report'>; outbox: Pick<Outbox, 'status'> }): Pick<Handlers, 'page/get-metrics' | 'page/get-outbox-status'> {
  return {
    async 'page/get-metrics'(query) {
      return deps.metrics.report(query);
    },
    async 'page/get-outbox-status'() {
      return deps.outbox.status();
    },
  };
}
