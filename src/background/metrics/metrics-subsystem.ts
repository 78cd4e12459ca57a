import type { Subsystem } from '../lifecycle/subsystem';
import { START_ORDER } from '../lifecycle/start-order';
import type { MetricsRecorder } from './metrics-recorder';

/** Metrics count every worker event; they start nothing and own no alarm. */
export function metricsSubsystem(metrics: Pick<MetricsRecorder, 'record'>): Subsystem {
  return { name: 'metrics', startOrder: START_ORDER.metrics, events: { listener: (event) => metrics.record(event) } };
}
